import { useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage, useFormat, useNotificationText } from '@relaydesk/web-ui';
import { queryKeys } from '../../../query-keys';
import type { Notification } from '../api';
import { useMarkAllRead, useMarkRead, useNotificationPages, useUnreadCount } from '../hooks';

/**
 * The header bell of the portal: unread count (polled) and, on click, the client's notifications
 * newest first, each linking to its ticket (opening one marks it read), with "mark read" one by
 * one and "mark all read". The API lists only notifications of tickets the client can see.
 */
export function NotificationBell() {
  const { t } = useTranslation(['notifications', 'notificationKinds', 'common']);
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  const client = useQueryClient();
  const last = useRef(count);
  useEffect(() => {
    if (count > last.current)
      void client.invalidateQueries({ queryKey: queryKeys.notifications.list });
    last.current = count;
  }, [count, client]);

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray.8"
          size="lg"
          onClick={() => setOpened((o) => !o)}
          aria-label={count > 0 ? t('bellUnread', { count }) : t('bell')}
          aria-expanded={opened}
          aria-haspopup="dialog"
          data-testid="notification-bell"
          style={{ position: 'relative', overflow: 'visible' }}
        >
          <IconBell size={22} aria-hidden />
          {count > 0 && (
            <Badge
              size="xs"
              color="red.8"
              variant="filled"
              circle={count < 10}
              data-testid="notification-count"
              aria-hidden
              style={{ position: 'absolute', top: -2, right: -4, pointerEvents: 'none' }}
            >
              {count > 99 ? '99+' : count}
            </Badge>
          )}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="sm" aria-label={t('title')} role="dialog">
        {opened && <NotificationList onNavigate={() => setOpened(false)} />}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationList({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation(['notifications', 'notificationKinds', 'common']);
  const format = useFormat();
  const text = useNotificationText();
  const pages = useNotificationPages(true);
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
                  <Stack gap={2}>
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
