import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import type { StoppedWorkTimer } from '../api';
import { useStartTimer, useStopTimer, useWorkTimer } from '../hooks';
import { clock } from '../work-format';

/** Seconds since the server's start, ticking locally; the server's elapsed time anchors it. */
function useElapsed(elapsedSeconds: number | undefined, fetchedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (elapsedSeconds === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [elapsedSeconds]);
  return (elapsedSeconds ?? 0) + Math.max(0, (now - fetchedAt) / 1000);
}

/**
 * The agent's one timer, kept by the API (it survives a reload): start it on this ticket, or stop
 * it here, which hands the measured span to the entry form.
 */
export function WorkTimerButton({
  ticketId,
  onStopped,
}: {
  ticketId: string;
  onStopped: (span: StoppedWorkTimer) => void;
}) {
  const { t } = useTranslation('workLog');
  const timer = useWorkTimer();
  const start = useStartTimer();
  const stop = useStopTimer();
  const running = timer.data?.running ?? null;
  const elapsed = useElapsed(running?.elapsedSeconds, timer.dataUpdatedAt);
  const error = start.error ?? stop.error;

  if (running && running.ticketId !== ticketId) {
    return (
      <Text size="sm" c="dimmed" data-testid="work-timer-elsewhere">
        {t('timer.elsewhere', { number: running.ticketNumber })}{' '}
        <Anchor component={Link} to={`/tickets/${running.ticketNumber}`}>
          {t('timer.open')}
        </Anchor>
      </Text>
    );
  }
  return (
    <Group gap="xs">
      {running ? (
        <>
          <Text
            size="sm"
            ff="monospace"
            aria-label={t('timer.running')}
            data-testid="work-timer-clock"
          >
            {clock(elapsed)}
          </Text>
          <Button
            size="xs"
            color="red"
            loading={stop.isPending}
            onClick={() => stop.mutate(undefined, { onSuccess: onStopped })}
            data-testid="work-timer-stop"
          >
            {t('timer.stop')}
          </Button>
        </>
      ) : (
        <Button
          size="xs"
          variant="light"
          loading={start.isPending || timer.isLoading}
          onClick={() => start.mutate(ticketId)}
          data-testid="work-timer-start"
        >
          {t('timer.start')}
        </Button>
      )}
      {error ? <ProblemMessage error={error} /> : null}
    </Group>
  );
}
