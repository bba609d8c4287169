import { Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import {
  IconAlarm,
  IconArrowBigUpLines,
  IconArrowsExchange,
  IconBook2,
  IconRoute,
  IconHandGrab,
  IconLink,
  IconLinkOff,
  IconLock,
  IconStar,
  IconMessage,
  IconPaperclip,
  IconPencil,
  IconPlus,
  IconUserShare,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@relaydesk/web-ui';
import type { Ticket, TicketEvent } from '../../api';
import { InternalBadge } from './internal-badge';
import { useDescribeEvent } from './use-describe-event';

const ICONS: Record<string, typeof IconPlus> = {
  created: IconPlus,
  field_changed: IconPencil,
  status_changed: IconArrowsExchange,
  assigned: IconUserShare,
  taken: IconHandGrab,
  comment_added: IconMessage,
  attachment_added: IconPaperclip,
  link_added: IconLink,
  link_removed: IconLinkOff,
  rated: IconStar,
  rating_link_created: IconStar,
  close_forced: IconLock,
  rule_applied: IconRoute,
  auto_assigned: IconUserShare,
  escalated: IconArrowBigUpLines,
  sla_reminder: IconAlarm,
  sla_breached: IconAlarm,
  kb_draft_created: IconBook2,
};

/** Everything that happened to the ticket, oldest first, with who did it and when. */
export function HistoryCard({
  ticket,
  events,
  nameOf,
}: {
  ticket: Ticket;
  events: TicketEvent[];
  nameOf: (id: string | null) => string | null;
}) {
  const { t } = useTranslation('ticketDetail');
  const { t: tr } = useTranslation('ticketRouting');
  const fmt = useFormat();
  const describe = useDescribeEvent(ticket, nameOf);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="history-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="history-heading">
          {t('history.heading')}
        </Title>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('history.empty')}
          </Text>
        ) : (
          <Timeline
            active={events.length - 1}
            bulletSize={24}
            lineWidth={2}
            data-testid="history"
            component="ol"
            style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}
          >
            {events.map((e) => {
              const Icon = ICONS[e.kind] ?? IconPencil;
              return (
                <Timeline.Item
                  key={e.id}
                  component="li"
                  bullet={<Icon size={14} aria-hidden />}
                  data-testid={`history-${e.id}`}
                  data-kind={e.kind}
                  title={
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {describe(e)}
                      </Text>
                      {e.internal && (
                        <InternalBadge size="xs">{t('attachments.internal')}</InternalBadge>
                      )}
                    </Group>
                  }
                >
                  <Text size="xs" c="dimmed">
                    {e.actor && e.onBehalfOf
                      ? tr('history.onBehalfOf', {
                          actor: e.actor.name,
                          principal: e.onBehalfOf.name,
                        })
                      : (e.actor?.name ?? t('history.system'))}{' '}
                    · <time dateTime={e.createdAt}>{fmt.dateTime(e.createdAt)}</time>
                  </Text>
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </Stack>
    </Card>
  );
}
