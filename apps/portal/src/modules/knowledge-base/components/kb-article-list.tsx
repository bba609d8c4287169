import { Anchor, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KbArticleSummary } from '@relaydesk/web-kb';
import { useFormat } from '@relaydesk/web-ui';
import { useKbLanguageFilter } from '../kb-language';
import classes from './kb.module.css';

/**
 * Articles as rows that are links as a whole (tall enough to tap), the language shown when the
 * list mixes languages.
 */
export function KbArticleList({
  articles,
  testId,
  sectionName,
}: {
  articles: KbArticleSummary[];
  testId: string;
  sectionName?: (sectionId: string) => string | undefined;
}) {
  const { t } = useTranslation('kb');
  const { date } = useFormat();
  const { choice } = useKbLanguageFilter();
  return (
    <Stack gap={0} component="ul" className={classes.list} data-testid={testId}>
      {articles.map((a) => (
        <li key={a.id}>
          <UnstyledButton
            component={Link}
            to={`/kb/articles/${a.id}`}
            className={classes.row}
            data-testid="kb-article-link"
          >
            <Anchor component="span" fw={500} className={classes.title}>
              {a.title}
            </Anchor>
            <Group gap="xs" mt={2}>
              {choice === 'all' && (
                <Badge size="xs" variant="light" color="gray">
                  {a.language}
                </Badge>
              )}
              {sectionName?.(a.sectionId) && (
                <Text size="xs" c="dimmed" className={classes.title}>
                  {sectionName(a.sectionId)}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('article.updated', { date: date(a.updatedAt) })}
              </Text>
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
