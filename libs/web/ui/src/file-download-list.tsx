import { Button, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';

export interface DownloadableFile {
  id: string;
  fileName: string;
  sizeBytes: number;
}

/**
 * Files for a reader who only downloads them (the portal's article files and contract
 * documents): one full-width button each with the name, wrapping anywhere, and its size. The
 * caller fetches the bytes (through the API client, never a URL with a token) in `onDownload`.
 */
export function FileDownloadList<F extends DownloadableFile>({
  files,
  size,
  label,
  busyId,
  onDownload,
  testId,
  gap = 4,
}: {
  files: readonly F[];
  /** The size for people, in the UI language. */
  size: (bytes: number) => string;
  /** The button's accessible name, e.g. "Download manual.pdf". */
  label: (file: F) => string;
  /** The file whose download is under way, shown loading. */
  busyId?: string;
  onDownload: (file: F) => void;
  testId: (file: F) => string;
  gap?: number;
}) {
  return (
    <Stack gap={gap} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {files.map((f) => (
        <li key={f.id}>
          <Button
            variant="subtle"
            justify="flex-start"
            fullWidth
            mih={40}
            h="auto"
            py={6}
            leftSection={<IconDownload size={18} aria-hidden />}
            loading={busyId === f.id}
            onClick={() => onDownload(f)}
            aria-label={label(f)}
            data-testid={testId(f)}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
          >
            <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
              {f.fileName}
            </Text>
            <Text span size="xs" c="dimmed" ml={8}>
              {size(f.sizeBytes)}
            </Text>
          </Button>
        </li>
      ))}
    </Stack>
  );
}
