import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unwrap } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import { useFormat } from '@relaydesk/web-ui';

/**
 * Read-only, for staff on the ticket page: which knowledge-base articles the automatic answer
 * offered the requester (with the match score), and whether one of them solved the ticket.
 */
export function KbAutoAnswerCard({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('kbAutoAnswer');
  const fmt = useFormat();
  const api = useApi();
  const query = useQuery({
    queryKey: ['tickets', 'kb-suggestions', ticketId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tickets/{id}/kb-suggestions', { params: { path: { id: ticketId } } }),
      ),
  });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="kb-auto-answer-heading"
      data-testid="ticket-kb-auto-answer"
    >
      <Stack gap="xs">
        <Title order={3} size="h5" id="kb-auto-answer-heading">
          {t('heading')}
        </Title>
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={item.articleId} data-testid="ticket-kb-auto-answer-item">
              <Group gap={6} wrap="wrap" justify="space-between">
                <Anchor
                  component={Link}
                  to={`/kb/articles/${item.articleId}`}
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {item.title}
                </Anchor>
                {item.score !== undefined && (
                  <Text size="xs" c="dimmed">
                    {t('score', { percent: Math.round(item.score * 100) })}
                  </Text>
                )}
              </Group>
              {item.solvedAt && (
                <Group gap={6} mt={2} wrap="wrap">
                  <Badge color="green" variant="light" data-testid="ticket-kb-auto-answer-solved">
                    {t('solvedBadge')}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('solvedBy', {
                      name: item.solvedBy?.name ?? t('someone'),
                      when: fmt.dateTime(item.solvedAt),
                    })}
                  </Text>
                </Group>
              )}
            </li>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
