import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const PRIORITY_COLORS: Record<string, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};
const CATEGORY_COLORS: Record<string, string> = {
  new: 'blue',
  open: 'blue',
  pending: 'yellow',
  resolved: 'green',
  closed: 'gray',
  canceled: 'gray',
};

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation('common');
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? 'gray'} variant="light">
      {t(`priority.${priority}`)}
    </Badge>
  );
}

/** Status key translated by the shared strings; category decides the color. */
export function StatusBadge({ status, category }: { status: string; category: string }) {
  const { t } = useTranslation('common');
  return (
    <Badge color={CATEGORY_COLORS[category] ?? 'gray'} variant="filled">
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
