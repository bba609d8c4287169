import { useState } from 'react';
import { Center, Checkbox, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '@relaydesk/contracts';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useNotificationDefaults, useUpdateNotificationDefaults } from '../hooks';

/**
 * Administration › Notification defaults: every kind on every channel, one checkbox each, saved
 * on click. Users who have not chosen a cell themselves follow it at once.
 */
export function NotificationDefaultsSection() {
  const { t } = useTranslation(['notificationKinds', 'common']);
  const defaults = useNotificationDefaults();
  const update = useUpdateNotificationDefaults();
  const [busy, setBusy] = useState<string | null>(null);
  const items = defaults.data?.items ?? [];
  const cellOf = (kind: string, channel: string) =>
    items.find((c) => c.kind === kind && c.channel === channel);

  const toggle = (
    kind: (typeof NOTIFICATION_KINDS)[number],
    channel: (typeof NOTIFICATION_CHANNELS)[number],
    enabled: boolean,
  ) => {
    setBusy(`${kind}/${channel}`);
    update.mutate(
      { cells: [{ kind, channel, enabled }] },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('defaults.saved') }),
        onSettled: () => setBusy(null),
      },
    );
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="notification-defaults">
      <Stack gap="sm" data-testid="notification-defaults">
        <Title order={3} id="notification-defaults">
          {t('defaults.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('defaults.hint')}
        </Text>
        {defaults.isError && <ProblemMessage error={defaults.error} />}
        {update.isError && <ProblemMessage error={update.error} />}
        {defaults.isPending ? (
          <Center p="md">
            <Loader size="sm" role="status" aria-label={t('common:loading')} />
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('preferences.kind')}</Table.Th>
                  <Table.Th scope="col">{t('defaults.audience')}</Table.Th>
                  {NOTIFICATION_CHANNELS.map((channel) => (
                    <Table.Th key={channel} scope="col" ta="center">
                      {t(`channel.${channel}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {NOTIFICATION_KINDS.map((kind) => (
                  <Table.Tr key={kind}>
                    <Table.Th scope="row" fw={400}>
                      {t(`name.${kind}`)}
                    </Table.Th>
                    <Table.Td>
                      <Text size="sm" c="gray.7">
                        {cellOf(kind, 'email')?.clients
                          ? t('defaults.clients')
                          : t('defaults.staff')}
                      </Text>
                    </Table.Td>
                    {NOTIFICATION_CHANNELS.map((channel) => {
                      const cell = cellOf(kind, channel);
                      const key = `${kind}/${channel}`;
                      return (
                        <Table.Td key={channel} ta="center">
                          <Checkbox
                            checked={cell?.enabled ?? false}
                            disabled={!cell || busy !== null}
                            onChange={(e) => toggle(kind, channel, e.target.checked)}
                            aria-label={t('preferences.cell', {
                              kind: t(`name.${kind}`),
                              channel: t(`channel.${channel}`),
                            })}
                            styles={{ body: { justifyContent: 'center' } }}
                            data-testid={`default-${key}`}
                          />
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
