import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormProblem, type FieldMessage } from './form-problem';

interface FormShellProps {
  /** The form's submit handler: `form.onSubmit(save)` of a `useRecordForm` form. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
  saving: boolean;
  error: unknown;
  /** Fields shown with their own error messages. */
  fields: readonly string[];
  /** The form's own sentences for its API field messages (as given to useRecordForm). */
  messages?: FieldMessage;
  /** What a conflict means for this form's input (default: a reload loses it). */
  conflictText?: string;
  children: ReactNode;
}

/** The frame of every administration form: its inputs, what went wrong, Cancel and Save. */
export function FormShell({
  onSubmit,
  onCancel,
  onReload,
  saving,
  error,
  fields,
  messages,
  conflictText,
  children,
}: FormShellProps) {
  const { t } = useTranslation('common');
  const [reloading, setReloading] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSubmit(e);
  };
  const reload = () => {
    setReloading(true);
    void onReload().finally(() => setReloading(false));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {children}
        <FormProblem
          error={error}
          fields={fields}
          onReload={reload}
          reloading={reloading}
          messages={messages}
          conflictText={conflictText}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="admin-save">
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
