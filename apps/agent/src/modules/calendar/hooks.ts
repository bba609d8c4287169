import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { LIVE_REFRESH_MS } from '../tickets/hooks';
import { calendarTickets, type CalendarQuery } from './api';

/**
 * The tickets of the shown range. Keyed under the ticket lists, so every ticket change that
 * invalidates the lists refreshes the calendar too; the previous range stays on screen while the
 * next one loads.
 */
export function useCalendarTickets(query: CalendarQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.list({ calendar: true, ...query }),
    queryFn: () => calendarTickets(api, query),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS * 6,
  });
}
