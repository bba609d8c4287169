import { useEffect, useRef } from 'react';
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
  /**
   * `initialValues` follow the record as read again (a conflict's Reload): the fields the user
   * has not changed take the fresh values, the changed ones keep the input. Without it the
   * next save would write the stale values of untouched fields over another's change.
   */
  followRecord?: boolean;
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
  followRecord = false,
}: RecordFormInput<V>) {
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate,
    clearInputErrorOnChange: false,
  });
  const read = useRef(initialValues);
  const readKey = JSON.stringify(initialValues);
  useEffect(() => {
    const before = read.current;
    read.current = initialValues;
    if (!followRecord || JSON.stringify(before) === readKey) return;
    const values = { ...form.getValues() };
    for (const key of Object.keys(initialValues) as (keyof V)[]) {
      const untouched = JSON.stringify(values[key]) === JSON.stringify(before[key]);
      if (untouched) values[key] = initialValues[key];
    }
    form.setValues(values);
    form.setInitialValues(initialValues);
    // Only when what was read changes (by value): a new object of the same record is no news.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readKey, followRecord]);
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
