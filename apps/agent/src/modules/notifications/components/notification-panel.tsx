import {
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage, useFormat, useNotificationText } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import type { Notification } from '../api';
import { useMarkAllRead, useMarkRead, useNotificationPages } from '../hooks';

preloadStrings(['notifications', 'notificationKinds']);

/**
 * The bell's popover: notifications newest first with "load more", each linking to its ticket
 * (opening one marks it read), "mark read" one by one and "mark all read". Loaded on demand.
 */
export default function NotificationPanel({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation(['notifications', 'notificationKinds', 'common']);
  const format = useFormat();
  const text = useNotificationText();
  const pages = useNotificationPages();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((n) => !n.readAt);

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    onNavigate();
  };

  return (
    <Stack gap="xs" data-testid="notification-panel">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h5">
          {t('title')}
        </Title>
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={!anyUnread}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notifications-mark-all"
        >
          {t('markAll')}
        </Button>
      </Group>
      {pages.isPending ? (
        <Center p="md">
          <Loader size="sm" role="status" aria-label={t('common:loading')} />
        </Center>
      ) : pages.isError && !pages.data ? (
        <ProblemMessage error={pages.error} />
      ) : items.length === 0 ? (
        <Text size="sm" c="gray.7" py="sm" data-testid="notifications-empty">
          {t('empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
          <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((n) => {
              const line = text(n);
              const unread = !n.readAt;
              return (
                <Box
                  component="li"
                  key={n.id}
                  py={8}
                  px={6}
                  data-testid={`notification-${n.id}`}
                  data-kind={n.kind}
                  data-unread={unread}
                  style={{
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    background: unread ? 'var(--mantine-color-teal-0)' : undefined,
                  }}
                >
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Box
                      mt={6}
                      w={8}
                      h={8}
                      style={{
                        borderRadius: '50%',
                        flexShrink: 0,
                        background: unread ? 'var(--mantine-color-teal-8)' : 'transparent',
                      }}
                      aria-hidden
                    />
                    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                      {unread && <VisuallyHidden>{t('unread')}: </VisuallyHidden>}
                      <Text size="sm" fw={unread ? 700 : 400}>
                        {line}
                      </Text>
                      {n.ticket && (
                        <Anchor
                          component={Link}
                          to={`/tickets/${n.ticket.number}`}
                          onClick={() => open(n)}
                          size="sm"
                          c="teal.9"
                          lineClamp={2}
                          data-testid="notification-ticket"
                        >
                          #{n.ticket.number} {n.ticket.subject}
                        </Anchor>
                      )}
                      <Group justify="space-between" gap="xs">
                        <Text size="xs" c="gray.7">
                          <time dateTime={n.createdAt} title={format.dateTime(n.createdAt)}>
                            {format.relative(n.createdAt)}
                          </time>
                        </Text>
                        {unread && (
                          <UnstyledButton
                            fz="xs"
                            c="teal.9"
                            td="underline"
                            onClick={() => markRead.mutate(n.id)}
                            aria-label={t('markReadLabel', { text: line })}
                            data-testid="notification-mark-read"
                          >
                            {t('markRead')}
                          </UnstyledButton>
                        )}
                      </Group>
                    </Stack>
                  </Group>
                </Box>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {pages.hasNextPage && (
        <Button
          variant="default"
          size="xs"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
          data-testid="notifications-load-more"
        >
          {t('loadMore')}
        </Button>
      )}
    </Stack>
  );
}
