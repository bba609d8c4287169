import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { RecordModal } from '../../../shared/forms/record-modal';

export interface RemovedStatus {
  key: string;
  label: string;
  /** What the API said about it (how many tickets are in it). */
  message?: string;
  /** The kept status to suggest first (same category when there is one). */
  suggestion?: string;
}

interface StatusMappingModalProps {
  removed: RemovedStatus[];
  /** The statuses that stay, by key. */
  kept: { value: string; label: string }[];
  saving: boolean;
  onSubmit: (mapping: Record<string, string>) => void;
  onCancel: () => void;
}

/**
 * Asked when a save removes statuses that tickets are in: each removed status gets a status
 * that stays, and the save is sent again with that mapping.
 */
export function StatusMappingModal({
  removed,
  kept,
  saving,
  onSubmit,
  onCancel,
}: StatusMappingModalProps) {
  const { t } = useTranslation(['workflows', 'common']);
  // Status keys are plain words (a-z, 0-9, _): safe as form paths.
  const form = useForm<Record<string, string>>({
    mode: 'controlled',
    initialValues: Object.fromEntries(
      removed.map((r) => [r.key, r.suggestion ?? kept[0]?.value ?? '']),
    ),
  });
  return (
    <RecordModal opened onClose={onCancel} title={t('mapping.title')} size="lg">
      <Stack gap="sm" data-testid="status-mapping">
        <Text size="sm">{t('mapping.intro')}</Text>
        {removed.map((r) => (
          <NativeSelect
            key={r.key}
            label={t('mapping.moveFrom', { name: r.label, key: r.key })}
            description={r.message}
            data={kept}
            {...form.getInputProps(r.key)}
            data-testid={`status-mapping-${r.key}`}
          />
        ))}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common:cancel')}
          </Button>
          <Button
            loading={saving}
            disabled={kept.length === 0}
            onClick={() => onSubmit(form.values)}
            data-testid="status-mapping-submit"
          >
            {t('mapping.submit')}
          </Button>
        </Group>
      </Stack>
    </RecordModal>
  );
}
