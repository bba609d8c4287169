import { Anchor, Badge, Box, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { KbHighlightText as KbHighlight, useKbSearch, useKbSections } from '@relaydesk/web-kb';
import { PageLoader, ProblemMessage } from '@relaydesk/web-ui';
import { KbBreadcrumbs } from '../components/kb-breadcrumbs';
import { KbLanguageFilter } from '../components/kb-language-filter';
import { KbSearchBox } from '../components/kb-search-box';
import { useKbLanguageFilter } from '../kb-language';
import { useKbReader } from '../kb-reader';
import { sectionTree } from '../kb-sections';
import classes from '../components/kb.module.css';

/** Ranked results of /kb/search?q=…, each with its fragments, the matches marked. */
export default function KbSearchPage() {
  const { t } = useTranslation('kb');
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const reader = useKbReader();
  const { language, choice, query } = useKbLanguageFilter();
  const search = useKbSearch({ q, language, limit: 20 }, reader);
  const sections = useKbSections(reader);
  const tree = sectionTree(sections.data);
  const items = q ? (search.data?.items ?? []) : [];

  return (
    <Stack gap="lg" data-testid="kb-search-page">
      <KbBreadcrumbs trail={[]} query={query} />
      <Title order={2}>{q ? t('search.resultsFor', { q }) : t('search.title')}</Title>
      {/* Keyed by the words: a new search from elsewhere starts the box afresh. */}
      <KbSearchBox key={q} initial={q} />
      <Group>
        <KbLanguageFilter />
      </Group>
      {!q ? (
        <Text c="dimmed">{t('search.prompt')}</Text>
      ) : search.isError ? (
        <ProblemMessage error={search.error} />
      ) : !search.data ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="kb-search-empty">
          {t('search.empty')}
        </Text>
      ) : (
        <Stack
          gap="md"
          component="ol"
          className={classes.list}
          data-testid="kb-search-results"
          data-loading={search.isPlaceholderData || undefined}
        >
          {items.map((hit) => (
            <Box component="li" key={hit.id}>
              <Anchor
                component={Link}
                to={`/kb/articles/${hit.id}`}
                fw={600}
                className={`${classes.row} ${classes.title}`}
                px={0}
                data-testid="kb-search-hit"
              >
                {hit.title}
              </Anchor>
              <Group gap="xs">
                {choice === 'all' && (
                  <Badge size="xs" variant="light" color="gray">
                    {hit.language}
                  </Badge>
                )}
                <Text size="xs" c="dimmed" className={classes.title}>
                  {tree.byId.get(hit.sectionId)?.name}
                </Text>
              </Group>
              {hit.highlight && (
                <Text size="sm" mt={4} className={classes.title} data-testid="kb-search-fragment">
                  <KbHighlight html={hit.highlight} />
                </Text>
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
