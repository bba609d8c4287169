import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useUser } from '@relaydesk/web-auth';
import type { AdminKind } from '../hooks';
import {
  DepartmentsSection,
  GroupsSection,
  OrganizationsSection,
  UsersSection,
} from '../components/sections';

const SECTIONS: AdminKind[] = ['users', 'organizations', 'departments', 'groups'];

/** Administration of the directory (admins only): one section per kind of record. */
export default function AdminPage() {
  const { t } = useTranslation(['admin', 'common']);
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

  const current = SECTIONS.find((s) => pathname.startsWith(`/admin/${s}`));
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <nav aria-label={t('sections')}>
        <Group gap={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} pb={6}>
          {SECTIONS.map((section) => (
            <Button
              key={section}
              component={Link}
              to={`/admin/${section}`}
              variant={current === section ? 'light' : 'subtle'}
              color={current === section ? undefined : 'gray'}
              aria-current={current === section ? 'page' : undefined}
              data-testid={`admin-tab-${section}`}
            >
              {t(`tabs.${section}`)}
            </Button>
          ))}
        </Group>
      </nav>
      <Routes>
        <Route index element={<Navigate to="/admin/users" replace />} />
        <Route path="users" element={<UsersSection />} />
        <Route path="organizations" element={<OrganizationsSection />} />
        <Route path="departments" element={<DepartmentsSection />} />
        <Route path="groups" element={<GroupsSection />} />
        <Route path="*" element={<Navigate to="/admin/users" replace />} />
      </Routes>
    </Stack>
  );
}
