import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type RegisterTab = 'equipment' | 'objects' | 'contracts';

const TABS: { tab: RegisterTab; to: string }[] = [
  { tab: 'equipment', to: '/equipment' },
  { tab: 'objects', to: '/sites' },
  { tab: 'contracts', to: '/contracts' },
];

/** The three registers a client reads, one link each: pages with URLs, not in-page tabs. */
export function RegistersNav({ current }: { current: RegisterTab }) {
  const { t } = useTranslation('registers');
  return (
    <Group component="nav" aria-label={t('tabs.label')} gap="xs" wrap="wrap">
      {TABS.map(({ tab, to }) => (
        <Button
          key={tab}
          component={Link}
          to={to}
          size="compact-sm"
          variant={tab === current ? 'filled' : 'default'}
          aria-current={tab === current ? 'page' : undefined}
          data-testid={`registers-tab-${tab}`}
        >
          {t(`tabs.${tab}`)}
        </Button>
      ))}
    </Group>
  );
}
