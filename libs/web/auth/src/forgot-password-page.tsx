import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, createApiClient, unwrap } from '@relaydesk/api-client';
import { ProblemMessage } from '@relaydesk/web-ui';
import { AccountFrame } from './account-frame';
import { appHome } from './account-paths';
import type { WebApp } from './session';

const api = createApiClient();

/**
 * "Forgot password": asks for a reset link. The answer is the same whether the address has an
 * account or not, and so is what this page says.
 */
export function ForgotPasswordPage({ app }: { app: WebApp }) {
  const { t } = useTranslation('account');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-reset-requests', { body: { email, app } }));
      setSentTo(email);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AccountFrame title={t('forgot.title')}>
      {sentTo !== null ? (
        <Alert color="green" role="status" data-testid="forgot-sent">
          {t('forgot.sent', { email: sentTo })}
        </Alert>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Text size="sm" c="dimmed" mb="sm">
            {t('forgot.hint')}
          </Text>
          {error != null &&
            (error instanceof ApiError && error.status === 429 ? (
              <Alert color="red" role="alert" mb="sm">
                {t('tooMany')}
              </Alert>
            ) : (
              <ProblemMessage error={error} />
            ))}
          <TextInput
            label={t('email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            mb="md"
            data-testid="forgot-email"
          />
          <Button type="submit" loading={busy} fullWidth data-testid="forgot-submit">
            {t('forgot.submit')}
          </Button>
        </form>
      )}
      <Anchor href={appHome(app)} size="sm">
        {t('backToSignIn')}
      </Anchor>
    </AccountFrame>
  );
}
