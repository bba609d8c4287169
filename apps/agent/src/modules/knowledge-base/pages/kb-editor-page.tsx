import { useCallback, useRef, useState } from 'react';
import {
  Anchor,
  Button,
  Grid,
  Group,
  Select,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ApiError } from '@relaydesk/api-client';
import { KB_LANGUAGES } from '@relaydesk/contracts';
import { isVersionConflict, ProblemMessage, useFieldErrors } from '@relaydesk/web-ui';
import { useKbArticle, useKbSections } from '@relaydesk/web-kb';
import { preloadStrings } from '../../../lazy-strings';
import type { KbArticle, KbLanguage } from '../api';
import { KbConflictNotice, type KbMine } from '../components/kb-conflict-notice';
import { KbLeaveGuard } from '../components/kb-leave-guard';
import { KbMarkdownToolbar, useKbMarkdownShortcuts } from '../components/kb-markdown-toolbar';
import { KbPreviewPane } from '../components/kb-preview-pane';
import { KbAttachmentsUpload } from '../kb-attachments-upload';
import { useKbBodyField } from '../kb-body-field';
import { sectionTree } from '../kb-section-tree';
import { useCreateKbArticle, useUpdateKbArticle } from '../hooks';

preloadStrings(['kb']);

interface Fields {
  title: string;
  sectionId: string | null;
  language: KbLanguage;
  tags: string[];
  body: string;
}

const fieldsOf = (a: KbArticle): Fields => ({
  title: a.title,
  sectionId: a.sectionId,
  language: a.language,
  tags: a.tags,
  body: a.body ?? '',
});

const same = (a: Fields, b: Fields) =>
  a.title === b.title &&
  a.sectionId === b.sectionId &&
  a.language === b.language &&
  a.body === b.body &&
  a.tags.join('\n') === b.tags.join('\n');

/**
 * The form of a new article or an edit. An edit carries the version it started from, so a
 * save over someone else's newer one is a 409 (KbConflictNotice), never a silent overwrite.
 */
