import { ActionIcon, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFileSize } from './use-file-size';

/** Files picked for a ticket that does not exist yet; each can be removed again. */
export function ChosenFiles({
  files,
  onRemove,
  disabled,
}: {
  files: File[];
  onRemove: (index: number) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('tickets');
  const size = useFileSize();
  if (!files.length) return null;
  return (
    <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {files.map((file, index) => (
        <Group key={`${file.name}-${index}`} component="li" gap="xs" wrap="nowrap">
          <IconPaperclip size={16} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {file.name}{' '}
            <Text span size="sm" c="dimmed">
              ({size(file.size)})
            </Text>
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => onRemove(index)}
            disabled={disabled}
            aria-label={t('form.removeFile', { name: file.name })}
            style={{ flexShrink: 0 }}
          >
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
