import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The signing secret, shown this once (after a create or a rotation). */
export function WebhookSecret({
  secret,
  previousUntil,
  onDone,
}: {
  secret: string;
  previousUntil: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('webhooksAdmin');
  return (
    <Stack gap="md" data-testid="webhook-secret">
      <Alert color="yellow" variant="light">
        {t('secretOnce')}
      </Alert>
      <Code block data-testid="webhook-secret-value">
        {secret}
      </Code>
      {previousUntil && <Text size="sm">{t('previousValid', { date: previousUntil })}</Text>}
      <Group justify="flex-end">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('copied') : t('copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('secretStored')}</Button>
      </Group>
    </Stack>
  );
}
