import { Anchor, Badge, Box, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArchive,
  IconArrowLeft,
  IconClockPause,
  IconLock,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PriorityBadge, StatusBadge, useFormat, useTranslatedName } from '@relaydesk/web-ui';
import type { Ticket } from '../../api';

/** Number, subject, status, priority, type and the facts that need attention. */
export function TicketHeader({
  ticket,
  readOnly,
  archived,
}: {
  ticket: Ticket;
  readOnly: boolean;
  archived: boolean;
}) {
  const { t } = useTranslation('ticketDetail');
  const { t: tw } = useTranslation('ticketWork');
  const fmt = useFormat();
  const name = useTranslatedName();
  const overdue =
    !!ticket.dueAt &&
    !['resolved', 'closed', 'canceled', 'informational'].includes(ticket.statusCategory) &&
    new Date(ticket.dueAt).getTime() < Date.now();
  return (
    <Stack gap={6}>
      <Anchor component={Link} to="/tickets" size="sm" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('backToList')}
        </Group>
      </Anchor>
      <Group gap="xs" wrap="wrap">
        <Text fw={700} c="dimmed" data-testid="ticket-number">
          #{ticket.number}
        </Text>
        <Box component="span" data-testid="ticket-status" data-status={ticket.status}>
          <StatusBadge
            status={ticket.status}
            category={ticket.statusCategory}
            name={ticket.statusName}
          />
        </Box>
        <PriorityBadge priority={ticket.priority} />
        {ticket.type && (
          <Badge variant="outline" color="gray.7">
            {name(ticket.type.name)}
          </Badge>
        )}
        {overdue && (
          <Badge
            color="red.9"
            variant="filled"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
            data-testid="ticket-overdue"
          >
            {t('overdue')}
          </Badge>
        )}
        {ticket.postponedUntil && ticket.statusCategory === 'pending' && (
          <Badge
            color="yellow.4"
            c="dark.8"
            variant="filled"
            leftSection={<IconClockPause size={12} aria-hidden />}
          >
            {t('postponedUntil', { time: fmt.dateTime(ticket.postponedUntil) })}
          </Badge>
        )}
        {readOnly && (
          <Badge
            color="gray.7"
            variant="outline"
            leftSection={
              archived ? <IconArchive size={12} aria-hidden /> : <IconLock size={12} aria-hidden />
            }
            data-testid={archived ? 'archived-badge' : 'read-only-badge'}
          >
            {archived ? tw('archived.badge') : t('readOnlyBadge')}
          </Badge>
        )}
      </Group>
      <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="ticket-subject">
        {ticket.subject}
      </Title>
    </Stack>
  );
}
