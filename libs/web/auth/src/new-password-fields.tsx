import { PasswordInput } from '@mantine/core';

/** The API's own minimum (ChangePasswordDto, password reset): said before the request. */
export const MIN_PASSWORD_LENGTH = 8;

export interface NewPasswordProblems {
  password?: 'tooShort';
  confirm?: 'mismatch';
}

/** What is wrong with a new password typed twice, before it is sent. */
export function checkNewPassword(password: string, confirm: string): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  if (password.length < MIN_PASSWORD_LENGTH) problems.password = 'tooShort';
  if (confirm !== password) problems.confirm = 'mismatch';
  return problems;
}

interface NewPasswordFieldsProps {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  labels: { password: string; hint: string; confirm: string };
  errors: { password?: string; confirm?: string };
  /** The test ids of the two inputs (each form keeps its own). */
  testIds: { password: string; confirm: string };
}

/**
 * A new password and its confirmation, as the profile's password change and the welcome and
 * reset pages ask for it: the browser may offer to generate one (autocomplete new-password).
 */
export function NewPasswordFields(p: NewPasswordFieldsProps) {
  return (
    <>
      <PasswordInput
        label={p.labels.password}
        description={p.labels.hint}
        autoComplete="new-password"
        value={p.password}
        onChange={(e) => p.onPassword(e.currentTarget.value)}
        error={p.errors.password}
        data-testid={p.testIds.password}
      />
      <PasswordInput
        label={p.labels.confirm}
        autoComplete="new-password"
        value={p.confirm}
        onChange={(e) => p.onConfirm(e.currentTarget.value)}
        error={p.errors.confirm}
        data-testid={p.testIds.confirm}
      />
    </>
  );
}
