import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isVersionConflict, ProblemMessage, useFieldErrors } from '@relaydesk/web-ui';

export { isVersionConflict };

/**
 * The API's field messages are English sentences from its validators; the usual ones are said
 * again in the user's language, anything else is shown as it came.
 */
const KNOWN_MESSAGES: { pattern: RegExp; key: string }[] = [
  { pattern: /must be an email/i, key: 'validation.email' },
  { pattern: /must not be (?:blank|empty)|should not be empty/i, key: 'validation.required' },
  { pattern: /longer than or equal to (\d+)/i, key: 'validation.minLength' },
  { pattern: /shorter than or equal to (\d+)/i, key: 'validation.maxLength' },
  { pattern: /already in use|already exists/i, key: 'validation.taken' },
];

/** A module's own sentence for one of its API field messages (undefined: not one of them). */
export type FieldMessage = (field: string, message: string) => string | undefined;

/**
 * Field errors of a failed save, by form field, in the user's language: the form's own
 * sentences first (`own`), then the usual validator ones, then the app-wide translation of the
 * API's message (problem-text.ts: English keeps the API's sentence).
 */
export function useFormErrors(error: unknown, own?: FieldMessage): Record<string, string> {
  const { t } = useTranslation('admin');
  const translated = useFieldErrors()(error);
  if (isVersionConflict(error)) return {};
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([field, message]) => {
      const mine = own?.(field, message);
      if (mine) return [field, mine];
      for (const { pattern, key } of KNOWN_MESSAGES) {
        const match = pattern.exec(message);
        if (match) return [field, t(key, { count: Number(match[1] ?? 0) })];
      }
      return [field, translated[field] ?? message];
    }),
  );
}

interface FormProblemProps {
  error: unknown;
  /** Fields the form shows next to its inputs; errors for other fields are listed here. */
  fields: readonly string[];
  onReload: () => void;
  reloading: boolean;
  /** The form's own sentences for its API field messages. */
  messages?: FieldMessage;
  /** What a conflict means for this form's input (default: a reload loses it). */
  conflictText?: string;
}

/** What went wrong with a save, above the form's buttons: a conflict offers to reload. */
export function FormProblem({
  error,
  fields,
  onReload,
  reloading,
  messages,
  conflictText,
}: FormProblemProps) {
  const { t } = useTranslation(['admin', 'common']);
  const texts = useFormErrors(error, messages);
  if (!error) return null;
  if (isVersionConflict(error)) {
    return (
      <Alert
        color="orange"
        variant="light"
        role="alert"
        title={t('conflict.title')}
        data-testid="admin-conflict"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{conflictText ?? t('conflict.form')}</Text>
          <Button size="xs" variant="default" onClick={onReload} loading={reloading}>
            {t('common:reload')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  const all = fieldErrors(error);
  const other = Object.entries(texts).filter(([field]) => !fields.includes(field));
  return (
    <Stack gap={4}>
      {Object.keys(all).length > 0 ? (
        // The messages are at the fields; the API's summary sentence would be English.
        <Alert color="red" variant="light" role="alert">
          {t('validation.checkFields')}
        </Alert>
      ) : (
        <ProblemMessage error={error} />
      )}
      {other.length > 0 && (
        <List size="sm" c="red.8">
          {other.map(([field, message]) => (
            <List.Item key={field}>
              {field}: {message}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A quick check before asking the server, so the usual typo gets a message in place. */
export const looksLikeEmail = (value: string) => EMAIL.test(value.trim());

/** `''` from an optional text input is "no value" for the API. */
export const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The fields of `next` that differ from `initial` (what a PATCH should carry). */
export function changes<T extends Record<string, unknown>>(initial: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(initial[key]) !== JSON.stringify(next[key])) out[key] = next[key];
  }
  return out;
}
