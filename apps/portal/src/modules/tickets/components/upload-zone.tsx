import { useRef, useState, type DragEvent } from 'react';
import { Box, Button, FileButton, Group, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A button that opens the file picker, and a drop target around it. The picker is the
 * keyboard and phone path; dropping is a shortcut on a desktop.
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
  const [over, setOver] = useState(false);
  // Clearing the input after each pick lets the same file be picked again.
  const resetRef = useRef<() => void>(null);
  const inputProps = { 'aria-label': label, 'data-testid': testId };
  const accepts = (e: DragEvent) => !disabled && e.dataTransfer.types.includes('Files');
  return (
    <Box
      p="sm"
      style={{
        border: `1px dashed var(--mantine-color-${over ? 'blue-6' : 'gray-4'})`,
        borderRadius: 'var(--mantine-radius-md)',
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        // Moving onto a child (the button) is still inside the zone.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        setOver(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length) onFiles(files);
      }}
    >
      <Group gap="sm" wrap="wrap">
        <FileButton
          multiple
          disabled={disabled}
          resetRef={resetRef}
          onChange={(files) => {
            if (files.length) onFiles(files);
            resetRef.current?.();
          }}
          inputProps={inputProps}
        >
          {(props) => (
            <Button
              {...props}
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden />}
              loading={busy}
              disabled={disabled}
            >
              {label}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {over ? t('ticket.dropNow') : t('ticket.dropHint')}
        </Text>
      </Group>
    </Box>
  );
}
