import { useTranslation } from 'react-i18next';
import { FileDropZone } from '@relaydesk/web-tickets';

/**
 * The shared drop zone with the portal's words: a button that opens the file picker (the
 * keyboard and phone path) and a drop target around it (a shortcut on a desktop).
 */
export function UploadZone({
  label,
  onFiles,
  busy,
  disabled,
  testId,
}: {
  label: string;
  onFiles: (files: File[]) => void;
  busy?: boolean;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('tickets');
  return (
    <FileDropZone
      onFiles={onFiles}
      busy={busy}
      disabled={disabled}
      buttonLabel={label}
      prompt={{ idle: t('ticket.dropHint'), over: t('ticket.dropNow') }}
      inputTestId={testId}
    />
  );
}
