import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attachment, Ticket } from '../../api';
import { AttachmentList } from './attachment-list';
import { FileDropZone } from './file-drop-zone';
import { UploadList, useUploadQueue } from './upload-queue';

/** All files of the ticket, and a drop zone that attaches new ones to the ticket itself. */
export function AttachmentsCard({
  ticket,
  attachments,
  archived,
}: {
  ticket: Ticket;
  attachments: Attachment[];
  /** An archived ticket takes no files. */
  archived: boolean;
}) {
  const { t } = useTranslation('ticketDetail');
  const queue = useUploadQueue();
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="attachments-heading"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="attachments-heading">
          {t('attachments.heading')} ({attachments.length})
        </Title>
        {attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('attachments.empty')}
          </Text>
        ) : (
          <AttachmentList attachments={attachments} />
        )}
        {!archived && (
          <FileDropZone
            onFiles={(files) => void queue.add(ticket.id, files)}
            hint={t('attachments.publicHint')}
          />
        )}
        <UploadList queue={queue} />
      </Stack>
    </Card>
  );
}
