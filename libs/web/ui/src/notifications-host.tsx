import '@mantine/notifications/styles.css';
import { MantineThemeProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

/**
 * Where toasts appear; use `notifications.show` from @mantine/notifications to raise one.
 * Every toast's close button gets a name in the UI language (Mantine's has none).
 */
export function NotificationsHost() {
  const { t } = useTranslation('common');
  return (
    <MantineThemeProvider
      theme={{
        components: {
          Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('close') } } },
        },
      }}
    >
      <Notifications position="top-right" />
    </MantineThemeProvider>
  );
}
