import { Button, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat, useTranslatedName } from '@relaydesk/web-ui';
import type { Priority, TicketEvent } from '../api';
import { useTicketHistory } from '../hooks';
import { Loading } from './loading';

const FIELD_KEYS = [
  'subject',
  'description',
  'priority',
  'typeId',
  'organizationId',
  'requesterId',
  'categoryId',
  'postponedUntil',
] as const;

/** One line of the history in the client's words. */
function useDescribe(): (e: TicketEvent) => string {
  const { t } = useTranslation(['ticketProgress', 'common']);
  const format = useFormat();
  const name = useTranslatedName();

  const fieldLine = (e: TicketEvent): string => {
    const key = FIELD_KEYS.find((k) => k === e.field) ?? 'custom';
    const field = t(`history.fields.${key}`);
    // Values worth repeating; ids (type, category, ...) would mean nothing to the reader.
    if (e.field === 'priority' && typeof e.newValue === 'string') {
      return t('history.fieldValue', {
        field,
        value: t(`common:priority.${e.newValue as Priority}`),
      });
    }
    if (e.field === 'subject' && typeof e.newValue === 'string') {
      return t('history.fieldValue', { field, value: e.newValue });
    }
    if (e.field === 'postponedUntil' && typeof e.newValue === 'string') {
      return t('history.fieldValue', { field, value: format.dateTime(e.newValue) });
    }
    return t('history.fieldChanged', { field });
  };

  return (e) => {
    switch (e.kind) {
      case 'created':
        return t('history.created');
      case 'status_changed': {
        const label = (text: TicketEvent['newStatusName'], key: unknown) =>
          text ? name(text) : String(key ?? '');
        return t('history.status', {
          from: label(e.oldStatusName, e.oldValue),
          to: label(e.newStatusName, e.newValue),
        });
      }
      case 'assigned':
        return t('history.assigned');
      case 'comment_added':
        return t('history.comment');
      case 'attachment_added':
        return t('history.attachment');
      case 'rated':
        return t('history.rated');
      case 'watcher_added':
        return t('history.watcherAdded');
      case 'watcher_removed':
        return t('history.watcherRemoved');
      default:
        return fieldLine(e);
    }
  };
}

/**
 * The ticket's history beside the conversation: what the API shows a client (status changes
 * by name, "taken on by the support team", their own edits), never the desk's internal lines.
 */
export function TicketTimeline({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation(['ticketProgress', 'common']);
  const user = useUser();
  const format = useFormat();
  const describe = useDescribe();
  const history = useTicketHistory(ticketId);

  if (history.isPending) return <Loading size="sm" />;
  if (history.isError) return <ProblemMessage error={history.error} />;
  const items = history.data.pages.flatMap((p) => p.items);
  if (!items.length) {
    return (
      <Text c="dimmed" size="sm">
        {t('history.empty')}
      </Text>
    );
  }
  const who = (e: TicketEvent) =>
    e.kind === 'assigned'
      ? t('history.supportTeam')
      : e.actor === null
        ? t('history.system')
        : e.actor.id === user.id
          ? t('history.you')
          : e.actor.name;
  return (
    <Stack gap="sm">
      <Timeline bulletSize={12} lineWidth={2} data-testid="portal-timeline">
        {items.map((e) => (
          <Timeline.Item
            key={e.id}
            title={describe(e)}
            data-testid="portal-timeline-item"
            data-kind={e.kind}
          >
            <Text size="xs" c="dimmed">
              <time dateTime={e.createdAt}>{format.dateTime(e.createdAt)}</time>
              {' · '}
              {who(e)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {history.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('history.more')}
        </Button>
      )}
    </Stack>
  );
}
