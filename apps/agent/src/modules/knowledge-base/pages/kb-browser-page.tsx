import {
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { KB_ARTICLE_STATUSES, KB_LANGUAGES } from '@relaydesk/contracts';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useKbArticlePages, useKbSearch, useKbSections } from '@relaydesk/web-kb';
import { preloadStrings } from '../../../lazy-strings';
import type { KbArticleSummary, KbLanguage, KbSearchHit, KbStatus } from '../api';
import { KbBrowserTree } from '../components/kb-browser-tree';
import { KbHighlight } from '../components/kb-highlight';
import { KbSearchBox } from '../components/kb-search-box';
import { KbStatusBadge } from '../components/kb-status-badge';
import { useKbPermissions } from '../hooks';

preloadStrings(['kb']);

const PAGE = 25;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  list.includes(v as T) ? (v as T) : undefined;

function ArticleRow({
  a,
  sectionName,
}: {
  a: KbArticleSummary | KbSearchHit;
  sectionName?: string;
}) {
  const { t } = useTranslation('kb');
  const format = useFormat();
  return (
    <Card withBorder padding="sm" component="li" data-testid="kb-article-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/kb/articles/${a.id}`} fw={600}>
            {a.title}
          </Anchor>
          {'highlight' in a && a.highlight && <KbHighlight html={a.highlight} />}
          <Text size="xs" c="dimmed">
            {[
              sectionName,
              t(`language.${a.language}`),
              t('updated', { date: format.date(a.updatedAt) }),
            ]
              .filter(Boolean)
              .join(' · ')}
            {a.tags.length > 0 && ` · #${a.tags.join(' #')}`}
          </Text>
        </Stack>
        <KbStatusBadge status={a.status} />
      </Group>
    </Card>
  );
}

/**
 * Staff's knowledge base: sections on the left, the chosen section's articles (newest first,
 * page by page) or the search results on the right. The URL holds the state, so a search or a
 * section can be linked and Back works.
 */
export default function KbBrowserPage() {
  const { t } = useTranslation(['kb', 'common']);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const [params, setParams] = useSearchParams();
  const section = params.get('section');
  const q = params.get('q')?.trim() ?? '';
  const language = oneOf<KbLanguage>(KB_LANGUAGES, params.get('language'));
  const status = oneOf<KbStatus>(KB_ARTICLE_STATUSES, params.get('status'));
  const may = useKbPermissions();
  const sections = useKbSections();
  const sectionName = (id: string) => sections.data?.find((s) => s.id === id)?.name;

  const set = (key: string, value: string | null | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key === 'q' ? false : true },
    );

  const pages = useKbArticlePages(
    { sectionId: section ?? undefined, language, status, limit: PAGE },
    'signed-in',
    { enabled: !q },
  );
  const search = useKbSearch({ q, language, limit: 50 });
  // The search has no status or section parameter; staff see every article anyway, so these
  // narrow the ranked page here.
  const hits = (search.data?.items ?? []).filter(
    (h) => (!status || h.status === status) && (!section || h.sectionId === section),
  );
  const articles = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        {may.edit && (
          <Button
            component={Link}
            to={section ? `/kb/articles/new?section=${section}` : '/kb/articles/new'}
            data-testid="kb-new-article"
          >
            {t('newArticle')}
          </Button>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <KbBrowserTree selected={section} onSelect={(id) => set('section', id)} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <div style={{ flex: '1 1 260px' }}>
                <KbSearchBox q={q} onSearch={(v) => set('q', v)} />
              </div>
              <Select
                label={t('language.label')}
                placeholder={t('allLanguages')}
                clearable
                w={170}
                data={KB_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                value={language ?? null}
                onChange={(v) => set('language', v)}
                data-testid="kb-filter-language"
              />
              <Select
                label={t('status.label')}
                placeholder={t('allStatuses')}
                clearable
                w={170}
                data={KB_ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                value={status ?? null}
                onChange={(v) => set('status', v)}
                data-testid="kb-filter-status"
              />
            </Group>
            <ProblemMessage error={q ? search.error : pages.error} />
            {q ? (
              <>
                <Group gap="xs">
                  <Text size="sm" aria-live="polite" data-testid="kb-search-count">
                    {search.isFetching && !search.data
                      ? ''
                      : t('searchResults', { count: hits.length })}
                  </Text>
                  {search.isFetching && <Loader size="xs" />}
                  <Button variant="subtle" size="compact-sm" onClick={() => set('q', null)}>
                    {t('clearSearch')}
                  </Button>
                </Group>
                <Stack
                  gap="xs"
                  component="ul"
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  data-testid="kb-results"
                >
                  {hits.map((h) => (
                    <ArticleRow key={h.id} a={h} sectionName={sectionName(h.sectionId)} />
                  ))}
                </Stack>
                {search.data && hits.length === 0 && <Text c="dimmed">{t('nothingFound')}</Text>}
              </>
            ) : (
              <>
                <Stack
                  gap="xs"
                  component="ul"
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  data-testid="kb-articles"
                >
                  {articles.map((a) => (
                    <ArticleRow
                      key={a.id}
                      a={a}
                      sectionName={section ? undefined : sectionName(a.sectionId)}
                    />
                  ))}
                </Stack>
                {pages.isLoading && <Loader size="sm" />}
                {pages.data && articles.length === 0 && <Text c="dimmed">{t('noArticles')}</Text>}
                {pages.hasNextPage && (
                  <Button
                    variant="default"
                    onClick={() => void pages.fetchNextPage()}
                    loading={pages.isFetchingNextPage}
                    data-testid="kb-load-more"
                  >
                    {t('loadMore')}
                  </Button>
                )}
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
