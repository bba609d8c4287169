import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '@relaydesk/web-auth';
import { LanguageSelect } from '@relaydesk/web-ui';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useAgentLiveUpdates } from '../live/use-agent-live-updates';
import { KbReviewNavLinks } from '../knowledge-base/kb-review-nav-links';
import { NotificationBell } from '../notifications/components/notification-bell';
import { useMe } from '../directory/hooks';
import { useTicketCounts } from '../tickets/hooks';
import { distributesWork, mayViewByUser } from '../tickets/queue-access';
import type { TicketCounts } from '../tickets/api';

/**
 * Queues in the sidebar and the count each one shows. Undistributed (no group, no assignee) is
 * the queue of those who distribute work; the API answers anyone else 403 and counts it not.
 */
const QUEUES: { view: string; count?: keyof TicketCounts; distributors?: true }[] = [
  { view: 'undistributed', count: 'undistributed', distributors: true },
  { view: 'unassigned', count: 'unassigned' },
  { view: 'mine', count: 'mine' },
  { view: 'created_by_me', count: 'createdByMe' },
  { view: 'open', count: 'open' },
  { view: 'closed', count: 'closed' },
  { view: 'needs_reply', count: 'needsReply' },
  { view: 'overdue', count: 'overdue' },
  { view: 'recent' },
];

function Sidebar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('layout');
  const { user } = useAuth();
  const counts = useTicketCounts();
  const location = useLocation();
  const [params] = useSearchParams();
  const currentView = location.pathname === '/tickets' ? (params.get('view') ?? 'all') : null;
  // Department heads are known from /me; the session user carries the flags for the others.
  const me = useMe();
  const heads = (me.data?.headOfDepartmentIds.length ?? 0) > 0;
  const byUserAllowed = !!user && mayViewByUser(user, heads);
  const distributes = !!user && distributesWork(user);

  const link = (view: string, count?: number) => (
    <NavLink
      key={view}
      component={Link}
      to={`/tickets?view=${view}`}
      onClick={onNavigate}
      active={currentView === view}
      label={t(`views.${view}`)}
      data-testid={`queue-${view}`}
      rightSection={
        count !== undefined ? (
          <Badge
            size="sm"
            variant={count > 0 ? 'filled' : 'light'}
            data-testid={`queue-count-${view}`}
          >
            {count}
          </Badge>
        ) : null
      }
    />
  );

  return (
    <Stack gap={4}>
      <Button component={Link} to="/tickets/new" onClick={onNavigate} mb="sm">
        {t('newTicket')}
      </Button>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} px="sm">
        {t('queues')}
      </Text>
      {QUEUES.filter((q) => distributes || !q.distributors).map((q) =>
        link(q.view, q.count ? counts.data?.[q.count] : undefined),
      )}
      {link('all')}
      {byUserAllowed && link('by_user')}
      {byUserAllowed && link('by_department')}
      <NavLink
        component={Link}
        to="/calendar"
        onClick={onNavigate}
        label={t('calendar')}
        active={location.pathname === '/calendar'}
      />
      {user && roleHasPermission(user.role, Permission.ReportsView) && (
        <NavLink
          component={Link}
          to="/reports/satisfaction"
          onClick={onNavigate}
          label={t('satisfaction')}
          active={location.pathname.startsWith('/reports/satisfaction')}
          data-testid="nav-satisfaction"
        />
      )}
      {user && roleHasPermission(user.role, Permission.ReportsView) && (
        <NavLink
          component={Link}
          to="/reports/support-levels"
          onClick={onNavigate}
          label={t('supportLevels')}
          active={location.pathname.startsWith('/reports/support-levels')}
          data-testid="nav-support-levels"
        />
      )}
      {user && roleHasPermission(user.role, Permission.ReportsView) && (
        <NavLink
          component={Link}
          to="/reports/kb-deflections"
          onClick={onNavigate}
          label={t('kbDeflections')}
          active={location.pathname.startsWith('/reports/kb-deflections')}
          data-testid="nav-kb-deflections"
        />
      )}
      {user && roleHasPermission(user.role, Permission.WorkLogWrite) && (
        <NavLink
          component={Link}
          to="/work-report"
          onClick={onNavigate}
          label={t('workReport')}
          active={location.pathname.startsWith('/work-report')}
          data-testid="nav-work-report"
        />
      )}
      {user && roleHasPermission(user.role, Permission.WorkLogManage) && (
        <NavLink
          component={Link}
          to="/billing-items"
          onClick={onNavigate}
          label={t('billingItems')}
          active={location.pathname.startsWith('/billing-items')}
          data-testid="nav-billing-items"
        />
      )}
      {user && roleHasPermission(user.role, Permission.MailQuarantineManage) && (
        <NavLink
          component={Link}
          to="/mail-quarantine"
          onClick={onNavigate}
          label={t('mailQuarantine')}
          active={location.pathname.startsWith('/mail-quarantine')}
          data-testid="nav-mail-quarantine"
        />
      )}
      {user && roleHasPermission(user.role, Permission.CannedResponsesUse) && (
        <NavLink
          component={Link}
          to="/canned-responses"
          onClick={onNavigate}
          label={t('cannedResponses')}
          active={location.pathname.startsWith('/canned-responses')}
          data-testid="nav-canned-responses"
        />
      )}
      {user && user.role !== 'client' && (
        <NavLink
          component={Link}
          to="/kb"
          onClick={onNavigate}
          label={t('knowledgeBase')}
          active={location.pathname === '/kb' || location.pathname.startsWith('/kb/articles')}
          data-testid="nav-kb"
        />
      )}
      {user && user.role !== 'client' && (
        <NavLink
          component={Link}
          to="/registers"
          onClick={onNavigate}
          label={t('registers')}
          active={location.pathname.startsWith('/registers')}
          data-testid="nav-registers"
        />
      )}
      <KbReviewNavLinks onNavigate={onNavigate} />
      {user?.role === 'admin' && (
        <NavLink
          component={Link}
          to="/admin"
          onClick={onNavigate}
          label={t('admin')}
          active={location.pathname.startsWith('/admin')}
        />
      )}
    </Stack>
  );
}

function UserMenu() {
  const { t } = useTranslation(['layout', 'common']);
  const { user, session } = useAuth();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <UnstyledButton aria-label={user.name} data-testid="user-menu">
          <Text size="sm" fw={500}>
            {user.name}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void navigate('/profile')}>{t('layout:profile')}</Menu.Item>
        <Menu.Item color="red" onClick={() => void session.logout()} data-testid="logout">
          {t('common:logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function AppLayout() {
  const { t } = useTranslation(['layout', 'common']);
  const [opened, { toggle, close }] = useDisclosure();
  useAgentLiveUpdates();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('layout:toggleNavigation')}
            />
            <Title order={1} size="h4">
              <Link to="/tickets" style={{ color: 'inherit', textDecoration: 'none' }}>
                {t('common:appName')}
              </Link>
            </Title>
          </Group>
          <Group gap="sm">
            <NotificationBell />
            <LanguageSelect />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('layout:navigation')}>
        <ScrollArea>
          <Sidebar onNavigate={close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