function KbArticleForm({
  existing,
  initial,
  translationOf,
}: {
  existing: KbArticle | null;
  initial: Fields;
  translationOf: KbArticle | null;
}) {
  const { t } = useTranslation(['kb', 'common']);
  const navigate = useNavigate();
  const sections = useKbSections();
  const articleQuery = useKbArticle(existing?.id);
  const create = useCreateKbArticle();
  const update = useUpdateKbArticle(existing?.id ?? '');
  const fieldErrorsOf = useFieldErrors();
  const [saved, setSaved] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [sectionId, setSectionId] = useState(initial.sectionId);
  const [language, setLanguage] = useState(initial.language);
  const [tags, setTags] = useState(initial.tags);
  const body = useKbBodyField(initial.body);
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [mine, setMine] = useState<KbMine | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const shortcuts = useKbMarkdownShortcuts(body, (k) => t(`editor.placeholders.${k}`));

  const fields: Fields = { title, sectionId, language, tags, body: body.value };
  const dirty = !same(fields, saved);
  const leaving = useRef(false);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const isDirty = useCallback(() => dirtyRef.current && !leaving.current, []);

  const mutation = existing ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const conflict = isVersionConflict(mutation.error);

  const load = (a: KbArticle) => {
    const f = fieldsOf(a);
    setTitle(f.title);
    setSectionId(f.sectionId);
    setLanguage(f.language);
    setTags(f.tags);
    body.setValue(f.body);
    setSaved(f);
    setVersion(a.version);
  };

  const save = () => {
    if (!sectionId) return;
    const done = (a: KbArticle) => {
      leaving.current = true;
      notifications.show({ color: 'green', message: t('editor.saved') });
      void navigate(`/kb/articles/${a.id}`, { replace: !existing });
    };
    if (existing) {
      update.mutate(
        { version, title, body: body.value, tags, sectionId },
        {
          onSuccess: done,
          onError: (e) => {
            if (isVersionConflict(e)) {
              const current = (e as ApiError).problem.currentVersion as number;
              setMine({ title, body: body.value, yours: version, current });
              setReloaded(false);
            }
          },
        },
      );
    } else {
      create.mutate(
        {
          title,
          body: body.value,
          tags,
          sectionId,
          language,
          ...(translationOf ? { translationOf: translationOf.id } : {}),
        },
        { onSuccess: done },
      );
    }
  };

  const reload = async () => {
    const fresh = await articleQuery.refetch();
    if (fresh.data) {
      load(fresh.data);
      setReloaded(true);
      update.reset();
    }
  };

  const sectionOptions = sectionTree(sections.data ?? []).map(({ section, depth }) => ({
    value: section.id,
    label: `${'\u2003'.repeat(depth)}${section.name}`,
  }));
  const heading = existing
    ? t('editor.editTitle')
    : translationOf
      ? t('editor.translationTitle', { title: translationOf.title })
      : t('editor.newTitle');
  useDocumentTitle(`${heading} · ${t('common:appName')}`);

  return (
    <Stack gap="md">
      <KbLeaveGuard dirty={isDirty} />
      <Group justify="space-between">
        <Title order={2}>{heading}</Title>
        {dirty && (
          <Text size="sm" fw={600} data-testid="kb-unsaved">
            {t('editor.unsaved')}
          </Text>
        )}
      </Group>
      {mine && (
        <KbConflictNotice
          mine={mine}
          reloaded={reloaded}
          reloading={articleQuery.isFetching}
          onReload={() => void reload()}
        />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('editor.fields.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            maxLength={300}
            data-testid="kb-editor-title"
          />
          <Group grow align="flex-start">
            <Select
              label={t('editor.fields.section')}
              required
              data={sectionOptions}
              value={sectionId}
              onChange={setSectionId}
              error={errors.sectionId}
              searchable
              nothingFoundMessage={t('editor.noSections')}
              data-testid="kb-editor-section"
            />
            <Select
              label={t('editor.fields.language')}
              required
              disabled={!!existing}
              data={KB_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              value={language}
              onChange={(v) => v && setLanguage(v as KbLanguage)}
              allowDeselect={false}
              data-testid="kb-editor-language"
            />
          </Group>
          <TagsInput
            label={t('editor.fields.tags')}
            description={t('editor.fields.tagsHint')}
            value={tags}
            onChange={setTags}
            maxTags={20}
            splitChars={[',', ' ']}
            error={errors.tags}
            data-testid="kb-editor-tags"
          />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="xs">
                <KbMarkdownToolbar body={body} />
                <KbAttachmentsUpload articleId={existing?.id} body={body} />
                <Textarea
                  ref={body.ref}
                  label={t('editor.fields.body')}
                  value={body.value}
                  onChange={(e) => body.setValue(e.currentTarget.value)}
                  onKeyDown={shortcuts}
                  error={errors.body}
                  autosize
                  minRows={16}
                  maxRows={40}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  data-testid="kb-editor-body"
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <KbPreviewPane body={body.value} language={language} />
            </Grid.Col>
          </Grid>
          {!conflict && <ProblemMessage error={mutation.error} />}
          <Group justify="flex-end">
            <Button
              variant="default"
              component={Link}
              to={existing ? `/kb/articles/${existing.id}` : '/kb'}
            >
              {t('editor.cancel')}
            </Button>
            <Button
              type="submit"
              loading={mutation.isPending}
              disabled={!sectionId || !title.trim() || (!!existing && !dirty)}
              data-testid="kb-editor-save"
            >
              {existing ? t('editor.save') : t('editor.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** /kb/articles/new (?section, ?translationOf, ?language) and /kb/articles/:id/edit. */
export default function KbEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation('kb');
  const existing = useKbArticle(id);
  const translationOfId = id ? undefined : (params.get('translationOf') ?? undefined);
  const original = useKbArticle(translationOfId);
  if (existing.isLoading || original.isLoading) return <Skeleton h={400} />;
  if (id && !existing.data) {
    return (
      <Stack>
        <Anchor component={Link} to="/kb" size="sm">
          {t('article.back')}
        </Anchor>
        {(existing.error as ApiError | null)?.status === 404 ? (
          <Text data-testid="kb-not-found">{t('article.notFound')}</Text>
        ) : (
          <ProblemMessage error={existing.error} />
        )}
      </Stack>
    );
  }
  const language = params.get('language');
  const initial: Fields = existing.data
    ? fieldsOf(existing.data)
    : {
        title: '',
        sectionId: params.get('section') ?? original.data?.sectionId ?? null,
        language:
          [language, i18n.resolvedLanguage].find((l): l is KbLanguage =>
            KB_LANGUAGES.includes(l as KbLanguage),
          ) ?? 'en',
        tags: original.data?.tags ?? [],
        body: '',
      };
  return (
    <KbArticleForm
      key={id ?? `new-${translationOfId ?? ''}`}
      existing={existing.data ?? null}
      initial={initial}
      translationOf={original.data ?? null}
    />
  );
}
