import { Anchor, Badge, Group, Stack, Text, Title, Typography } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '@relaydesk/api-client';
import { useKbArticle, useKbBodyHtml, useKbSections } from '@relaydesk/web-kb';
import { PageLoader, ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { KbAttachmentsList } from '../components/kb-attachments-list';
import { KbBreadcrumbs } from '../components/kb-breadcrumbs';
import { KbNotFound } from '../components/kb-not-found';
import { KbVote } from '../components/kb-vote';
import { BackToRequestLink } from '../../tickets/suggestions/back-to-request-link';
import { useKbReader } from '../kb-reader';
import { sectionTree } from '../kb-sections';
import classes from '../components/kb.module.css';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ru: 'Русский', cs: 'Čeština' };

/**
 * One article as readers see it: the body the server rendered and sanitized, tags, the date,
 * its translations and the helpful vote; nothing of what only staff see (author, reviewer,
 * views). The route /kb/articles/:id is linked from elsewhere (suggestions on the new-ticket
 * form add query parameters of their own), so the page never rewrites its URL.
 */
export default function KbArticlePage() {
  const { t } = useTranslation('kb');
  const id = useParams().id ?? '';
  const reader = useKbReader();
  const { date } = useFormat();
  const article = useKbArticle(id, reader);
  // Article images of signed-in readers come with the session's token (useKbBodyHtml).
  const body = useKbBodyHtml(article.data?.bodyHtml ?? '');
  const sections = useKbSections(reader);
  const tree = sectionTree(sections.data);

  if (article.error instanceof ApiError && [400, 404].includes(article.error.status)) {
    return <KbNotFound title={t('article.notFoundTitle')} />;
  }
  if (article.isError) return <ProblemMessage error={article.error} />;
  const a = article.data;
  if (!a) return <PageLoader />;

  return (
    <Stack gap="lg" data-testid="kb-article" data-article-id={a.id}>
      <BackToRequestLink />
      <KbBreadcrumbs trail={tree.trail(a.sectionId)} query="" />
      <div>
        <Title order={2} className={classes.title} lang={a.language}>
          {a.title}
        </Title>
        <Group gap="xs" mt="xs">
          <Badge variant="light" color="gray">
            {LANGUAGE_NAMES[a.language] ?? a.language}
          </Badge>
          <Text size="sm" c="dimmed" data-testid="kb-article-updated">
            {t('article.updated', { date: date(a.updatedAt) })}
          </Text>
        </Group>
        {a.tags.length > 0 && (
          <Group gap={6} mt="xs" aria-label={t('article.tags')} data-testid="kb-article-tags">
            {a.tags.map((tag) => (
              <Badge key={tag} variant="outline" size="sm" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
      </div>
      <Typography>
        {/* bodyHtml is rendered from Markdown and sanitized by the server (allowlist). */}
        <div
          className={classes.body}
          lang={a.language}
          data-testid="kb-article-body"
          ref={body.ref}
          dangerouslySetInnerHTML={{ __html: body.html }}
        />
      </Typography>
      <KbAttachmentsList articleId={a.id} />
      {a.translations.length > 0 && (
        <Group gap="xs" data-testid="kb-article-translations">
          <Text size="sm">{t('article.translations')}</Text>
          {a.translations.map((tr) => (
            <Anchor
              key={tr.id}
              component={Link}
              to={`/kb/articles/${tr.id}`}
              size="sm"
              lang={tr.language}
              className={classes.row}
              style={{ minHeight: 40 }}
            >
              {LANGUAGE_NAMES[tr.language] ?? tr.language}: {tr.title}
            </Anchor>
          ))}
        </Group>
      )}
      <KbVote article={a} signedIn={reader === 'signed-in'} />
    </Stack>
  );
}
