import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconStar, IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@relaydesk/web-ui';
import type { Ticket } from '../../api';

/** The requester's rating of the solution (given when accepting it), with their comment. */
export function SatisfactionCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticketWork');
  const fmt = useFormat();
  const s = ticket.satisfaction;
  if (!s) return null;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="satisfaction-heading"
      data-testid="ticket-satisfaction"
      data-rating={s.rating}
    >
      <Stack gap="xs">
        <Title order={3} size="h5" id="satisfaction-heading">
          {t('satisfaction.heading')}
        </Title>
        <Group gap={2} role="img" aria-label={t('satisfaction.stars', { rating: s.rating })}>
          {[1, 2, 3, 4, 5].map((n) =>
            n <= s.rating ? (
              <IconStarFilled key={n} size={20} color="#b35c00" aria-hidden />
            ) : (
              <IconStar key={n} size={20} color="#6b6b6b" aria-hidden />
            ),
          )}
          <Text size="sm" fw={600} ml={6} aria-hidden>
            {t('satisfaction.stars', { rating: s.rating })}
          </Text>
        </Group>
        {s.comment && (
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="ticket-satisfaction-comment"
          >
            {s.comment}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('satisfaction.given', {
            when: fmt.dateTime(s.createdAt),
            via: t(`satisfaction.via.${s.via}`),
          })}
        </Text>
      </Stack>
    </Card>
  );
}
