import { Fragment } from 'react';
import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from '../../tickets/components/ticket-card.module.css';
import type { EquipmentItem } from '../api';
import { equipmentName } from '../equipment-name';
import { EquipmentStatusBadge, WarrantyBadge } from './equipment-badges';
import { UnbrokenName } from './unbroken-name';

/** One device as a card (a phone reads it as well as a desktop), leading to its page. */
export function EquipmentCard({
  item,
  showObject = true,
}: {
  item: EquipmentItem;
  showObject?: boolean;
}) {
  const { t } = useTranslation('registers');
  const numbers = [
    item.serialNumber ? t('equipment.serial', { value: item.serialNumber }) : null,
    item.inventoryNumber ? t('equipment.inventory', { value: item.inventoryNumber }) : null,
  ].filter(Boolean);
  return (
    <Paper
      component={Link}
      to={`/equipment/${item.id}`}
      withBorder
      radius="md"
      p="sm"
      className={classes.card}
      data-testid="equipment-card"
      data-id={item.id}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          <UnbrokenName name={equipmentName(item)} />
        </Text>
        <EquipmentStatusBadge status={item.status} />
      </Group>
      <Text size="sm" c="dimmed" mt={2} style={{ overflowWrap: 'anywhere' }}>
        {[item.typeName, showObject ? item.serviceObjectName : null].filter(Boolean).join(' · ')}
      </Text>
      <Group justify="space-between" gap="xs" mt={4} wrap="wrap">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="equipment-numbers">
          {/* A number moves to the next line whole; it breaks only when longer than a line. */}
          {numbers.map((n, i) => (
            <Fragment key={n}>
              {i > 0 && ' · '}
              <span style={{ display: 'inline-block', maxWidth: '100%' }}>{n}</span>
            </Fragment>
          ))}
        </Text>
        <WarrantyBadge until={item.warrantyUntil} />
      </Group>
    </Paper>
  );
}
