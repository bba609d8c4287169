import { useForm, type FormValidateInput, type LooseKeys } from '@mantine/form';
import { useFormErrors, type FieldMessage } from './form-problem';

interface RecordFormInput<V> {
  initialValues: V;
  /** The checks made before asking the server; they run on Save. */
  validate?: FormValidateInput<V>;
  /** The last save's error: its field messages are shown at their inputs. */
  saveError: unknown;
  /** The form's own sentences for its API field messages. */
  messages?: FieldMessage;
}

/**
 * The state of an administration form (@mantine/form) and the errors to show: the form's own
 * checks, else the server's message for the field. A check's message stays until the next
 * Save, as the server's does.
 */
export function useRecordForm<V extends Record<string, unknown>>({
  initialValues,
  validate,
  saveError,
  messages,
}: RecordFormInput<V>) {
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate,
    clearInputErrorOnChange: false,
  });
  const checks = Object.fromEntries(
    Object.entries(form.errors).filter(([, message]) => message != null && message !== false),
  ) as Record<string, string>;
  const errors: Record<string, string> = { ...useFormErrors(saveError, messages), ...checks };
  /** An input's value, change handler and error (`type: 'checkbox'` for a checkbox). */
  const field = (path: LooseKeys<V>, options?: { type?: 'input' | 'checkbox' }) => ({
    ...form.getInputProps(path, options),
    error: errors[path],
  });
  return { form, errors, field };
}
