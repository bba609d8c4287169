import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconClockPause, IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@relaydesk/web-ui';
import type { TicketPromise } from '../api';

/**
 * The times the desk promised (HappyDesk tells the sender the expected waiting time): shown
 * while they run, marked as paused while the clock stands still, gone once met.
 */
export function PromisedTimes({ promise }: { promise: TicketPromise | undefined }) {
  const { t } = useTranslation('ticketProgress');
  const format = useFormat();
  if (!promise || (!promise.firstResponseBy && !promise.resolutionBy)) return null;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-label={t('promise.title')}
      data-testid="portal-promise"
      data-paused={promise.paused || undefined}
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        {promise.paused ? (
          <IconClockPause size={20} aria-hidden />
        ) : (
          <IconHourglass size={20} aria-hidden />
        )}
        <Stack gap={2}>
          {promise.firstResponseBy && (
            <Text size="sm" data-testid="portal-promise-first-response">
              {t('promise.firstResponse', { date: format.dateTime(promise.firstResponseBy) })}
            </Text>
          )}
          {promise.resolutionBy && (
            <Text size="sm" data-testid="portal-promise-resolution">
              {t('promise.resolution', { date: format.dateTime(promise.resolutionBy) })}
            </Text>
          )}
          {promise.paused && (
            <Group gap="xs">
              <Badge color="gray" variant="light" data-testid="portal-promise-paused">
                {t('promise.paused')}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('promise.pausedHint')}
              </Text>
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** The same promise in a list card: one short line. */
export function PromisedTimesLine({ promise }: { promise: TicketPromise | undefined }) {
  const { t } = useTranslation('ticketProgress');
  const format = useFormat();
  if (!promise || (!promise.firstResponseBy && !promise.resolutionBy)) return null;
  const parts = [
    promise.firstResponseBy
      ? t('promise.cardFirstResponse', { date: format.dateTime(promise.firstResponseBy) })
      : null,
    promise.resolutionBy
      ? t('promise.cardResolution', { date: format.dateTime(promise.resolutionBy) })
      : null,
  ].filter(Boolean);
  return (
    <Text
      size="sm"
      mt={4}
      c={promise.paused ? 'dimmed' : undefined}
      data-testid="portal-card-promise"
      data-paused={promise.paused || undefined}
    >
      {parts.join(' · ')}
      {promise.paused ? ` (${t('promise.paused').toLowerCase()})` : ''}
    </Text>
  );
}
