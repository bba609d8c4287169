import { useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '@relaydesk/web-ui';
import type { Ticket, TransitionOption } from '../api';
import { useTransition } from '../hooks';

/**
 * On a resolved ticket the requester either accepts the solution (closes the ticket) or
 * reopens it. The buttons come from the transitions the API offers, so a colleague who may
 * read the ticket but is not its requester sees none.
 */
export function ResolutionPanel({
  ticket,
  options,
}: {
  ticket: Ticket;
  options: TransitionOption[];
}) {
  const { t } = useTranslation('tickets');
  const transition = useTransition(ticket.id);
  const errorText = useErrorText();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  // One transition per click, even on a double click (the second would be a stale version).
  const inFlight = useRef(false);
  const accept = options.find((o) => o.to === 'closed');
  const reopen = options.find((o) => o.to === 'open');
  if (ticket.status !== 'resolved' || (!accept && !reopen)) return null;

  const run = (option: TransitionOption, text?: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    transition.mutate(
      { to: option.to, version: ticket.version, ...(text ? { comment: text } : {}) },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        // A toast, not a message in this panel: after a 409 the refreshed ticket is usually no
        // longer resolved, and the panel (with anything inside it) disappears.
        onError: (error) =>
          notifications.show({ color: 'red', autoClose: 10_000, message: errorText(error) }),
        onSuccess: () => {
          setComment('');
          notifications.show({
            color: 'green',
            message: option.to === 'closed' ? t('ticket.accepted') : t('ticket.reopened'),
          });
        },
      },
    );
  };

  const onReopen = () => {
    if (!reopen) return;
    const text = comment.trim();
    if (reopen.commentRequired && !text) return setCommentError(t('ticket.reopenCommentMissing'));
    setCommentError(null);
    run(reopen, text);
  };

  const busyWith = transition.isPending ? transition.variables?.to : undefined;
  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      bg="green.0"
      aria-labelledby="resolution-title"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="resolution-title">
            {t('ticket.resolvedTitle')}
          </Title>
          <Text size="sm" mt={4}>
            {t('ticket.resolvedText')}
          </Text>
        </div>
        {reopen && (
          <Textarea
            label={
              reopen.commentRequired ? t('ticket.reopenCommentRequired') : t('ticket.reopenComment')
            }
            required={reopen.commentRequired}
            autosize
            minRows={2}
            maxRows={8}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              if (commentError) setCommentError(null);
            }}
            error={commentError}
            data-testid="portal-reopen-comment"
          />
        )}
        <Group gap="sm">
          {accept && (
            <Button
              onClick={() => run(accept)}
              loading={busyWith === accept.to}
              disabled={transition.isPending}
              data-testid="portal-accept"
            >
              {t('ticket.accept')}
            </Button>
          )}
          {reopen && (
            <Button
              variant="default"
              onClick={onReopen}
              loading={busyWith === reopen.to}
              disabled={transition.isPending}
              data-testid="portal-reopen"
            >
              {t('ticket.reopen')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
