import { useRef, useState } from 'react';
import { Button, Group, Input, Rating, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useErrorText } from '@relaydesk/web-ui';
import type { Schemas } from '@relaydesk/api-client';
import type { Ticket } from '../api';
import { useAcceptance } from '../hooks';

type Mode = 'accept' | 'reject' | null;

/** `?decision=accept|reject` from the Accept / Reject links of the "resolved" mail. */
function decisionFrom(params: URLSearchParams): Mode {
  const decision = params.get('decision');
  return decision === 'accept' || decision === 'reject' ? decision : null;
}

/**
 * On a resolved ticket its requester accepts the solution (with a rating 1–5 and an optional
 * comment; the ticket closes) or rejects it (saying what is still wrong; it goes back to work).
 * These are the workflow's requester transitions out of a resolved status, made through the
 * acceptance endpoint so that closing carries the rating; RequesterActionsPanel holds it.
 */
export function AcceptanceChoice({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticketWork');
  const acceptance = useAcceptance(ticket.id);
  const errorText = useErrorText();
  // A mailed Accept / Reject link opens its form; the answer is still sent only by a click here
  // (link scanners follow links, so a GET never decides anything).
  const [params] = useSearchParams();
  const [mode, setMode] = useState<Mode>(() => decisionFrom(params));
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // One answer per click, even on a double click (the second would carry a stale version).
  const inFlight = useRef(false);

  const send = (body: Omit<Schemas['AcceptanceDto'], 'version'>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    acceptance.mutate(
      { ...body, version: ticket.version },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        // A toast, not a message here: after a 409 the refreshed ticket is usually no longer
        // resolved, and the panel (with anything inside it) disappears.
        onError: (error) =>
          notifications.show({ color: 'red', autoClose: 10_000, message: errorText(error) }),
        onSuccess: () => {
          setMode(null);
          setComment('');
          notifications.show({
            color: 'green',
            message: body.decision === 'accept' ? t('accepted') : t('rejected'),
          });
        },
      },
    );
  };

  const submit = () => {
    const text = comment.trim();
    if (mode === 'accept') {
      if (rating < 1) return setProblem(t('ratingMissing'));
      send({ decision: 'accept', rating, ...(text ? { comment: text } : {}) });
    } else if (mode === 'reject') {
      if (!text) return setProblem(t('rejectCommentMissing'));
      send({ decision: 'reject', comment: text });
    }
  };

  const choose = (next: Mode) => {
    setMode(next);
    setProblem(null);
  };

  return (
    <>
      {mode === null && (
        <Group gap="sm">
          <Button onClick={() => choose('accept')} data-testid="portal-accept">
            {t('accept')}
          </Button>
          <Button variant="default" onClick={() => choose('reject')} data-testid="portal-reject">
            {t('reject')}
          </Button>
        </Group>
      )}
      {mode !== null && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          data-testid={`portal-${mode}-form`}
        >
          <Stack gap="sm">
            {mode === 'accept' && (
              <Input.Wrapper
                label={t('rating')}
                labelElement="div"
                id="portal-rating-label"
                required
                error={problem}
              >
                <div role="radiogroup" aria-labelledby="portal-rating-label-label">
                  <Rating
                    value={rating}
                    onChange={(v) => {
                      setRating(v);
                      setProblem(null);
                    }}
                    size="xl"
                    color="orange.8"
                    getSymbolLabel={(v) => t('ratingLabel', { count: v })}
                    data-testid="portal-rating"
                    mt={4}
                  />
                </div>
              </Input.Wrapper>
            )}
            <Textarea
              label={mode === 'accept' ? t('acceptComment') : t('rejectComment')}
              required={mode === 'reject'}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={mode === 'accept' ? 5000 : 100000}
              value={comment}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                if (mode === 'reject') setProblem(null);
              }}
              error={mode === 'reject' ? problem : null}
              data-testid="portal-acceptance-comment"
            />
            <Group gap="sm">
              <Button
                type="submit"
                loading={acceptance.isPending}
                data-testid={`portal-${mode}-confirm`}
              >
                {mode === 'accept' ? t('acceptConfirm') : t('rejectConfirm')}
              </Button>
              <Button variant="subtle" disabled={acceptance.isPending} onClick={() => choose(null)}>
                {t('cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </>
  );
}
