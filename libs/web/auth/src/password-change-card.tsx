import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError, unwrap } from '@relaydesk/api-client';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import { useApi } from './auth-context';
import { checkNewPassword, NewPasswordFields } from './new-password-fields';

/**
 * Changing one's own password, for both apps' profile pages: the current password and the new
 * one twice. The API ends every other session of the account; this one stays.
 */
export function PasswordChangeCard() {
  const { t } = useTranslation('account');
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
      local.currentPassword ?? (wrongCurrent ? t('passwordChange.wrong') : server.currentPassword),
    newPassword: local.newPassword ?? server.newPassword,
    confirm: local.confirm,
  };
  const shownAtFields = !!(server.currentPassword || server.newPassword);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!current) problems.currentPassword = t('passwordChange.currentMissing');
    const checked = checkNewPassword(next, confirm);
    if (checked.password) problems.newPassword = t('passwordChange.tooShort');
    if (checked.confirm) problems.confirm = t('passwordChange.mismatch');
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
      notifications.show({ color: 'green', message: t('passwordChange.saved') });
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
            {t('passwordChange.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('passwordChange.hint')}
          </Text>
          <PasswordInput
            label={t('passwordChange.current')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            data-testid="password-current"
          />
          <NewPasswordFields
            password={next}
            confirm={confirm}
            onPassword={setNext}
            onConfirm={setConfirm}
            labels={{
              password: t('passwordChange.new'),
              hint: t('passwordChange.newHint'),
              confirm: t('passwordChange.confirm'),
            }}
            errors={{ password: errors.newPassword, confirm: errors.confirm }}
            testIds={{ password: 'password-new', confirm: 'password-confirm' }}
          />
          {error != null && !shownAtFields && <ProblemMessage error={error} />}
          <Group>
            <Button type="submit" loading={busy} data-testid="password-save">
              {t('passwordChange.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
