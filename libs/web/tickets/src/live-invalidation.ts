import { useCallback, useEffect, useRef } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { LiveEvent } from '@relaydesk/web-auth';
import { ticketQueryKeys as keys } from './query-keys';

/** What a `ticket` event of the live stream says. */
export interface TicketLiveData {
  ticketId: string;
  number: number;
  name: string;
  at: string;
}

/** Events of one change (a transition with a comment) come together: one refetch for them all. */
const COALESCE_MS = 150;

/**
 * Turns the live stream's ticket events into React Query invalidations: that ticket's page
 * (detail, conversation, history, files, links, transitions), every ticket list (queues,
 * Recent, search pickers) and the queue counts. `reset` (too much was missed) refreshes
 * everything about tickets. Only queries on screen refetch; the rest are marked stale.
 */
export function useTicketLiveInvalidation(): (event: LiveEvent) => void {
  const client = useQueryClient();
  const pending = useRef<{ tickets: Map<string, number>; all: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const flush = useCallback(() => {
    timer.current = null;
    const work = pending.current;
    pending.current = null;
    if (!work) return;
    const stale: QueryKey[] = work.all
      ? [keys.tickets.all]
      : [
          ['tickets', 'list'],
          ['tickets', 'search'],
          keys.tickets.counts,
          ...[...work.tickets].flatMap(([id, number]) => [
            keys.tickets.detail(number),
            keys.tickets.comments(id),
            keys.tickets.history(id),
            keys.tickets.attachments(id),
            keys.tickets.links(id),
            keys.tickets.transitions(id),
          ]),
        ];
    for (const queryKey of stale) void client.invalidateQueries({ queryKey });
  }, [client]);

  return useCallback(
    (event: LiveEvent) => {
      if (event.type !== 'ticket' && event.type !== 'reset') return;
      const work = (pending.current ??= { tickets: new Map(), all: false });
      if (event.type === 'reset') work.all = true;
      else {
        const data = event.data as TicketLiveData;
        work.tickets.set(data.ticketId, data.number);
      }
      timer.current ??= setTimeout(flush, COALESCE_MS);
    },
    [flush],
  );
}
