import '@relaydesk/web-ui/app-styles';
import { Anchor, Box, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { useKbSections } from '@relaydesk/web-kb';
import { LanguageSelect, PageLoader, ProblemMessage } from '@relaydesk/web-ui';
import KbRoutes from './kb-routes';

/*
 * The public knowledge base at /kb for readers who are not signed in (main.tsx shows it instead
 * of the sign-in form on /kb paths). "Sign in" swaps it for the sign-in form at the same URL;
 * once signed in, the portal's own app (its own router and data) opens that same KB page.
 */

function Header({ onSignIn }: { onSignIn: () => void }) {
  const { t } = useTranslation(['kb', 'common']);
  return (
    <Box
      component="header"
      py="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Container size="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={1} size="h4">
            <Anchor component={Link} to="/kb" c="inherit" underline="never">
              {t('common:appName')} · {t('kb:title')}
            </Anchor>
          </Title>
          <Group gap="xs" wrap="wrap">
            <LanguageSelect />
            <Button size="xs" variant="default" onClick={onSignIn} data-testid="kb-sign-in">
              {t('kb:public.signIn')}
            </Button>
          </Group>
        </Group>
      </Container>
    </Box>
  );
}

function Unavailable({ onSignIn }: { onSignIn: () => void }) {
  const { t } = useTranslation('kb');
  return (
    <Stack gap="sm" data-testid="kb-unavailable">
      <Title order={2}>{t('public.unavailableTitle')}</Title>
      <Text>{t('public.unavailableText')}</Text>
      <Group>
        <Button size="md" onClick={onSignIn}>
          {t('public.signIn')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The API answers a disabled public KB (or one with no public section) with no sections, and
 * every article with a 404: either way there is nothing to read here, which the page says.
 */
function PublicGate({ children, onSignIn }: { children: ReactNode; onSignIn: () => void }) {
  const sections = useKbSections('public');
  if (sections.isError) return <ProblemMessage error={sections.error} />;
  if (!sections.data) return <PageLoader />;
  if (sections.data.length === 0) return <Unavailable onSignIn={onSignIn} />;
  return <>{children}</>;
}

/** `onSignIn`: show the sign-in form in place (main.tsx), the URL kept. */
export default function PublicKbApp({ onSignIn }: { onSignIn: () => void }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Header onSignIn={onSignIn} />
        <Container component="main" size="md" py="md">
          <Routes>
            <Route
              path="kb/*"
              element={
                <PublicGate onSignIn={onSignIn}>
                  <KbRoutes reader="public" />
                </PublicGate>
              }
            />
            <Route path="*" element={<Navigate to="/kb" replace />} />
          </Routes>
        </Container>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
