import {
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import type { MailSettings } from '../api';
import { useAdminDeliveries, useMailSettings } from '../hooks';
import { DeliveryTable } from './delivery-table';

const LISTED = ['failed', 'suppressed', 'pending'] as const;

/** Admin → Mail: the settings in force (from the environment) and what did not go out. */
export function MailSection() {
  const { t } = useTranslation(['mail', 'common']);
  const settings = useMailSettings();
  const [status, setStatus] = useState<(typeof LISTED)[number]>('failed');
  const deliveries = useAdminDeliveries(status);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md" data-testid="mail-admin">
      <Title order={3}>{t('admin.title')}</Title>
      <Text size="sm" c="gray.7" maw={820}>
        {t('admin.hint')}
      </Text>
      {settings.isPending ? (
        <Center p="xl">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      ) : settings.isError ? (
        <ProblemMessage error={settings.error} />
      ) : (
        <SettingsCard settings={settings.data} />
      )}
      <Group justify="space-between" align="flex-end">
        <Title order={4}>{t('admin.list')}</Title>
        <SegmentedControl
          aria-label={t('admin.filter')}
          value={status}
          onChange={(v) => setStatus(v as (typeof LISTED)[number])}
          data={LISTED.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          data-testid="mail-admin-filter"
        />
      </Group>
      {deliveries.isPending ? (
        <Center p="md">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      ) : deliveries.isError ? (
        <ProblemMessage error={deliveries.error} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          <DeliveryTable items={items} showTicket testId="mail-admin-deliveries" />
          {deliveries.hasNextPage && (
            <Button
              variant="subtle"
              onClick={() => void deliveries.fetchNextPage()}
              loading={deliveries.isFetchingNextPage}
            >
              {t('deliveries.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function SettingsCard({ settings: s }: { settings: MailSettings }) {
  const { t } = useTranslation('mail');
  const fmt = useFormat();
  const none = t('admin.none');
  const rows: [string, string][] = [
    [t('admin.driver'), s.driver === 'log' ? t('admin.driverLog') : t('admin.driverSmtp')],
    ...(s.driver === 'smtp'
      ? ([
          [
            t('admin.server'),
            `${s.host ?? none}:${s.port ?? ''} · ${s.secure ? t('admin.tls') : t('admin.starttls')}`,
          ],
          [t('admin.user'), s.user ?? none],
        ] as [string, string][])
      : ([[t('admin.logDirectory'), s.logDirectory ?? none]] as [string, string][])),
    [t('admin.from'), s.from],
    [t('admin.domain'), s.domain],
    [t('admin.replyTo'), s.replyTo ?? none],
    [
      t('admin.dkim'),
      s.dkim
        ? t('admin.dkimOn', { domain: s.dkimDomain, selector: s.dkimSelector })
        : t('admin.off'),
    ],
    [t('admin.rateLimit'), fmt.number(s.rateLimitPerHour)],
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Card withBorder radius="md" padding="md">
        <Title order={4} size="h5" mb="xs">
          {t('admin.settings')}
        </Title>
        <Table fz="sm" verticalSpacing={4} data-testid="mail-settings">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w="45%">{label}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={4} size="h5" mb="xs">
          {t('admin.counts')}
        </Title>
        <Group gap="sm" data-testid="mail-counts">
          {(['sent', 'pending', 'failed', 'suppressed'] as const).map((k) => (
            <Badge
              key={k}
              size="lg"
              variant={k === 'failed' && s.counts.failed > 0 ? 'filled' : 'light'}
              color={
                k === 'failed'
                  ? 'red'
                  : k === 'sent'
                    ? 'green'
                    : k === 'pending'
                      ? 'yellow'
                      : 'gray'
              }
            >
              {t(`status.${k}`)}: {fmt.number(s.counts[k])}
            </Badge>
          ))}
        </Group>
      </Card>
    </SimpleGrid>
  );
}
