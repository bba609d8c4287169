import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { StatusBadge, useFormat } from '@relaydesk/web-ui';
import { useOrganizationsById } from '../directory/hooks';
import { useTicketList } from '../tickets/hooks';
import type { Contract, EquipmentItem } from './api';
import { LoadMore } from './register-list-frame';

/** Dispatchers and admins keep the registers; agents read them. */
export function useMayManageRegisters(): boolean {
  const user = useUser();
  return roleHasPermission(user.role, Permission.ContractsManage);
}

/** Names of the organizations a page shows, by id (records carry only the id). */
export function useOrganizationNames(ids: (string | null | undefined)[]) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort();
  const found = useOrganizationsById(unique);
  const names = new Map<string, string>();
  unique.forEach((id, i) => {
    const name = found[i]?.data?.name;
    if (name) names.set(id, name);
  });
  return (id: string | null | undefined) => (id ? (names.get(id) ?? '…') : '');
}

// Shades that keep 4.5:1 as outline text on white and striped rows (as the status badges').
const CONTRACT_COLORS: Record<Contract['status'], string> = {
  draft: 'gray.8',
  active: '#237032',
  suspended: '#ae3e0b',
  expired: 'red.9',
};

export function ContractStatusBadge({ status }: { status: Contract['status'] }) {
  const { t } = useTranslation('registers');
  return (
    <Badge variant="outline" color={CONTRACT_COLORS[status]} data-testid="contract-status">
      {t(`contractStatus.${status}`)}
    </Badge>
  );
}

const ITEM_COLORS: Record<EquipmentItem['status'], string> = {
  in_service: '#237032',
  under_repair: '#ae3e0b',
  retired: 'gray.8',
};

export function ItemStatusBadge({ status }: { status: EquipmentItem['status'] }) {
  const { t } = useTranslation('registers');
  return (
    <Badge variant="outline" color={ITEM_COLORS[status]}>
      {t(`itemStatus.${status}`)}
    </Badge>
  );
}

/** Today in UTC, as the API counts warranties and contract ends. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

export function WarrantyBadge({ until }: { until: string | null }) {
  const { t } = useTranslation('registers');
  if (!until) return null;
  const under = until >= todayUtc();
  return (
    <Badge variant="outline" color={under ? 'teal.9' : 'gray.8'} data-testid="warranty-badge">
      {under ? t('items.underWarranty') : t('items.warrantyOver')}
    </Badge>
  );
}

/** "Boiler · SN-1 · INV-7": how an item is named in lists and pickers. */
export function itemLabel(item: EquipmentItem): string {
  return [
    item.typeName,
    [item.manufacturer, item.model].filter(Boolean).join(' '),
    item.serialNumber,
    item.inventoryNumber,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A card's block: heading and content. */
export function Section({
  title,
  actions,
  children,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** Label and value rows of a card's details. */
export function DetailRows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200}>{label}</Table.Th>
            <Table.Td>{value || '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Label above value: the rows of a narrow side card. */
export function StackedRows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Stack gap="xs">
      {rows.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" component="div">
            {value || '—'}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}

/** How an item is offered in a picker: the numbers people read off its plate first. */
export function itemPickerLabel(item: EquipmentItem): string {
  return [
    item.serialNumber,
    item.inventoryNumber,
    [item.manufacturer, item.model].filter(Boolean).join(' ') || item.typeName,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The tickets of a contract, object or item: the ticket list API filtered by the link
 * (`contractId`, `serviceObjectId`, `equipmentId`), newest first, staff visibility as usual.
 */
export function LinkedTickets({
  filter,
}: {
  filter: { contractId?: string; serviceObjectId?: string; equipmentId?: string };
}) {
  const { t } = useTranslation('registers');
  const format = useFormat();
  const list = useTicketList({ view: 'all', sort: 'createdAt:desc', limit: 50, ...filter });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title={t('common.tickets')} testId="linked-tickets">
      {list.isLoading ? (
        <Loader size="sm" role="status" aria-label={t('common.tickets')} />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('common.noTickets')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Tbody>
              {items.map((ticket) => (
                <Table.Tr key={ticket.id} data-testid="linked-ticket">
                  <Table.Td w={90}>
                    <Anchor component={Link} to={`/tickets/${ticket.number}`}>
                      #{ticket.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{ticket.subject}</Table.Td>
                  <Table.Td w={140}>
                    <StatusBadge
                      status={ticket.status}
                      category={ticket.statusCategory}
                      name={ticket.statusName}
                    />
                  </Table.Td>
                  <Table.Td w={120}>
                    <Text size="xs" c="dimmed">
                      {format.date(ticket.createdAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore pages={list} size="xs" />
    </Section>
  );
}
