import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Loader, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, unwrap } from '@relaydesk/api-client';
import { ProblemMessage } from '@relaydesk/web-ui';
import { takeFragmentToken } from './account-paths';
import { useAuth } from './auth-context';

type State =
  | { step: 'working' }
  | { step: 'done'; email: string }
  | { step: 'failed'; error: unknown }
  | { step: 'no-token' };

/**
 * Where the link of an e-mail change mail leads (signed in: the token must be the user's own).
 * Confirms on arrival, then shows the new address; `profileHref` is the app's profile page.
 */
export function ConfirmEmailPage({ profileHref }: { profileHref: string }) {
  const { t } = useTranslation('account');
  const { api, session } = useAuth();
  const [state, setState] = useState<State>({ step: 'working' });
  const started = useRef(false);

  useEffect(() => {
    // Once per page, also under StrictMode's second effect run: the token works once.
    if (started.current) return;
    started.current = true;
    const token = takeFragmentToken();
    if (!token) {
      setState({ step: 'no-token' });
      return;
    }
    void (async () => {
      try {
        await unwrap(api.POST('/api/v1/me/email-confirmations', { body: { token } }));
        const me = await unwrap(api.GET('/api/v1/me'));
        session.setUser(me);
        setState({ step: 'done', email: me.email });
      } catch (error) {
        setState({ step: 'failed', error });
      }
    })();
  }, [api, session]);

  return (
    <Paper withBorder p="lg" maw={560}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('confirmEmail.title')}
        </Title>
        {state.step === 'working' && (
          <Loader role="status" aria-label={t('confirmEmail.working')} />
        )}
        {state.step === 'done' && (
          <Alert color="green" role="status" data-testid="confirm-email-done">
            {t('confirmEmail.done', { email: state.email })}
          </Alert>
        )}
        {state.step === 'no-token' && (
          <Alert color="yellow" role="alert">
            {t('setPassword.noToken')}
          </Alert>
        )}
        {state.step === 'failed' &&
          (state.error instanceof ApiError && state.error.status === 400 ? (
            <Alert color="red" role="alert">
              {t('setPassword.invalid')}
            </Alert>
          ) : state.error instanceof ApiError && state.error.status === 409 ? (
            <Alert color="red" role="alert">
              {t('confirmEmail.taken')}
            </Alert>
          ) : (
            <ProblemMessage error={state.error} />
          ))}
        <Anchor href={profileHref} size="sm">
          {t('confirmEmail.toProfile')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
