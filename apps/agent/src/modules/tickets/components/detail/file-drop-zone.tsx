import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface FileDropZoneProps {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  /** A line under the prompt, e.g. who will see the files. */
  hint?: ReactNode;
  /** Prefix of the test ids: `<prefix>-drop` on the zone, `<prefix>-input` on the file input. */
  testIdPrefix?: string;
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/**
 * Drop files here, or press the button (keyboard users, phones) to choose them. Native drag
 * events only: no drop-zone library needed for this.
 */
export function FileDropZone({
  onFiles,
  disabled,
  hint,
  testIdPrefix = 'attachment',
}: FileDropZoneProps) {
  const { t } = useTranslation('ticketDetail');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrag = (e: DragEvent<HTMLDivElement>) => {
    if (disabled || !hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid={`${testIdPrefix}-drop`}
      data-active={over || undefined}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-6)' : undefined,
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
        opacity: disabled ? 0.6 : 1,
      }}
      onDragEnter={onDrag}
      onDragOver={onDrag}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (disabled) return;
        e.preventDefault();
        setOver(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length) onFiles(files);
      }}
    >
      <Group justify="center" gap="sm">
        <IconUpload size={20} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text size="sm" c="dimmed">
          {over ? t('attachments.dropNow') : t('attachments.dropHere')}
        </Text>
        <Button
          variant="default"
          size="xs"
          disabled={disabled}
          onClick={() => input.current?.click()}
        >
          {t('attachments.browse')}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          aria-label={t('attachments.browse')}
          data-testid={`${testIdPrefix}-input`}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            if (files.length) onFiles(files);
          }}
        />
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" ta="center" mt={6}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
