import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError, unwrap } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';

/** The API's own minimum (ChangePasswordDto): said here before the request, in the user's words. */
const MIN_LENGTH = 8;

/** Current password and the new one twice. The API ends every other session; this one stays. */
export function PasswordCard() {
  const { t } = useTranslation(['profile', 'common']);
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const server = fieldErrors(error);
  // The API's words for a wrong password are English; say it in the user's language.
  const wrongCurrent =
    error instanceof ApiError && error.status === 422 && !!server.currentPassword;
  const errors: Record<string, string | undefined> = {
    currentPassword:
      local.currentPassword ?? (wrongCurrent ? t('passwordWrong') : server.currentPassword),
    newPassword: local.newPassword ?? server.newPassword,
    confirm: local.confirm,
  };
  const shownAtFields = !!(server.currentPassword || server.newPassword);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!current) problems.currentPassword = t('passwordCurrentMissing');
    if (next.length < MIN_LENGTH) problems.newPassword = t('passwordTooShort');
    if (confirm !== next) problems.confirm = t('passwordMismatch');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/me/password', { body: { currentPassword: current, newPassword: next } }),
      );
      setCurrent('');
      setNext('');
      setConfirm('');
      notifications.show({ color: 'green', message: t('passwordSaved') });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="profile-password">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={3} id="profile-password">
            {t('passwordTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('passwordHint')}
          </Text>
          <PasswordInput
            label={t('passwordCurrent')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            data-testid="password-current"
          />
          <PasswordInput
            label={t('passwordNew')}
            description={t('passwordNewHint')}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
            data-testid="password-new"
          />
          <PasswordInput
            label={t('passwordConfirm')}
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            data-testid="password-confirm"
          />
          {error != null && !shownAtFields && <ProblemMessage error={error} />}
          <Group>
            <Button type="submit" loading={busy} data-testid="password-save">
              {t('passwordSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
