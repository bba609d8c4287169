import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkflowDraft } from '../editor-model';
import { offersInformational, withInformational } from '../informational-status';

interface InformationalOptionProps {
  draft: WorkflowDraft;
  onChange: (update: (draft: WorkflowDraft) => WorkflowDraft) => void;
}

/** Offers an Okdesk workflow the Informational status with its transitions, in one click. */
export function InformationalOption({ draft, onChange }: InformationalOptionProps) {
  const { t } = useTranslation('workflowInformational');
  if (!offersInformational(draft)) return null;
  return (
    <Alert color="cyan" variant="light" data-testid="informational-option">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" style={{ flex: '1 1 20rem' }}>
          {t('about')}
        </Text>
        <Button
          size="xs"
          variant="default"
          onClick={() => onChange(withInformational)}
          data-testid="informational-add"
        >
          {t('add')}
        </Button>
      </Group>
    </Alert>
  );
}
