import { useSyncExternalStore } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { appUpdated, subscribeAppUpdated } from './service-worker-registration';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}
const isOnline = () => navigator.onLine;

/**
 * A bar at the bottom of every screen (the sign-in page included) while the device is offline,
 * or once a newer build has taken over (with a button to load it). Bottom, so it covers no
 * header or menu.
 */
export function ConnectivityBanner() {
  const { t } = useTranslation('common');
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const updated = useSyncExternalStore(subscribeAppUpdated, appUpdated, () => false);
  if (online && !updated) return null;
  return (
    <Paper
      role="status"
      data-testid={online ? 'update-banner' : 'offline-banner'}
      shadow="md"
      radius={0}
      p="xs"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        zIndex: 1000,
        background: online ? 'var(--mantine-color-teal-0)' : 'var(--mantine-color-yellow-1)',
      }}
    >
      <Group justify="center" gap="sm">
        <Text size="sm" fw={500}>
          {online ? t('pwa.updated') : t('pwa.offline')}
        </Text>
        {online && (
          <Button size="compact-sm" variant="light" onClick={() => window.location.reload()}>
            {t('reload')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
