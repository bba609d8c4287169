import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EquipmentItem } from '../api';
import { todayDate, useDateOnly } from '../dates';

const STATUS_COLOR: Record<EquipmentItem['status'], string> = {
  // Teal: its light text keeps AA contrast on the pale background (theme.ts); green's does not.
  in_service: 'teal',
  under_repair: 'orange',
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
