import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useKbAdminPermissions } from './kb-admin-hooks';

const TABS = [
  { path: '/kb/sections', label: 'nav.sections', manage: true },
  { path: '/kb/review-queue', label: 'nav.reviewQueue', manage: false },
  { path: '/kb/settings', label: 'nav.settings', manage: true },
] as const;

/** The administration pages of the knowledge base, as tabs; each shows only what the user may do. */
export function KbAdminNav() {
  const { t } = useTranslation('kbAdmin');
  const { pathname } = useLocation();
  const may = useKbAdminPermissions();
  return (
    <nav aria-label={t('nav.label')}>
      <Group
        gap={4}
        wrap="wrap"
        pb={6}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Button component={Link} to="/kb" variant="subtle" color="gray">
          {t('nav.browse')}
        </Button>
        {TABS.filter((tab) => may.manage || !tab.manage).map((tab) => (
          <Button
            key={tab.path}
            component={Link}
            to={tab.path}
            variant={pathname === tab.path ? 'light' : 'subtle'}
            color={pathname === tab.path ? undefined : 'gray'}
            aria-current={pathname === tab.path ? 'page' : undefined}
          >
            {t(tab.label)}
          </Button>
        ))}
      </Group>
    </nav>
  );
}
