import { Badge, NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useKbAdminPermissions, useKbReviewQueueCount } from './kb-admin-hooks';

/**
 * The sidebar's knowledge-base administration links: the review queue with the number of
 * articles due (kb.edit), and sections and settings (kb.manage). Labels are the layout's
 * strings, so the sidebar never waits for the administration's.
 */
export function KbReviewNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('layout');
  const { pathname } = useLocation();
  const may = useKbAdminPermissions();
  const count = useKbReviewQueueCount(may.edit);
  const due = count.data;
  return (
    <>
      {may.edit && (
        <NavLink
          component={Link}
          to="/kb/review-queue"
          onClick={onNavigate}
          label={t('kbReviewQueue')}
          active={pathname === '/kb/review-queue'}
          data-testid="nav-kb-review-queue"
          rightSection={
            due ? (
              <Badge
                size="sm"
                variant={due.count > 0 ? 'filled' : 'light'}
                aria-label={t('kbReviewDue', { count: due.count })}
                data-testid="kb-review-count"
              >
                {due.count >= due.cap ? `${due.cap}+` : due.count}
              </Badge>
            ) : null
          }
        />
      )}
      {may.manage && (
        <NavLink
          component={Link}
          to="/kb/sections"
          onClick={onNavigate}
          label={t('kbAdministration')}
          active={pathname === '/kb/sections' || pathname === '/kb/settings'}
          data-testid="nav-kb-admin"
        />
      )}
    </>
  );
}
