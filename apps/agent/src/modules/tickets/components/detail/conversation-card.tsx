import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attachment, Comment, Ticket } from '../../api';
import { CommentComposer } from './comment-composer';
import { CommentItem } from './comment-item';

/** Comments, oldest first, each with its files; the composer below. */
export function ConversationCard({
  ticket,
  comments,
  attachments,
  canInternal,
}: {
  ticket: Ticket;
  comments: Comment[];
  attachments: Attachment[];
  canInternal: boolean;
}) {
  const { t } = useTranslation('ticketDetail');
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="conversation-heading"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="conversation-heading">
          {t('conversation.heading')} ({comments.length})
        </Title>
        {comments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('conversation.empty')}
          </Text>
        )}
        {comments.map((c) => (
          <CommentItem
            key={c.id}
            comment={c}
            attachments={attachments.filter((a) => a.commentId === c.id)}
          />
        ))}
        <CommentComposer ticket={ticket} canInternal={canInternal} />
      </Stack>
    </Card>
  );
}
