import { Anchor, Box, Button, Container, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useAuth } from '@relaydesk/web-auth';
import { LanguageSelect } from '@relaydesk/web-ui';
import { NotificationBell } from '../notifications/components/notification-bell';
import { usePortalLiveUpdates } from '../live/use-portal-live-updates';

function Header() {
  const { t } = useTranslation(['layout', 'common']);
  const { user, session } = useAuth();
  return (
    <Box
      component="header"
      py="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Container size="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={1} size="h4">
            <Anchor component={Link} to="/tickets" c="inherit" underline="never">
              {t('common:appName')}
            </Anchor>
          </Title>
          <Group gap="xs" wrap="wrap">
            <Anchor
              component={Link}
              to="/kb"
              size="sm"
              style={{ display: 'inline-flex', alignItems: 'center', minHeight: 40 }}
              data-testid="nav-kb"
            >
              {t('layout:knowledgeBase')}
            </Anchor>
            {user?.organizationId && (
              <Anchor
                component={Link}
                to="/equipment"
                size="sm"
                style={{ display: 'inline-flex', alignItems: 'center', minHeight: 40 }}
                data-testid="nav-equipment"
              >
                {t('layout:equipment')}
              </Anchor>
            )}
            <Button component={Link} to="/tickets/new" size="xs">
              {t('layout:newTicket')}
            </Button>
            <LanguageSelect />
            {user && (
              <>
                <NotificationBell />
                {/* The name leads to the profile; on a phone, where it does not fit, a short link. */}
                <Anchor component={Link} to="/profile" size="sm" visibleFrom="xs">
                  {user.name}
                </Anchor>
                <Anchor component={Link} to="/profile" size="sm" hiddenFrom="xs">
                  {t('layout:profile')}
                </Anchor>
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => void session.logout()}
                  data-testid="logout"
                >
                  {t('common:logout')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Container>
    </Box>
  );
}

/** Only rendered for a signed-in user (main.tsx shows the sign-in form otherwise). */
export function PortalLayout() {
  usePortalLiveUpdates();
  return (
    <>
      <Header />
      <Container component="main" size="md" py="md">
        <Outlet />
      </Container>
    </>
  );
}
