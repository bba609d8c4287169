import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDropZone as SharedFileDropZone } from '@relaydesk/web-tickets';

export interface FileDropZoneProps {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  /** A line under the prompt, e.g. who will see the files. */
  hint?: ReactNode;
  /** Prefix of the test ids: `<prefix>-drop` on the zone, `<prefix>-input` on the file input. */
  testIdPrefix?: string;
}

/** The shared drop zone with the staff app's words. */
export function FileDropZone({
  onFiles,
  disabled,
  hint,
  testIdPrefix = 'attachment',
}: FileDropZoneProps) {
  const { t } = useTranslation('ticketDetail');
  return (
    <SharedFileDropZone
      onFiles={onFiles}
      disabled={disabled}
      hint={hint}
      buttonLabel={t('attachments.browse')}
      prompt={{ idle: t('attachments.dropHere'), over: t('attachments.dropNow') }}
      testId={`${testIdPrefix}-drop`}
      inputTestId={`${testIdPrefix}-input`}
    />
  );
}
