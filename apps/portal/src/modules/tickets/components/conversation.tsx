import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useTicketComments } from '../hooks';
import { Loading } from './loading';

/** Public comments, oldest first; the API never sends a client the internal ones. */
export function Conversation({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation(['tickets', 'common']);
  const user = useUser();
  const format = useFormat();
  const comments = useTicketComments(ticketId);

  if (comments.isPending) {
    return <Loading size="sm" />;
  }
  if (comments.isError) return <ProblemMessage error={comments.error} />;
  const items = comments.data.pages.flatMap((p) => p.items);
  if (!items.length) {
    return (
      <Text c="dimmed" size="sm">
        {t('ticket.noComments')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((c) => {
          const mine = c.author?.id === user.id;
          return (
            <Paper
              key={c.id}
              component="li"
              withBorder
              radius="md"
              p="sm"
              bg={mine ? 'blue.0' : undefined}
              data-testid={`portal-comment-${c.id}`}
            >
              <Group justify="space-between" gap={4} mb={4}>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {mine ? t('ticket.you') : (c.author?.name ?? t('ticket.support'))}
                </Text>
                <Text size="xs" c="dimmed" component="time" dateTime={c.createdAt}>
                  {format.dateTime(c.createdAt)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {c.body}
              </Text>
            </Paper>
          );
        })}
      </Stack>
      {comments.hasNextPage && (
        <Button
          variant="subtle"
          onClick={() => void comments.fetchNextPage()}
          loading={comments.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('ticket.moreReplies')}
        </Button>
      )}
    </Stack>
  );
}
