import { Anchor, Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localeTag } from '@relaydesk/web-ui';
import { useDateOnly } from '../../registers/dates';
import type { BilledWork } from '../api';
import { useTicketWork } from '../hooks';

/** Units of the demo's and most price lists that have a word of their own in each language. */
const KNOWN_UNITS = ['h', 'km', 'pcs'] as const;

function useQuantity() {
  const { t, i18n } = useTranslation('registers');
  const number = new Intl.NumberFormat(localeTag(i18n.language), { maximumFractionDigits: 2 });
  const unit = (u: string) =>
    (KNOWN_UNITS as readonly string[]).includes(u) ? t(`work.unit.${u}`) : u;
  return {
    /** What is billed, in the price list's unit; work without an activity in hours. */
    billed: (entry: BilledWork) =>
      entry.billingItem
        ? `${number.format(entry.quantityBilled)} ${unit(entry.billingItem.unit)}`
        : `${number.format(entry.billedSeconds / 3600)} ${unit('h')}`,
    hours: (seconds: number) => `${number.format(seconds / 3600)} ${unit('h')}`,
  };
}

/**
 * The billed work as a client of a service company reads it on an act of work done: the date,
 * the activity and what was done, the quantity billed in its unit, warranty work marked (it is
 * not invoiced). The API sends a client nothing else (no time done, no internal entries, no who,
 * no prices), so nothing else can show.
 */
export function BilledWorkList({
  entries,
  tickets,
}: {
  entries: BilledWork[];
  /** On an equipment card: each entry names its request (number by ticket id). */
  tickets?: Map<string, number>;
}) {
  const { t } = useTranslation('registers');
  const date = useDateOnly();
  const quantity = useQuantity();
  const billedSeconds = entries
    .filter((e) => e.kind === 'billable')
    .reduce((sum, e) => sum + e.billedSeconds, 0);
  const warrantySeconds = entries
    .filter((e) => e.kind === 'warranty')
    .reduce((sum, e) => sum + e.billedSeconds, 0);
  return (
    <Stack gap="xs">
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {entries.map((entry) => {
          const number = tickets?.get(entry.ticketId);
          return (
            <Paper
              key={entry.id}
              component="li"
              withBorder
              radius="md"
              p="sm"
              data-testid="portal-work-entry"
              data-kind={entry.kind}
            >
              <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {entry.billingItem?.name ?? t('work.noActivity')}
                </Text>
                <Text
                  size="sm"
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid="portal-work-billed"
                >
                  {quantity.billed(entry)}
                </Text>
              </Group>
              <Group gap="xs" mt={2} wrap="wrap">
                <Text size="sm" c="dimmed">
                  {date(entry.workDate)}
                </Text>
                {number !== undefined && (
                  <Anchor component={Link} to={`/tickets/${number}`} size="sm">
                    {t('work.ticket', { number })}
                  </Anchor>
                )}
                {entry.kind === 'warranty' && (
                  <Badge variant="light" color="teal" style={{ textTransform: 'none' }}>
                    {t('work.warranty')}
                  </Badge>
                )}
              </Group>
              {entry.description && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {entry.description}
                </Text>
              )}
            </Paper>
          );
        })}
      </Stack>
      {(billedSeconds > 0 || warrantySeconds > 0) && (
        <Text size="sm" data-testid="portal-work-totals">
          {[
            billedSeconds > 0 ? t('work.billedTime', { value: quantity.hours(billedSeconds) }) : '',
            warrantySeconds > 0
              ? t('work.warrantyTime', { value: quantity.hours(warrantySeconds) })
              : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The ticket page's "Work performed": nothing at all while the installation keeps work to its
 * staff (the API answers 404) or before any billed work is logged.
 */
export function TicketBilledWork({ ticket }: { ticket: { id: string; number: number } }) {
  const { t } = useTranslation('registers');
  const work = useTicketWork(ticket).data;
  if (!work || work.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="ticket-work" data-testid="portal-work">
      <Title order={3} size="h4" id="ticket-work" mb="xs">
        {t('work.title')}
      </Title>
      <BilledWorkList entries={work} />
    </Box>
  );
}
