import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, unwrap } from '@relaydesk/api-client';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useAuth } from './auth-context';

/**
 * Changing one's own e-mail address, for both apps' profile pages: the current password, then a
 * link goes to the new address, and the change happens when that link is opened (confirm page).
 */
export function EmailChangeCard() {
  const { t } = useTranslation('account');
  const format = useFormat();
  const { api, user } = useAuth();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ newEmail: string; expiresAt: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      setSent(
        await unwrap(
          api.POST('/api/v1/me/email-changes', { body: { newEmail, currentPassword: password } }),
        ),
      );
      setNewEmail('');
      setPassword('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // The API's own words are English; the common cases in the user's language.
  const status = error instanceof ApiError ? error.status : 0;
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const wrongPassword = status === 422 && fields.some((f) => f.field === 'currentPassword');
  const same = status === 422 && fields.some((f) => f.field === 'newEmail');
  const taken = status === 409;

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="profile-email">
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Title order={3} id="profile-email">
            {t('emailChange.title')}
          </Title>
          <Text size="sm">{t('emailChange.current', { email: user?.email ?? '' })}</Text>
          <Text size="sm" c="dimmed">
            {t('emailChange.hint')}
          </Text>
          {sent && (
            <Alert color="green" role="status" data-testid="email-change-sent">
              {t('emailChange.sent', {
                email: sent.newEmail,
                until: format.dateTime(sent.expiresAt),
              })}
            </Alert>
          )}
          <TextInput
            label={t('emailChange.newEmail')}
            type="email"
            autoComplete="email"
            required
            value={newEmail}
            onChange={(e) => setNewEmail(e.currentTarget.value)}
            error={same ? t('emailChange.same') : taken ? t('emailChange.taken') : undefined}
            data-testid="email-change-new"
          />
          <PasswordInput
            label={t('emailChange.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={wrongPassword ? t('emailChange.wrongPassword') : undefined}
            data-testid="email-change-password"
          />
          {error != null &&
            !wrongPassword &&
            !same &&
            !taken &&
            (status === 429 ? (
              <Alert color="red" role="alert">
                {t('tooMany')}
              </Alert>
            ) : (
              <ProblemMessage error={error} />
            ))}
          <Group>
            <Button type="submit" loading={busy} data-testid="email-change-submit">
              {t('emailChange.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
