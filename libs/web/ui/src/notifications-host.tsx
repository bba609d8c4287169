import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/** Where toasts appear; use `notifications.show` from @mantine/notifications to raise one. */
export function NotificationsHost() {
  return <Notifications position="top-right" />;
}
