import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  Radio,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isVersionConflict, ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useKbArticle } from '@relaydesk/web-kb';
import { preloadStrings } from '../../../lazy-strings';
import { KbDiffView } from '../components/kb-diff-view';
import { useKbDiff, useKbRestore, useKbRevision, useKbRevisions } from '../hooks';

preloadStrings(['kb']);

const num = (v: string | null) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null);

/** One revision as saved: title, tags and the Markdown text. */
function RevisionView({ id, number }: { id: string; number: number }) {
  const { t } = useTranslation('kb');
  const revision = useKbRevision(id, number);
  if (revision.isLoading) return <Skeleton h={160} />;
  if (!revision.data) return <ProblemMessage error={revision.error} />;
  const r = revision.data;
  return (
    <Card withBorder data-testid="kb-revision-view">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('history.revisionTitle', { number: r.number })}: {r.title}
        </Title>
        {r.tags.length > 0 && (
          <Group gap={4}>
            {r.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray.8" tt="none">
                #{tag}
              </Badge>
            ))}
          </Group>
        )}
        <Text
          component="pre"
          size="sm"
          style={{ whiteSpace: 'pre-wrap', fontFamily: 'var(--mantine-font-family-monospace)' }}
          data-testid="kb-revision-body"
        >
          {r.body}
        </Text>
      </Stack>
    </Card>
  );
}

/**
 * An article's revisions: who saved what when, one revision's text, the changes between any
 * two, and restoring an old one (a new revision; the history only grows). The chosen
 * revisions are in the URL (?view, ?from, ?to).
 */
export default function KbHistoryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['kb', 'common']);
  const format = useFormat();
  const article = useKbArticle(id);
  const revisions = useKbRevisions(id);
  const restore = useKbRestore(id);
  const [params, setParams] = useSearchParams();
  const items = revisions.data ?? [];
  const latest = items[0]?.number ?? null;
  const from = num(params.get('from')) ?? items[1]?.number ?? null;
  const to = num(params.get('to')) ?? latest;
  const view = num(params.get('view'));
  const diff = useKbDiff(id, from, to);
  const [restoring, setRestoring] = useState<number | null>(null);
  useDocumentTitle(
    `${t('history.title', { title: article.data?.title ?? '' })} · ${t('common:appName')}`,
  );

  const set = (changes: Record<string, number | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      },
      { replace: true },
    );

  const doRestore = () => {
    const a = article.data;
    if (!a || restoring === null) return;
    restore.mutate(
      { number: restoring, version: a.version },
      {
        onSuccess: (after) => {
          notifications.show({
            color: 'green',
            message: t('history.restored', { number: restoring, newNumber: after.version }),
          });
          setRestoring(null);
          set({ from: null, to: null, view: null });
        },
        onError: (e) => {
          if (isVersionConflict(e)) void article.refetch();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/kb/articles/${id}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {article.data?.title ?? t('article.back')}
        </Group>
      </Anchor>
      <Title order={2}>{t('history.title', { title: article.data?.title ?? '' })}</Title>
      <ProblemMessage error={revisions.error ?? article.error} />
      {revisions.isLoading ? (
        <Skeleton h={200} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="kb-revisions">
            <caption>
              <VisuallyHidden>{t('history.revisions')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.number')}</Table.Th>
                <Table.Th>{t('history.what')}</Table.Th>
                <Table.Th>{t('history.who')}</Table.Th>
                <Table.Th>{t('history.when')}</Table.Th>
                <Table.Th>{t('history.from')}</Table.Th>
                <Table.Th>{t('history.to')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('actions.label')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.number} data-testid="kb-revision-row" data-number={r.number}>
                  <Table.Td>
                    {r.number}
                    {r.number === latest && (
                      <Badge ml={6} size="xs" variant="outline" color="blue.9">
                        {t('history.current')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.title}</Text>
                    {r.restoredFrom !== null && (
                      <Text size="xs" c="dimmed" data-testid="kb-restored-from">
                        {t('history.restoredFrom', { number: r.restoredFrom })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.author?.name ?? t('article.unknownAuthor')}</Table.Td>
                  <Table.Td>{format.dateTime(r.createdAt)}</Table.Td>
                  <Table.Td>
                    <Radio
                      name="kb-diff-from"
                      aria-label={`${t('history.from')} ${r.number}`}
                      checked={from === r.number}
                      onChange={() => set({ from: r.number })}
                      data-testid="kb-diff-from"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Radio
                      name="kb-diff-to"
                      aria-label={`${t('history.to')} ${r.number}`}
                      checked={to === r.number}
                      onChange={() => set({ to: r.number })}
                      data-testid="kb-diff-to"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={t('history.viewLabel', { number: r.number })}
                        onClick={() => set({ view: r.number })}
                        data-testid="kb-revision-view-button"
                      >
                        {t('history.view')}
                      </Button>
                      {r.number !== latest && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('history.restoreLabel', { number: r.number })}
                          onClick={() => setRestoring(r.number)}
                          data-testid="kb-revision-restore"
                        >
                          {t('history.restore')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: view ? 6 : 12 }}>
          {from === null || to === null || from === to ? (
            <Text c="dimmed" size="sm">
              {t('history.pickTwo')}
            </Text>
          ) : diff.data ? (
            <Card withBorder>
              <KbDiffView diff={diff.data} />
            </Card>
          ) : (
            <>
              {diff.isLoading && <Skeleton h={120} />}
              <ProblemMessage error={diff.error} />
            </>
          )}
        </Grid.Col>
        {view && (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <RevisionView id={id} number={view} />
          </Grid.Col>
        )}
      </Grid>
      <Modal
        opened={restoring !== null}
        onClose={() => setRestoring(null)}
        title={t('history.restore')}
        closeButtonProps={{ 'aria-label': t('common:close') }}
      >
        <Text mb="md">{t('history.restoreConfirm', { number: restoring ?? 0 })}</Text>
        <ProblemMessage error={restore.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRestoring(null)}>
            {t('actions.cancel')}
          </Button>
          <Button loading={restore.isPending} onClick={doRestore} data-testid="kb-restore-confirm">
            {t('history.restore')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
