import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, createApiClient, unwrap } from '@relaydesk/api-client';
import { ProblemMessage } from '@relaydesk/web-ui';
import { AccountFrame } from './account-frame';
import { accountPath, appHome, takeFragmentToken } from './account-paths';
import { checkNewPassword, NewPasswordFields } from './new-password-fields';
import type { WebApp } from './session';

const api = createApiClient();

/**
 * Sets a password with the token of a welcome (`welcome`) or reset (`reset`) mail: the new
 * password twice, then on to the sign-in form.
 */
export function SetPasswordPage({ app, mode }: { app: WebApp; mode: 'welcome' | 'reset' }) {
  const { t } = useTranslation('account');
  const [token] = useState(takeFragmentToken);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<{ password?: string; confirm?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkNewPassword(password, confirm);
    const problems: typeof local = {};
    if (checked.password) problems.password = t('setPassword.tooShort');
    if (checked.confirm) problems.confirm = t('setPassword.mismatch');
    setLocal(problems);
    if (Object.keys(problems).length || !token) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-resets', { body: { token, password } }));
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const title = mode === 'welcome' ? t('setPassword.welcomeTitle') : t('setPassword.resetTitle');
  const askAgain = (
    <Anchor href={accountPath(app, 'forgot-password')} size="sm">
      {t('setPassword.askAgain')}
    </Anchor>
  );

  if (done) {
    return (
      <AccountFrame title={title}>
        <Alert color="green" role="status" data-testid="set-password-done">
          {t('setPassword.done')}
        </Alert>
        <Button component="a" href={appHome(app)} data-testid="set-password-sign-in">
          {t('signIn')}
        </Button>
      </AccountFrame>
    );
  }
  if (!token) {
    return (
      <AccountFrame title={title}>
        <Alert color="yellow" role="alert">
          {t('setPassword.noToken')}
        </Alert>
        {askAgain}
      </AccountFrame>
    );
  }
  const linkDead = error instanceof ApiError && error.status === 400;
  return (
    <AccountFrame title={title}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {mode === 'welcome' ? t('setPassword.welcomeHint') : t('setPassword.resetHint')}
          </Text>
          {linkDead ? (
            <Alert color="red" role="alert">
              {t('setPassword.invalid')}
            </Alert>
          ) : error instanceof ApiError && error.status === 429 ? (
            <Alert color="red" role="alert">
              {t('tooMany')}
            </Alert>
          ) : (
            error != null && <ProblemMessage error={error} />
          )}
          <NewPasswordFields
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            labels={{
              password: t('setPassword.password'),
              hint: t('setPassword.passwordHint'),
              confirm: t('setPassword.confirm'),
            }}
            errors={local}
            testIds={{ password: 'set-password-new', confirm: 'set-password-confirm' }}
          />
          <Button type="submit" loading={busy} data-testid="set-password-submit">
            {t('setPassword.submit')}
          </Button>
        </Stack>
      </form>
      {linkDead ? askAgain : null}
      <Anchor href={appHome(app)} size="sm">
        {t('backToSignIn')}
      </Anchor>
    </AccountFrame>
  );
}
