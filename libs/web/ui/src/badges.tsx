import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const PRIORITY_COLORS: Record<string, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};
const CATEGORY_COLORS: Record<string, string> = {
  new: 'blue.9',
  open: 'blue.9',
  pending: 'yellow.9',
  resolved: 'green.9',
  closed: 'gray.8',
  canceled: 'gray.8',
};

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation('common');
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? 'gray.8'} variant="outline">
      {t(`priority.${priority}`)}
    </Badge>
  );
}

/** Status key translated by the shared strings; category decides the color. */
export function StatusBadge({ status, category }: { status: string; category: string }) {
  const { t } = useTranslation('common');
  return (
    <Badge color={CATEGORY_COLORS[category] ?? 'gray.8'} variant="filled">
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
