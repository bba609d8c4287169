import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@relaydesk/web-ui';
import type { Attachment, Comment } from '../../api';
import { AttachmentList } from './attachment-list';
import { InternalBadge } from './internal-badge';

/**
 * One comment. Internal notes differ in more than color: a lock, an "Internal note" label,
 * a dashed border and a tinted background.
 */
export function CommentItem({
  comment,
  attachments,
}: {
  comment: Comment;
  attachments: Attachment[];
}) {
  const { t } = useTranslation('ticketDetail');
  const fmt = useFormat();
  const internal = comment.internal;
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="sm"
      data-testid={`comment-${comment.id}`}
      data-internal={internal ? 'true' : 'false'}
      aria-label={internal ? t('conversation.internalNote') : t('conversation.publicComment')}
      style={
        internal
          ? {
              background: 'var(--mantine-color-yellow-0)',
              borderColor: 'var(--mantine-color-yellow-5)',
              borderStyle: 'dashed',
            }
          : undefined
      }
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {comment.author?.name ?? t('history.system')}
            </Text>
            {internal ? (
              <InternalBadge>{t('conversation.internalNote')}</InternalBadge>
            ) : (
              <Badge
                color="gray.7"
                variant="outline"
                size="sm"
                leftSection={<IconMessage size={12} aria-hidden />}
              >
                {t('conversation.publicComment')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" component="time" dateTime={comment.createdAt}>
            {fmt.dateTime(comment.createdAt)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {comment.body}
        </Text>
        {attachments.length > 0 && <AttachmentList attachments={attachments} />}
      </Stack>
    </Paper>
  );
}
