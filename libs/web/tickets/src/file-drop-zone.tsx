import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Button, FileButton, Group, Paper, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';

export interface FileDropZoneProps {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  /** While files are being sent: the button shows it. */
  busy?: boolean;
  /** The button that opens the file picker (keyboard users, phones); also the input's label. */
  buttonLabel: string;
  /** The prompt next to it: while nothing is dragged over the zone, and while files are. */
  prompt: { idle: string; over: string };
  /** A line under the prompt, e.g. who will see the files. */
  hint?: ReactNode;
  /** Test id of the zone (`data-active` is set on it while files are dragged over). */
  testId?: string;
  /** Test id of the file input. */
  inputTestId?: string;
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/**
 * Drop files here, or press the button to choose them. Native drag events only: no drop-zone
 * library needed for this. The texts come from the app (its own translations).
 */
export function FileDropZone({
  onFiles,
  disabled,
  busy,
  buttonLabel,
  prompt,
  hint,
  testId,
  inputTestId,
}: FileDropZoneProps) {
  const [over, setOver] = useState(false);
  // Clearing the input after each pick lets the same file be picked again.
  const resetRef = useRef<() => void>(null);

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
      data-testid={testId}
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
        // Moving onto a child (the button) is still inside the zone.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (disabled || !hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length) onFiles(files);
      }}
    >
      <Group justify="center" gap="sm">
        <IconUpload size={20} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text size="sm" c="dimmed">
          {over ? prompt.over : prompt.idle}
        </Text>
        <FileButton
          multiple
          disabled={disabled}
          resetRef={resetRef}
          onChange={(files) => {
            if (files.length) onFiles(files);
            resetRef.current?.();
          }}
          inputProps={{ 'aria-label': buttonLabel, 'data-testid': inputTestId } as object}
        >
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={busy} disabled={disabled}>
              {buttonLabel}
            </Button>
          )}
        </FileButton>
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" ta="center" mt={6}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
