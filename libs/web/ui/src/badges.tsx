import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTranslatedName } from './format';

// Shades picked for WCAG AA (4.5:1) as text on white and striped rows (outline priority
// badges) and under white text (filled status badges); axe checks them in the browser tests.
const PRIORITY_COLORS: Record<string, string> = {
  low: 'gray.8',
  normal: 'blue.9',
  high: '#ae3e0b',
  urgent: 'red.9',
};
const CATEGORY_COLORS: Record<string, string> = {
  new: 'blue.9',
  open: 'blue.9',
  pending: 'yellow.9',
  resolved: '#237032',
  closed: 'gray.8',
  canceled: 'gray.8',
  informational: 'cyan.9',
};

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation('common');
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? 'gray.8'} variant="outline">
      {t(`priority.${priority}`)}
    </Badge>
  );
}

type StatusName = { en: string; ru?: string; cs?: string } | null | undefined;

/**
 * A status as its workflow names it (`name`, in the UI language), else its key translated by
 * the shared strings.
 */
export function useStatusLabel() {
  const { t } = useTranslation('common');
  const tn = useTranslatedName();
  return (status: string, name?: StatusName) =>
    (name && tn(name)) || t(`status.${status}`, { defaultValue: status });
}

/** The status by `useStatusLabel`; the category decides the color. */
export function StatusBadge({
  status,
  category,
  name,
}: {
  status: string;
  category: string;
  name?: StatusName;
}) {
  const label = useStatusLabel();
  return (
    <Badge color={CATEGORY_COLORS[category] ?? 'gray.8'} variant="filled">
      {label(status, name)}
    </Badge>
  );
}
