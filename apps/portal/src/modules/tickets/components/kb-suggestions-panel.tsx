import { useEffect, useRef } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBook2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useErrorText } from '@relaydesk/web-ui';
import type { Ticket } from '../api';
import { useSolveWithArticle, useTicketKbSuggestions } from '../kb-suggestions';

const FINISHED = ['resolved', 'closed', 'canceled'];

/**
 * The automatic answer on the ticket page: the knowledge-base articles offered when the ticket
 * was filed (re-checked by the API: one archived since is gone), while the ticket is open, and
 * "This solved my problem", which closes it by the workflow's requester move. The mail's link
 * names an article (`?solvedBy=`): that row is marked and scrolled to, and still waits for the
 * click (link scanners open links; a GET never closes anything).
 */
export function KbSuggestionsPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('kbAutoAnswer');
  const open = !FINISHED.includes(ticket.statusCategory);
  const query = useTicketKbSuggestions(ticket.id, open);
  const solve = useSolveWithArticle(ticket.id);
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const named = params.get('solvedBy');
  const namedRow = useRef<HTMLLIElement | null>(null);
  const inFlight = useRef(false);
  const items = query.data?.items ?? [];
  const hasNamed = items.some((i) => i.articleId === named);

  useEffect(() => {
    if (hasNamed) namedRow.current?.scrollIntoView({ block: 'center' });
  }, [hasNamed]);

  if (!open || items.length === 0) return null;
  const canClose = query.data?.canClose === true;

  const solved = (articleId: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    solve.mutate(
      { articleId, version: ticket.version },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: () => notifications.show({ color: 'green', message: t('closed') }),
        onError: (error) =>
          notifications.show({ color: 'red', autoClose: 10_000, message: errorText(error) }),
      },
    );
  };

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      aria-labelledby="kb-suggestions-title"
      data-testid="portal-kb-suggestions"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="kb-suggestions-title">
            {t('title')}
          </Title>
          <Text size="sm" mt={4}>
            {canClose ? t('text') : t('textNoClose')}
          </Text>
        </div>
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => {
            const isNamed = item.articleId === named;
            return (
              <Paper
                key={item.articleId}
                component="li"
                ref={isNamed ? namedRow : undefined}
                withBorder={isNamed}
                bg={isNamed ? 'blue.0' : undefined}
                p={isNamed ? 'xs' : 0}
                radius="sm"
                data-testid="portal-kb-suggestion"
                data-article-id={item.articleId}
              >
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Anchor
                    component={Link}
                    to={`/kb/articles/${item.articleId}`}
                    style={{ overflowWrap: 'anywhere', minHeight: 40, display: 'inline-flex' }}
                  >
                    <Group gap={6} wrap="nowrap" component="span" align="center">
                      <IconBook2 size={18} aria-hidden style={{ flexShrink: 0 }} />
                      {item.title}
                    </Group>
                  </Anchor>
                  {canClose && (
                    <Button
                      size="sm"
                      variant={isNamed ? 'filled' : 'light'}
                      loading={solve.isPending && solve.variables?.articleId === item.articleId}
                      disabled={solve.isPending}
                      onClick={() => solved(item.articleId)}
                      aria-label={t('solvedFor', { title: item.title })}
                      // A long label wraps on a phone instead of being cut off.
                      h="auto"
                      mih={40}
                      styles={{
                        label: {
                          whiteSpace: 'normal',
                          textAlign: 'center',
                          paddingBlock: 6,
                          lineHeight: 1.3,
                        },
                      }}
                      data-testid="portal-kb-solved"
                    >
                      {t('solved')}
                    </Button>
                  )}
                </Group>
                {isNamed && canClose && (
                  <Text size="sm" mt={6}>
                    {t('confirmNamed')}
                  </Text>
                )}
              </Paper>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}
