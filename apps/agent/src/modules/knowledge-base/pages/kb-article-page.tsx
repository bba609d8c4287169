import {
  Anchor,
  Badge,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  Menu,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { KB_LANGUAGES } from '@relaydesk/contracts';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useKbArticle, useKbSections } from '@relaydesk/web-kb';
import { preloadStrings } from '../../../lazy-strings';
import type { KbArticle } from '../api';
import { KbArticleActions } from '../components/kb-article-actions';
import { KbArticleBody } from '../components/kb-article-body';
import { KbStatusBadge } from '../components/kb-status-badge';
import { KbAttachmentsPanel } from '../kb-attachments-panel';
import { KbRatingsPanel } from '../kb-admin-ratings-panel';
import { useKbPermissions, useKbRelatedTickets } from '../hooks';

preloadStrings(['kb']);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Translations({ article, canAdd }: { article: KbArticle; canAdd: boolean }) {
  const { t } = useTranslation('kb');
  const missing = KB_LANGUAGES.filter(
    (l) => l !== article.language && !article.translations.some((x) => x.language === l),
  );
  return (
    <Stack gap={4} data-testid="kb-translations">
      {article.translations.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('article.noTranslations')}
        </Text>
      )}
      {article.translations.map((x) => (
        <Anchor key={x.id} component={Link} to={`/kb/articles/${x.id}`} size="sm" lang={x.language}>
          {t(`language.${x.language}`)}: {x.title}
        </Anchor>
      ))}
      {canAdd && missing.length > 0 && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button
              variant="light"
              size="compact-sm"
              style={{ alignSelf: 'flex-start' }}
              data-testid="kb-add-translation"
            >
              {t('article.addTranslation')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {missing.map((l) => (
              <Menu.Item
                key={l}
                component={Link}
                to={`/kb/articles/new?translationOf=${article.id}&language=${l}&section=${article.sectionId}`}
              >
                {t('article.addTranslationTo', { language: t(`language.${l}`) })}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Stack>
  );
}

function RelatedTickets({ id }: { id: string }) {
  const { t } = useTranslation('kb');
  const tickets = useKbRelatedTickets(id, true);
  if (tickets.isLoading) return <Skeleton h={20} />;
  const items = tickets.data ?? [];
  return (
    <Stack gap={4} data-testid="kb-related-tickets">
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('article.noRelatedTickets')}
        </Text>
      )}
      {items.map((x) => (
        <Anchor key={x.id} component={Link} to={`/tickets/${x.number}`} size="sm">
          #{x.number} {x.subject}
        </Anchor>
      ))}
    </Stack>
  );
}

/** One article for staff: the text as readers see it, its facts and what may be done with it. */
export default function KbArticlePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['kb', 'common']);
  const format = useFormat();
  const may = useKbPermissions();
  const query = useKbArticle(id);
  const sections = useKbSections();
  const a = query.data;
  useDocumentTitle(`${a?.title ?? t('title')} · ${t('common:appName')}`);

  const back = (
    <Anchor component={Link} to="/kb" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('article.back')}
      </Group>
    </Anchor>
  );
  if (query.isLoading) return <Skeleton h={300} />;
  if (!a) {
    return (
      <Stack>
        {back}
        {(query.error as { status?: number } | null)?.status === 404 ? (
          <Text data-testid="kb-not-found">{t('article.notFound')}</Text>
        ) : (
          <ProblemMessage error={query.error} />
        )}
      </Stack>
    );
  }
  const section = sections.data?.find((s) => s.id === a.sectionId);

  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="kb-article-title" lang={a.language}>
            {a.title}
          </Title>
          <Group gap="xs">
            <KbStatusBadge status={a.status} />
            <Badge variant="outline" color="gray.8">
              {t(`language.${a.language}`)}
            </Badge>
            {a.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray.8" tt="none" data-testid="kb-tag">
                #{tag}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Group>
      <KbArticleActions article={a} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding="lg" lang={a.language}>
            <KbArticleBody html={a.bodyHtml} testId="kb-article-body" />
          </Card>
          <KbAttachmentsPanel articleId={a.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={3} size="h5">
                {t('article.details')}
              </Title>
              {section && <Fact label={t('article.section')}>{section.name}</Fact>}
              <Fact label={t('article.author')}>
                {a.author?.name ?? t('article.unknownAuthor')}
              </Fact>
              <Fact label={t('article.lastReview')}>
                <span data-testid="kb-last-review">
                  {a.reviewedAt
                    ? t('article.reviewedBy', {
                        date: format.dateTime(a.reviewedAt),
                        name: a.reviewedBy?.name ?? t('article.unknownAuthor'),
                      })
                    : t('article.neverReviewed')}
                </span>
              </Fact>
              <Group gap="lg">
                <Fact label={t('article.views')}>{format.number(a.viewCount)}</Fact>
                <Fact label={t('article.helpful')}>
                  <span data-testid="kb-helpful">{format.number(a.helpfulCount)}</span>
                </Fact>
                <Fact label={t('article.notHelpful')}>{format.number(a.notHelpfulCount)}</Fact>
              </Group>
              <Text size="xs" c="dimmed">
                {t('updated', { date: format.dateTime(a.updatedAt) })}
              </Text>
              <Divider />
              <Title order={3} size="h5">
                {t('article.translations')}
              </Title>
              <Translations article={a} canAdd={may.edit} />
              {may.edit && (
                <>
                  <Divider />
                  <Title order={3} size="h5">
                    {t('article.relatedTickets')}
                  </Title>
                  <RelatedTickets id={a.id} />
                </>
              )}
            </Stack>
          </Card>
          <KbRatingsPanel articleId={a.id} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
