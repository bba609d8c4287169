import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import { useChangePassword } from '../../directory/hooks';

const MIN_LENGTH = 8;

/** Current password, the new one twice. Other sessions of the account end; this one stays. */
export function PasswordForm() {
  const { t } = useTranslation(['profile', 'common']);
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});

  const server = fieldErrors(change.error);
  // The API's own words for a wrong password are English; say it in the user's language.
  const wrongCurrent =
    change.error instanceof ApiError && change.error.status === 422 && server.currentPassword;
  const errors: Record<string, string | undefined> = {
    currentPassword: local.currentPassword ?? (wrongCurrent ? t('password.wrong') : undefined),
    newPassword: local.newPassword ?? server.newPassword,
    confirm: local.confirm,
  };
  const shownAtFields = !!(wrongCurrent || server.newPassword);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!current) problems.currentPassword = t('required');
    if (next.length < MIN_LENGTH) problems.newPassword = t('password.tooShort');
    if (confirm !== next) problems.confirm = t('password.mismatch');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          notifications.show({
            color: 'green',
            message: t('password.saved'),
          });
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="profile-password">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} id="profile-password">
            {t('password.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('password.hint')}
          </Text>
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            data-testid="password-current"
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.newHint')}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
            data-testid="password-new"
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            data-testid="password-confirm"
          />
          {change.isError && !shownAtFields && <ProblemMessage error={change.error} />}
          <Group>
            <Button type="submit" loading={change.isPending} data-testid="password-save">
              {t('password.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
