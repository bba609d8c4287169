import { Alert, Button, CopyButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface KbMine {
  title: string;
  body: string;
  yours: number;
  current: number;
}

/**
 * A save that lost the race (409): the user's text stays in the form until they choose to load
 * the other version, and after that it stays here, read-only and copyable, so nothing typed is
 * lost either way.
 */
export function KbConflictNotice({
  mine,
  reloaded,
  onReload,
  reloading,
}: {
  mine: KbMine;
  reloaded: boolean;
  onReload: () => void;
  reloading: boolean;
}) {
  const { t } = useTranslation('kb');
  const text = `${mine.title}\n\n${mine.body}`;
  return (
    <Alert color="orange" title={t('editor.conflictTitle')} role="alert" data-testid="kb-conflict">
      <Stack gap="sm">
        <Text size="sm">
          {t('editor.conflictText', { current: mine.current, yours: mine.yours })}
        </Text>
        <Group gap="xs">
          {!reloaded && (
            <Button
              size="xs"
              onClick={onReload}
              loading={reloading}
              data-testid="kb-conflict-reload"
            >
              {t('editor.reload')}
            </Button>
          )}
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy} data-testid="kb-conflict-copy">
                {copied ? t('editor.copied') : t('editor.copyMine')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {reloaded && (
          <Textarea
            label={t('editor.mineTitle')}
            value={text}
            readOnly
            autosize
            minRows={3}
            maxRows={12}
            data-testid="kb-conflict-mine"
          />
        )}
      </Stack>
    </Alert>
  );
}
