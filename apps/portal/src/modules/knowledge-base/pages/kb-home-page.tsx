import { Anchor, Box, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useKbArticles, useKbSections, type KbArticleSummary } from '@relaydesk/web-kb';
import { PageLoader, ProblemMessage } from '@relaydesk/web-ui';
import { KbArticleList } from '../components/kb-article-list';
import { KbLanguageFilter } from '../components/kb-language-filter';
import { KbSearchBox } from '../components/kb-search-box';
import { useKbLanguageFilter } from '../kb-language';
import { useKbReader } from '../kb-reader';
import { sectionTree } from '../kb-sections';
import classes from '../components/kb.module.css';

const LIST_SIZE = 5;

function ArticleBlock({
  id,
  title,
  query,
  sectionName,
}: {
  id: 'popular' | 'recent';
  title: string;
  query: ReturnType<typeof useKbArticles>;
  sectionName: (sectionId: string) => string | undefined;
}) {
  const { t } = useTranslation('kb');
  const items: KbArticleSummary[] = query.data?.items ?? [];
  return (
    <Box component="section" aria-labelledby={`kb-${id}`}>
      <Title order={3} size="h4" id={`kb-${id}`} mb="xs">
        {title}
      </Title>
      {query.isError ? (
        <ProblemMessage error={query.error} />
      ) : !query.data ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('home.noArticles')}
        </Text>
      ) : (
        <KbArticleList articles={items} testId={`kb-${id}`} sectionName={sectionName} />
      )}
    </Box>
  );
}

/** The KB home: search, the sections with their subsections, popular and recent articles. */
export default function KbHomePage() {
  const { t } = useTranslation('kb');
  const reader = useKbReader();
  const { language, query } = useKbLanguageFilter();
  const sections = useKbSections(reader);
  const base = { language, status: 'published' as const, limit: LIST_SIZE };
  const popular = useKbArticles({ ...base, sort: 'popular' }, reader);
  const recent = useKbArticles({ ...base, sort: 'recent' }, reader);
  const tree = sectionTree(sections.data);
  const suffix = query ? `?${query}` : '';
  const sectionName = (id: string) => tree.byId.get(id)?.name;

  return (
    <Stack gap="lg" data-testid="kb-home">
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <KbSearchBox />
      <Group>
        <KbLanguageFilter />
      </Group>
      <Box component="section" aria-labelledby="kb-sections">
        <Title order={3} size="h4" id="kb-sections" mb="xs">
          {t('home.sections')}
        </Title>
        {sections.isError ? (
          <ProblemMessage error={sections.error} />
        ) : !sections.data ? (
          <PageLoader />
        ) : tree.roots.length === 0 ? (
          <Text c="dimmed">{t('home.noSections')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="kb-sections">
            {tree.roots.map((s) => (
              <Paper key={s.id} withBorder radius="md" p="sm">
                <Anchor
                  component={Link}
                  to={`/kb/sections/${s.id}${suffix}`}
                  fw={600}
                  className={classes.row}
                  data-testid="kb-section-link"
                >
                  {s.name}
                </Anchor>
                {s.description && (
                  <Text size="sm" c="dimmed" px="sm" className={classes.title}>
                    {s.description}
                  </Text>
                )}
                {tree.children(s.id).length > 0 && (
                  <Stack gap={0} component="ul" className={classes.list} mt={4}>
                    {tree.children(s.id).map((c) => (
                      <li key={c.id}>
                        <Anchor
                          component={Link}
                          to={`/kb/sections/${c.id}${suffix}`}
                          size="sm"
                          className={classes.row}
                          data-testid="kb-section-link"
                        >
                          {c.name}
                        </Anchor>
                      </li>
                    ))}
                  </Stack>
                )}
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Box>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ArticleBlock
            id="popular"
            title={t('home.popular')}
            query={popular}
            sectionName={sectionName}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ArticleBlock
            id="recent"
            title={t('home.recent')}
            query={recent}
            sectionName={sectionName}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
