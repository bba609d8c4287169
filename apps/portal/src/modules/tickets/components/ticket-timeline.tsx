import { Button, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat, useTranslatedName } from '@relaydesk/web-ui';
import type { Priority, TicketEvent } from '../api';
import { useCategories, useTicketHistory, useTicketTypes } from '../hooks';
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
function useDescribe(typeId: string | null): (e: TicketEvent) => string {
  const { t } = useTranslation(['ticketProgress', 'common']);
  const format = useFormat();
  const name = useTranslatedName();
  // What a client may read anyway (public types, their client-visible fields, categories):
  // enough to name a changed field or value; anything else stays "changed".
  const types = useTicketTypes().data ?? [];
  const categories = useCategories().data ?? [];
  const typeFields = types.find((x) => x.id === typeId)?.fields ?? [];

  const fieldLine = (e: TicketEvent): string => {
    const key = FIELD_KEYS.find((k) => k === e.field) ?? 'custom';
    const custom = e.field?.startsWith('custom:')
      ? typeFields.find((f) => `custom:${f.key}` === e.field)
      : undefined;
    const field = custom ? name(custom.name) : t(`history.fields.${key}`);
    if (e.field === 'typeId' || e.field === 'categoryId') {
      const list = e.field === 'typeId' ? types : categories;
      const id: unknown = e.newValue;
      const found = list.find((x) => x.id === id);
      if (found) return t('history.fieldValue', { field, value: name(found.name) });
    }
    // Values worth repeating; other ids (organization, requester) would mean little here.
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
export function TicketTimeline({ ticketId, typeId }: { ticketId: string; typeId: string | null }) {
  const { t } = useTranslation(['ticketProgress', 'common']);
  const user = useUser();
  const format = useFormat();
  const describe = useDescribe(typeId);
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
