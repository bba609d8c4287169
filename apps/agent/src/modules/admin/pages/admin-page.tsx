import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useUser } from '@relaydesk/web-auth';
import { preloadStrings } from '../../../lazy-strings';
import { CategoriesSection } from '../../categories/components/categories-section';
import { TicketTypesSection } from '../../ticket-types/components/ticket-types-section';
import { TicketTypePage } from '../../ticket-types/pages/ticket-type-page';
import { WorkflowsSection } from '../../workflows/components/workflows-section';
import { WorkflowEditorPage } from '../../workflows/pages/workflow-editor-page';
import { RulesSection } from '../../assignment/components/rules-section';
import { CalendarsSection } from '../../sla/components/calendars-section';
import { PoliciesSection } from '../../sla/components/policies-section';
import { ProjectsSection } from '../components/projects-section';
import { MailSection } from '../../mail/components/mail-section';
import { WebFormSection } from '../../web-form/components/web-form-section';
import { ServiceAccountsSection } from '../../service-accounts/components/service-accounts-section';
import { WebhooksSection } from '../../webhooks/components/webhooks-section';
import { MailboxesSection } from '../../mailboxes/components/mailboxes-section';
import { AlertRulesSection } from '../../alerts/components/alert-rules-section';
import { NotificationDefaultsSection } from '../../notifications/components/notification-defaults-section';
import { VisibilitySection } from '../../visibility/components/visibility-section';
import { CompanyDetailsSection } from '../../service-protocol/components/company-details-section';
import {
  DepartmentsSection,
  GroupsSection,
  OrganizationsSection,
  UsersSection,
} from '../components/sections';

preloadStrings([
  'admin',
  'workflows',
  'ticketTypes',
  'categories',
  'slaAdmin',
  'assignmentAdmin',
  'mail',
  'notificationKinds',
  'webFormAdmin',
  'serviceAccountsAdmin',
  'alertRules',
  'webhooksAdmin',
  'mailboxesAdmin',
  'visibilityAdmin',
  'settingsForm',
  'serviceProtocol',
]);

const SECTIONS = [
  'users',
  'visibility',
  'organizations',
  'departments',
  'groups',
  'projects',
  'workflows',
  'ticketTypes',
  'categories',
  'calendars',
  'policies',
  'rules',
  'mail',
  'mailboxes',
  'notificationDefaults',
  'webForm',
  'serviceAccounts',
  'alertRules',
  'webhooks',
  'company',
] as const;
/** Section → its path under /admin. */
const PATHS: Record<(typeof SECTIONS)[number], string> = {
  users: 'users',
  visibility: 'visibility',
  organizations: 'organizations',
  departments: 'departments',
  groups: 'groups',
  projects: 'projects',
  workflows: 'workflows',
  ticketTypes: 'ticket-types',
  categories: 'categories',
  calendars: 'sla-calendars',
  policies: 'sla-policies',
  rules: 'assignment-rules',
  mail: 'mail',
  mailboxes: 'mailboxes',
  notificationDefaults: 'notification-defaults',
  webForm: 'web-form',
  serviceAccounts: 'service-accounts',
  alertRules: 'alert-rules',
  webhooks: 'webhooks',
  company: 'company',
};

/** Tabs whose names live in another feature's strings. */
const TAB_LABELS: Partial<Record<(typeof SECTIONS)[number], string>> = {
  calendars: 'slaAdmin:tabs.calendars',
  policies: 'slaAdmin:tabs.policies',
  rules: 'assignmentAdmin:tab',
  mail: 'mail:tab',
  mailboxes: 'mailboxesAdmin:tab',
  notificationDefaults: 'notificationKinds:defaults.title',
  webForm: 'webFormAdmin:tab',
  serviceAccounts: 'serviceAccountsAdmin:tab',
  alertRules: 'alertRules:tab',
  webhooks: 'webhooksAdmin:tab',
  visibility: 'visibilityAdmin:tab',
  company: 'serviceProtocol:company.tab',
};

/** The features whose strings name a tab: loaded with the page, or a tab shows its key. */
const TAB_NAMESPACES = [...new Set(Object.values(TAB_LABELS).map((key) => key.split(':')[0]))];

/** Administration of the directory (admins only): one section per kind of record. */
export default function AdminPage() {
  const { t } = useTranslation(['admin', 'common', ...TAB_NAMESPACES]);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const user = useUser();
  const { pathname } = useLocation();

  if (user.role !== 'admin') {
    return (
      <Stack gap="md">
        <Title order={2}>{t('title')}</Title>
        <Alert color="red" variant="light" role="alert" data-testid="admin-forbidden">
          {t('forbidden')}
        </Alert>
      </Stack>
    );
  }

  // By whole path segments: `/admin/mail` must not claim `/admin/mailboxes`.
  const current = SECTIONS.find(
    (s) => pathname === `/admin/${PATHS[s]}` || pathname.startsWith(`/admin/${PATHS[s]}/`),
  );
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <nav aria-label={t('sections')}>
        <Group
          gap={4}
          wrap="wrap"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          pb={6}
        >
          {SECTIONS.map((section) => (
            <Button
              key={section}
              component={Link}
              to={`/admin/${PATHS[section]}`}
              variant={current === section ? 'light' : 'subtle'}
              color={current === section ? undefined : 'gray'}
              aria-current={current === section ? 'page' : undefined}
              data-testid={`admin-tab-${section}`}
            >
              {t(TAB_LABELS[section] ?? `tabs.${section}`)}
            </Button>
          ))}
        </Group>
      </nav>
      <Routes>
        <Route index element={<Navigate to="/admin/users" replace />} />
        <Route path="users" element={<UsersSection />} />
        <Route path="visibility" element={<VisibilitySection />} />
        <Route path="organizations" element={<OrganizationsSection />} />
        <Route path="departments" element={<DepartmentsSection />} />
        <Route path="groups" element={<GroupsSection />} />
        <Route path="projects" element={<ProjectsSection />} />
        <Route path="workflows" element={<WorkflowsSection />} />
        <Route path="workflows/:id" element={<WorkflowEditorPage />} />
        <Route path="ticket-types" element={<TicketTypesSection />} />
        <Route path="ticket-types/:id" element={<TicketTypePage />} />
        <Route path="categories" element={<CategoriesSection />} />
        <Route path="sla-calendars" element={<CalendarsSection />} />
        <Route path="sla-policies" element={<PoliciesSection />} />
        <Route path="assignment-rules" element={<RulesSection />} />
        <Route path="mail" element={<MailSection />} />
        <Route path="mailboxes" element={<MailboxesSection />} />
        <Route path="notification-defaults" element={<NotificationDefaultsSection />} />
        <Route path="web-form" element={<WebFormSection />} />
        <Route path="service-accounts" element={<ServiceAccountsSection />} />
        <Route path="webhooks" element={<WebhooksSection />} />
        <Route path="alert-rules" element={<AlertRulesSection />} />
        <Route path="company" element={<CompanyDetailsSection />} />
        <Route path="*" element={<Navigate to="/admin/users" replace />} />
      </Routes>
    </Stack>
  );
}
