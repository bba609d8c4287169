import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EquipmentItem } from '../api';
import { todayDate, useDateOnly } from '../dates';

const STATUS_COLOR: Record<EquipmentItem['status'], string> = {
  // Light badges' text on their pale background needs 4.5:1 (axe): teal's is darkened in theme.ts,
  // green's and orange's are not (3.8:1 and 3.6:1), so teal and a dark orange (5.2:1 on its own pale).
  in_service: 'teal',
  under_repair: '#ae3e0b',
  retired: 'gray',
};

export function EquipmentStatusBadge({ status }: { status: EquipmentItem['status'] }) {
  const { t } = useTranslation('registers');
  return (
    <Badge
      variant="light"
      color={STATUS_COLOR[status]}
      style={{ flexShrink: 0 }}
      data-testid="equipment-status"
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Whether the item is still under warranty (the end date inclusive), and until when. */
export function WarrantyBadge({ until }: { until: string | null }) {
  const { t } = useTranslation('registers');
  const date = useDateOnly();
  if (!until) return null;
  const valid = until >= todayDate();
  return (
    <Badge
      variant={valid ? 'light' : 'outline'}
      color={valid ? 'teal' : 'gray'}
      style={{ textTransform: 'none' }}
      data-testid="equipment-warranty"
      data-valid={valid}
    >
      {t(valid ? 'warranty.until' : 'warranty.ended', { date: date(until) })}
    </Badge>
  );
}
