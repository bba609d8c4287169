import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconExternalLink,
  IconLink,
  IconLock,
  IconSearch,
  IconTextPlus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import type { KbReplySuggestion } from './kb-ticket-api';
import { useFetchKbArticle, useKbReplySuggestions } from './kb-ticket-hooks';

preloadStrings(['kbTicket']);

interface Props {
  ticketId: string;
  opened: boolean;
  /** The reply being written is an internal note: its reader is staff. */
  internal: boolean;
  onClose: () => void;
  onInsert: (text: string, message: string) => void;
}

/**
 * The composer's knowledge-base articles: what the ticket's subject and description suggest,
 * or a search. Each is marked when the ticket's requester cannot open it (the API applies THE
 * audience rule to the requester), so no link goes out that the client cannot follow; a public
 * reply lists what the requester can open first. "Insert link" puts the portal address (from
 * the server's PUBLIC_URL) into the reply, "Insert text" the article's Markdown, after a warning
 * when a public reply would carry an article not meant for the client.
 */
export function KbReplyArticles({ ticketId, opened, internal, onClose, onInsert }: Props) {
  const { t } = useTranslation(['kbTicket', 'common']);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useKbReplySuggestions(ticketId, q, opened);
  const fetchArticle = useFetchKbArticle();
  const [warning, setWarning] = useState<string | null>(null);
  const [loadingText, setLoadingText] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!opened) {
      setSearch('');
      setWarning(null);
      setError(null);
    }
  }, [opened]);

  const items = [...(list.data?.items ?? [])];
  // Stable: among equals the API's rank order stays.
  if (!internal) items.sort((a, b) => Number(b.requesterCanOpen) - Number(a.requesterCanOpen));

  const insertLink = (a: KbReplySuggestion) =>
    onInsert(`${a.title}: ${a.portalUrl}`, t('articles.linkInserted', { title: a.title }));
  const insertText = async (a: KbReplySuggestion) => {
    setLoadingText(a.id);
    setError(null);
    try {
      const article = await fetchArticle(a.id);
      onInsert(article.body ?? '', t('articles.textInserted', { title: a.title }));
    } catch (e) {
      setError(e);
    } finally {
      setLoadingText(null);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('articles.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="sm" data-testid="kb-reply-articles">
        <TextInput
          data-autofocus
          aria-label={t('articles.search')}
          placeholder={t('articles.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={list.isFetching ? <Loader size="xs" /> : null}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="kb-reply-search"
        />
        <Text size="sm" fw={600} component="h3" m={0}>
          {q ? t('articles.results') : t('articles.suggested')}
        </Text>
        <ProblemMessage error={list.error ?? error} />
        {list.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="kb-reply-none">
            {t('articles.none')}
          </Text>
        )}
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((a) => (
            <Paper
              key={a.id}
              component="li"
              withBorder
              p="xs"
              radius="sm"
              data-testid="kb-reply-article"
              data-article-id={a.id}
              data-requester-can-open={a.requesterCanOpen ? 'true' : 'false'}
            >
              <Stack gap={6}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {a.title}
                    </Text>
                    <Badge size="xs" variant="outline" color="gray.7">
                      {a.language.toUpperCase()}
                    </Badge>
                    {!a.requesterCanOpen && (
                      <Badge
                        size="xs"
                        color="yellow.4"
                        c="dark.8"
                        variant="filled"
                        leftSection={<IconLock size={10} aria-hidden />}
                        title={t('articles.internalHint')}
                        data-testid="kb-reply-internal"
                      >
                        {t('articles.internal')}
                      </Badge>
                    )}
                  </Group>
                  <ActionIcon
                    component={Link}
                    to={`/kb/articles/${a.id}`}
                    target="_blank"
                    variant="subtle"
                    color="gray"
                    aria-label={t('articles.view', { title: a.title })}
                  >
                    <IconExternalLink size={16} aria-hidden />
                  </ActionIcon>
                </Group>
                {!a.requesterCanOpen && (
                  <Text size="xs" c="dimmed" id={`kb-no-link-${a.id}`}>
                    {t('articles.noLink')}
                  </Text>
                )}
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconLink size={14} aria-hidden />}
                    disabled={!a.requesterCanOpen}
                    aria-describedby={a.requesterCanOpen ? undefined : `kb-no-link-${a.id}`}
                    onClick={() => insertLink(a)}
                    data-testid="kb-reply-insert-link"
                  >
                    {t('articles.insertLink')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconTextPlus size={14} aria-hidden />}
                    loading={loadingText === a.id}
                    onClick={() =>
                      !a.requesterCanOpen && !internal ? setWarning(a.id) : void insertText(a)
                    }
                    data-testid="kb-reply-insert-text"
                  >
                    {t('articles.insertText')}
                  </Button>
                </Group>
                {warning === a.id && (
                  <Alert color="yellow" variant="light" role="alert" data-testid="kb-reply-warning">
                    <Stack gap="xs">
                      <Text size="sm">{t('articles.publicTextWarning')}</Text>
                      <Group gap="xs">
                        <Button
                          size="compact-sm"
                          color="yellow.8"
                          onClick={() => {
                            setWarning(null);
                            void insertText(a);
                          }}
                          data-testid="kb-reply-insert-anyway"
                        >
                          {t('articles.insertAnyway')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setWarning(null)}
                        >
                          {t('publish.cancel')}
                        </Button>
                      </Group>
                    </Stack>
                  </Alert>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}
