import type { ComponentType } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { RecordModal } from '../../shared/forms/record-modal';
import type { RegisterFormProps } from './contract-form';

interface EditRecordModalProps<T> {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  /** The record as last read; after a conflict's reload, the fresh one (the input stays). */
  record: T | undefined;
  form: ComponentType<RegisterFormProps<T>>;
  /** Reads the record again: the next save carries the version just read. */
  onReload: () => Promise<unknown>;
}

/** A register record's edit dialog: its form, "Saved" and closed on success. */
export function EditRecordModal<T>({
  opened,
  onClose,
  title,
  size = 'lg',
  record,
  form: Form,
  onReload,
}: EditRecordModalProps<T>) {
  const { t } = useTranslation('registers');
  return (
    <RecordModal opened={opened} onClose={onClose} title={title} size={size}>
      {opened && record && (
        <Form
          record={record}
          onDone={() => {
            onClose();
            notifications.show({ color: 'green', message: t('common.saved') });
          }}
          onCancel={onClose}
          onReload={async () => {
            await onReload();
          }}
        />
      )}
    </RecordModal>
  );
}
