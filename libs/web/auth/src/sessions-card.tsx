import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useAuth } from './auth-context';

/**
 * "Sign out everywhere" for both apps' profile pages: every session of the user ends (other
 * devices, the other app, this browser), so a lost laptop or a leaked password stops working.
 */
export function SessionsCard() {
  const { t } = useTranslation('common');
  const { session } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const signOutEverywhere = async () => {
    setBusy(true);
    setError(null);
    try {
      // On success the session is cleared and the app shows the sign-in form.
      await session.signOutEverywhere();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="profile-sessions">
      <Stack gap="sm">
        <Title order={3} id="profile-sessions">
          {t('sessions.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sessions.hint')}
        </Text>
        {error != null && <ProblemMessage error={error} />}
        <Group>
          <Button
            color="red"
            variant="light"
            loading={busy}
            onClick={() => void signOutEverywhere()}
            data-testid="sign-out-everywhere"
          >
            {t('sessions.signOutEverywhere')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
