import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ActionIcon, Badge, Center, Loader, Popover } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../query-keys';
import { useUnreadCount } from '../hooks';

// The list, its strings and its mutations load with the first opening, not with the app.
const NotificationPanel = lazy(() => import('./notification-panel'));

/** The header bell: unread count (polled) and, on click, the notification list. */
export function NotificationBell() {
  const { t } = useTranslation(['layout', 'common']);
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  const client = useQueryClient();
  // A new notification while the list is cached: read the list again next time it shows.
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
      width={380}
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
          aria-label={
            count > 0 ? t('layout:notificationsUnread', { count }) : t('layout:notifications')
          }
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
      <Popover.Dropdown p="sm" aria-label={t('layout:notifications')} role="dialog">
        {opened && (
          <Suspense
            fallback={
              <Center p="md">
                <Loader size="sm" role="status" aria-label={t('common:loading')} />
              </Center>
            }
          >
            <NotificationPanel onNavigate={() => setOpened(false)} />
          </Suspense>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
