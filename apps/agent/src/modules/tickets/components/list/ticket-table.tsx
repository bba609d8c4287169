import {
  Anchor,
  Box,
  Group,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PriorityBadge, StatusBadge, useFormat, useTranslatedName } from '@relaydesk/web-ui';
import { TimeLeftCell } from '../../../sla/components/time-left-cell';
import type { TicketSummary } from '../../api';
import type { ListState, SortField } from './list-params';

/** Statuses in these categories are still being worked on, so a past due date is overdue. */
const ACTIVE_CATEGORIES = new Set(['new', 'open', 'pending']);

export function isOverdue(ticket: TicketSummary, now: number): boolean {
  return (
    !!ticket.dueAt && Date.parse(ticket.dueAt) < now && ACTIVE_CATEGORIES.has(ticket.statusCategory)
  );
}

function SortableTh({
  field,
  label,
  sort,
  onSort,
}: {
  field: SortField;
  label: string;
  sort: ListState['sort'];
  onSort: (field: SortField) => void;
}) {
  const active = sort.field === field;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const Icon = !active ? IconSelector : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={ariaSort} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton
        onClick={() => onSort(field)}
        data-testid={`sort-${field}`}
        fw={700}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        {label}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}

function DueCell({ ticket, now }: { ticket: TicketSummary; now: number }) {
  const { t } = useTranslation('ticketList');
  const format = useFormat();
  if (!ticket.dueAt)
    return (
      <Text size="sm" c="gray.7">
        {t('common:none')}
      </Text>
    );
  if (!isOverdue(ticket, now)) return <>{format.dateTime(ticket.dueAt)}</>;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" c="red.9" data-testid="overdue">
      <IconAlertTriangle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <div>
        <Text size="sm" c="red.9">
          {format.dateTime(ticket.dueAt)}
        </Text>
        <Text size="xs" fw={700} c="red.9">
          {t('table.overdue')}
        </Text>
      </div>
    </Group>
  );
}

export interface TicketTableProps {
  tickets: TicketSummary[];
  sort: ListState['sort'];
  onSort: (field: SortField) => void;
  /** When the data was fetched; due dates before it count as overdue. */
  now: number;
  caption: string;
}

export function TicketTable({ tickets, sort, onSort, now, caption }: TicketTableProps) {
  const { t } = useTranslation(['ticketList', 'common']);
  const format = useFormat();
  const translate = useTranslatedName();
  // On narrow screens type, organization, requester and priority move into other cells.
  const compact = useMediaQuery('(max-width: 104.99em)', false, { getInitialValueInEffect: false });
  const none = (
    <Text size="sm" c="gray.7">
      {t('common:none')}
    </Text>
  );
  const sortable = (field: SortField, label: string) => (
    <SortableTh field={field} label={label} sort={sort} onSort={onSort} />
  );

  return (
    <Table.ScrollContainer minWidth={compact ? 820 : 1080} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" data-testid="ticket-list">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {sortable('number', t('columns.number'))}
            <Table.Th>{t('columns.subject')}</Table.Th>
            <Table.Th>{compact ? t('columns.statusPriority') : t('columns.status')}</Table.Th>
            {!compact && <Table.Th>{t('columns.priority')}</Table.Th>}
            {!compact && <Table.Th>{t('columns.type')}</Table.Th>}
            {!compact && <Table.Th>{t('columns.organization')}</Table.Th>}
            {!compact && <Table.Th>{t('columns.requester')}</Table.Th>}
            <Table.Th>{t('columns.assignee')}</Table.Th>
            <Table.Th>{t('columns.due')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('columns.timeLeft')}</Table.Th>
            {sortable('updatedAt', t('columns.updated'))}
            {sortable('createdAt', t('columns.created'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => {
            const typeName = ticket.type ? translate(ticket.type.name) : null;
            const status = (
              <Box w="max-content">
                <StatusBadge
                  status={ticket.status}
                  category={ticket.statusCategory}
                  name={ticket.statusName}
                />
              </Box>
            );
            const priority = (
              <Box w="max-content">
                <PriorityBadge priority={ticket.priority} />
              </Box>
            );
            return (
              <Table.Tr key={ticket.id} data-testid={`ticket-row-${ticket.number}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{ticket.number}</Table.Td>
                <Table.Td miw={compact ? 200 : 180}>
                  <Anchor
                    component={Link}
                    to={`/tickets/${ticket.number}`}
                    fz="sm"
                    fw={500}
                    c="teal.9"
                  >
                    {ticket.subject}
                  </Anchor>
                  {compact && (
                    <Text size="xs" c="gray.7">
                      {[typeName, ticket.organization?.name, ticket.requester?.name]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {compact ? (
                    <Stack gap={4}>
                      {status}
                      {priority}
                    </Stack>
                  ) : (
                    status
                  )}
                </Table.Td>
                {!compact && <Table.Td>{priority}</Table.Td>}
                {!compact && <Table.Td>{typeName ?? none}</Table.Td>}
                {!compact && <Table.Td>{ticket.organization?.name ?? none}</Table.Td>}
                {!compact && <Table.Td>{ticket.requester?.name ?? none}</Table.Td>}
                <Table.Td>
                  {ticket.assignee?.name ?? (
                    <Text size="sm" c="gray.7" fs="italic">
                      {t('table.unassigned')}
                    </Text>
                  )}
                  {ticket.group && (
                    <Text size="xs" c="gray.7">
                      {ticket.group.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <DueCell ticket={ticket} now={now} />
                </Table.Td>
                <Table.Td miw={110}>
                  <TimeLeftCell ticket={ticket} now={now} />
                </Table.Td>
                <Table.Td>{format.dateTime(ticket.updatedAt)}</Table.Td>
                <Table.Td>{format.dateTime(ticket.createdAt)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
