import { Anchor, Badge, Group, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KbHighlightText as KbHighlight, useKbSuggestions } from '@relaydesk/web-kb';
import { useRecordSuggestionOpen } from './hooks';
import classes from './new-ticket-suggestions.module.css';

/** Fewer letters than this say nothing yet: no request. */
export const SUGGEST_MIN_CHARS = 4;
const DEBOUNCE_MS = 300;
const LIMIT = 5;
/** The API's limit on the text; the subject and the start of the description say enough. */
const TEXT_MAX = 2000;

/** Where an opened suggestion leads: the portal's article page, told where the reader came from. */
export const suggestedArticleHref = (id: string) => `/kb/articles/${id}?from=new-ticket`;

/**
 * Articles that may answer what the client is typing, under or beside the new-ticket form. The
 * text is sent 300 ms after the typing stops; while the next answer loads the last list stays
 * (no flicker), and an answer for older text never replaces the newer one (each text has its
 * own query). Following a link records the open under the form's suggestion session, then the
 * article opens in the same tab; the form's draft is kept by the page.
 */
export function NewTicketSuggestions({
  subject,
  description,
  sessionId,
  onOpen,
}: {
  subject: string;
  description: string;
  sessionId: string;
  /** Called before the article opens: the page saves its draft. */
  onOpen: () => void;
}) {
  const { t } = useTranslation('kbSuggestions');
  const typed = `${subject.trim()}\n${description.trim()}`.trim().slice(0, TEXT_MAX);
  const [text] = useDebouncedValue(typed, DEBOUNCE_MS);
  const enabled = text.replace(/\s+/g, '').length >= SUGGEST_MIN_CHARS;
  const suggestions = useKbSuggestions({ text, limit: LIMIT }, { enabled });
  const record = useRecordSuggestionOpen();
  const items = enabled ? (suggestions.data?.items ?? []) : [];

  // Nothing to say until there is something to match: no empty box beside the form.
  if (!enabled || (items.length === 0 && !suggestions.isFetching)) return null;

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-labelledby="new-ticket-suggestions-title"
      data-testid="new-ticket-suggestions"
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text id="new-ticket-suggestions-title" fw={600} size="sm">
          {t('title')}
        </Text>
        {suggestions.isFetching && <Loader size="xs" role="status" aria-label={t('loading')} />}
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {t('intro')}
      </Text>
      {items.length > 0 && (
        <Stack gap={0} component="ul" className={classes.list} mt="xs">
          {items.map((a) => (
            <li key={a.id}>
              <UnstyledButton
                component={Link}
                to={suggestedArticleHref(a.id)}
                className={classes.row}
                data-testid="new-ticket-suggestion"
                data-article-id={a.id}
                onClick={() => {
                  onOpen();
                  record.mutate({ sessionId, articleId: a.id });
                }}
              >
                <Anchor component="span" fw={500} size="sm" className={classes.title}>
                  {a.title}
                </Anchor>
                {a.highlight && (
                  <Text size="xs" c="dimmed" lineClamp={2} className={classes.fragment}>
                    <KbHighlight html={a.highlight} />
                  </Text>
                )}
                <Badge size="xs" variant="light" color="gray" mt={4}>
                  {a.language}
                </Badge>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
