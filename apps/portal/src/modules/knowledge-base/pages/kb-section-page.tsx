import { Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useKbArticlePages, useKbSections } from '@relaydesk/web-kb';
import { PageLoader, ProblemMessage } from '@relaydesk/web-ui';
import { KbArticleList } from '../components/kb-article-list';
import { KbBreadcrumbs } from '../components/kb-breadcrumbs';
import { KbLanguageFilter } from '../components/kb-language-filter';
import { KbNotFound } from '../components/kb-not-found';
import { KbSearchBox } from '../components/kb-search-box';
import { useKbLanguageFilter } from '../kb-language';
import { useKbReader } from '../kb-reader';
import { sectionTree } from '../kb-sections';
import classes from '../components/kb.module.css';

/** A section: where it sits, its subsections and its articles (page after page). */
export default function KbSectionPage() {
  const { t } = useTranslation('kb');
  const id = useParams().id ?? '';
  const reader = useKbReader();
  const { language, query } = useKbLanguageFilter();
  const sections = useKbSections(reader);
  const tree = sectionTree(sections.data);
  const section = tree.byId.get(id);
  const articles = useKbArticlePages(
    { sectionId: id, language, status: 'published', limit: 20 },
    reader,
    { enabled: !!section },
  );
  const suffix = query ? `?${query}` : '';

  if (sections.isError) return <ProblemMessage error={sections.error} />;
  if (!sections.data) return <PageLoader />;
  if (!section) return <KbNotFound title={t('section.notFoundTitle')} />;
  const subsections = tree.children(id);
  const items = articles.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg" data-testid="kb-section">
      <KbBreadcrumbs trail={tree.trail(id).slice(0, -1)} query={query} />
      <div>
        <Title order={2} className={classes.title}>
          {section.name}
        </Title>
        {section.description && (
          <Text c="dimmed" className={classes.title}>
            {section.description}
          </Text>
        )}
      </div>
      <KbSearchBox />
      <Group>
        <KbLanguageFilter />
      </Group>
      {subsections.length > 0 && (
        <Box component="section" aria-labelledby="kb-subsections">
          <Title order={3} size="h4" id="kb-subsections" mb="xs">
            {t('section.subsections')}
          </Title>
          <Stack gap={0} component="ul" className={classes.list}>
            {subsections.map((c) => (
              <li key={c.id}>
                <Anchor
                  component={Link}
                  to={`/kb/sections/${c.id}${suffix}`}
                  className={classes.row}
                  data-testid="kb-section-link"
                >
                  {c.name}
                </Anchor>
              </li>
            ))}
          </Stack>
        </Box>
      )}
      <Box component="section" aria-labelledby="kb-section-articles">
        <Title order={3} size="h4" id="kb-section-articles" mb="xs">
          {t('section.articles')}
        </Title>
        {articles.isError ? (
          <ProblemMessage error={articles.error} />
        ) : !articles.data ? (
          <PageLoader />
        ) : items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('section.empty')}
          </Text>
        ) : (
          <KbArticleList articles={items} testId="kb-section-articles" />
        )}
        {articles.hasNextPage && (
          <Button
            variant="default"
            size="md"
            mt="sm"
            loading={articles.isFetchingNextPage}
            onClick={() => void articles.fetchNextPage()}
          >
            {t('section.more')}
          </Button>
        )}
      </Box>
    </Stack>
  );
}
