import { Alert, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useKbPreview } from '../hooks';
import { KbArticleBody } from './kb-article-body';

/** Pause in typing before the preview is asked for: one request per pause, not per key. */
const PREVIEW_DEBOUNCE_MS = 300;

/**
 * What readers will see: the body rendered by the server's renderer and sanitizer (POST
 * /kb/previews), shown by the same component as the article page.
 */
export function KbPreviewPane({ body, language }: { body: string; language: string }) {
  const { t } = useTranslation('kb');
  const [debounced] = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS);
  const hasText = debounced.trim().length > 0;
  const preview = useKbPreview(debounced, hasText);
  const behind = body !== debounced || preview.isFetching;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5" id="kb-preview-title">
          {t('editor.preview')}
        </Title>
        <Group gap={6} aria-live="polite">
          {behind && hasText && (
            <>
              <Loader size="xs" />
              <Text size="xs" c="dimmed">
                {t('editor.previewUpdating')}
              </Text>
            </>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('editor.previewHint')}
      </Text>
      <Card
        withBorder
        padding="lg"
        lang={language}
        aria-labelledby="kb-preview-title"
        component="section"
        data-state={behind ? 'updating' : 'current'}
        data-testid="kb-preview-card"
      >
        {preview.error ? (
          <Alert color="red" variant="light">
            <ProblemMessage error={preview.error} />
          </Alert>
        ) : hasText && preview.data ? (
          <KbArticleBody html={preview.data.html} testId="kb-preview" />
        ) : (
          <Text c="dimmed" size="sm">
            {t('editor.previewEmpty')}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
