import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';
import { LanguageSelect } from '@relaydesk/web-ui';
import { accountPath } from './account-paths';
import { useAuth } from './auth-context';
import type { SessionUser } from './session';

/**
 * Sign-in form shared by both apps. `accept` lets an app refuse a role (the agent workspace is
 * for staff); a refused user is signed out again at once.
 */
export function LoginPage({
  title,
  accept,
  refusedMessage,
}: {
  title: string;
  accept?: (user: SessionUser) => boolean;
  refusedMessage?: string;
}) {
  const { t, i18n } = useTranslation('common');
  const { session } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await session.login(email, password);
      if (accept && !accept(user)) {
        await session.logout();
        setError(refusedMessage ?? t('errors.forbidden'));
        return;
      }
      if (user.locale && user.locale !== i18n.language) await i18n.changeLanguage(user.locale);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setError(t('login.tooMany', { seconds: 60 }));
      } else if (err instanceof ApiError) {
        setError(t('login.failed'));
      } else {
        setError(t('errors.network'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h3">
                {title}
              </Title>
              <LanguageSelect />
            </Group>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t('login.submit')}
            </Button>
            <Anchor href={accountPath(session.app, 'forgot-password')} size="sm" ta="center">
              {t('login.forgot')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
