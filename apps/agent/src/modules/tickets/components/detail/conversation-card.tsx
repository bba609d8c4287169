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
  archived,
  canInternal,
}: {
  ticket: Ticket;
  comments: Comment[];
  attachments: Attachment[];
  /** An archived ticket takes no comments (the API says 409): no composer, a note instead. */
  archived: boolean;
  canInternal: boolean;
}) {
  const { t } = useTranslation('ticketDetail');
  const { t: tw } = useTranslation('ticketWork');
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
        {archived ? (
          <Text size="sm" c="dimmed" data-testid="archived-note">
            {tw('archived.note')}
          </Text>
        ) : (
          <CommentComposer ticket={ticket} canInternal={canInternal} />
        )}
      </Stack>
    </Card>
  );
}
