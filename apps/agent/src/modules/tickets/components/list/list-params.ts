import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  BY_SUBJECT_STATES,
  type BySubjectState,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type TicketChannel,
  type TicketPriority,
} from '@relaydesk/contracts';
import type { ListTicketsQuery } from '../../api';

export type TicketView = NonNullable<ListTicketsQuery['view']>;
export type SortField = 'updatedAt' | 'createdAt' | 'number';
export type SortDirection = 'asc' | 'desc';

export const VIEWS: readonly TicketView[] = [
  'all',
  'unassigned',
  'undistributed',
  'mine',
  'created_by_me',
  'open',
  'closed',
  'needs_reply',
  'overdue',
  'recent',
  'by_user',
  'by_department',
];

/** URL parameters that narrow the list; "clear filters" removes exactly these. */
export const FILTER_KEYS = [
  'status',
  'priority',
  'channel',
  'typeId',
  'organizationId',
  'assigneeId',
  'groupId',
  'requesterId',
  'categoryId',
  'projectId',
  'q',
  'createdFrom',
  'createdTo',
  'dueFrom',
  'dueTo',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Everything the list shows, read from the URL so that a link reproduces it. */
export interface ListState {
  view: TicketView;
  userId: string | null;
  departmentId: string | null;
  /** "For user" / "For department": open (the default), closed or all tickets. */
  subjectState: BySubjectState;
  status: string[];
  priority: string[];
  /** Channels the tickets came by (e-mail, API, …). */
  channel: string[];
  typeId: string | null;
  organizationId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  requesterId: string | null;
  /** A category of either level; the API includes the children of a parent. */
  categoryId: string | null;
  projectId: string | null;
  q: string;
  createdFrom: string | null;
  createdTo: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  sort: { field: SortField; direction: SortDirection };
  /** Whether `sort` came from the URL or is the view's default. */
  sortExplicit: boolean;
  /** Page size; only from a link (`limit`), otherwise the API's default. */
  limit: number | null;
}

/** The API's own default order for each view (see GET /api/v1/tickets). */
export function defaultSort(view: TicketView): ListState['sort'] {
  return view === 'recent'
    ? { field: 'createdAt', direction: 'desc' }
    : { field: 'updatedAt', direction: 'desc' };
}

function parseLimit(v: string | null): number | null {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 1 && n <= 200 ? n : null;
}

const SORT_RE = /^(updatedAt|createdAt|number):(asc|desc)$/;
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

export function parseListState(params: URLSearchParams): ListState {
  const rawView = params.get('view') as TicketView | null;
  const view = rawView && VIEWS.includes(rawView) ? rawView : 'all';
  const sortMatch = SORT_RE.exec(params.get('sort') ?? '');
  return {
    view,
    userId: params.get('userId'),
    departmentId: params.get('departmentId'),
    subjectState: parseSubjectState(params.get('state')),
    status: list(params.get('status')),
    priority: list(params.get('priority')),
    channel: list(params.get('channel')),
    typeId: params.get('typeId'),
    organizationId: params.get('organizationId'),
    assigneeId: params.get('assigneeId'),
    groupId: params.get('groupId'),
    requesterId: params.get('requesterId'),
    categoryId: params.get('categoryId'),
    projectId: params.get('projectId'),
    q: params.get('q') ?? '',
    createdFrom: params.get('createdFrom'),
    createdTo: params.get('createdTo'),
    dueFrom: params.get('dueFrom'),
    dueTo: params.get('dueTo'),
    sort: sortMatch
      ? { field: sortMatch[1] as SortField, direction: sortMatch[2] as SortDirection }
      : defaultSort(view),
    sortExplicit: !!sortMatch,
    limit: parseLimit(params.get('limit')),
  };
}

function parseSubjectState(v: string | null): BySubjectState {
  return (BY_SUBJECT_STATES as readonly string[]).includes(v ?? '')
    ? (v as BySubjectState)
    : 'open';
}

export function activeFilterCount(state: ListState): number {
  return FILTER_KEYS.filter((k) => {
    const v = state[k];
    return Array.isArray(v) ? v.length > 0 : !!v;
  }).length;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The URL keeps dates as calendar days (readable, shareable); the API wants instants.
 * A day means the user's local day: "from" is its start, "to" the start of the next day
 * (the API treats the upper bound as exclusive). Full date-times pass through unchanged.
 */
export function dayToInstant(value: string | null, edge: 'start' | 'end'): string | undefined {
  if (!value) return undefined;
  if (!DAY_RE.test(value)) return Number.isNaN(Date.parse(value)) ? undefined : value;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, edge === 'start' ? d : d + 1).toISOString();
}

/** Whether the view still needs a user or department picked before it can list anything. */
export function missingSubject(state: ListState): 'user' | 'department' | null {
  if (state.view === 'by_user' && !state.userId) return 'user';
  if (state.view === 'by_department' && !state.departmentId) return 'department';
  return null;
}

/** The GET /api/v1/tickets query for a state (the hook adds the cursor). */
export function toApiQuery(state: ListState): Omit<ListTicketsQuery, 'cursor'> {
  const query: Omit<ListTicketsQuery, 'cursor'> = { view: state.view };
  if (state.view === 'by_user' && state.userId) query.userId = state.userId;
  if (state.view === 'by_department' && state.departmentId) query.departmentId = state.departmentId;
  const bySubject = state.view === 'by_user' || state.view === 'by_department';
  if (bySubject && state.subjectState !== 'open') query.state = state.subjectState;
  if (state.status.length) query.status = state.status;
  // The address bar may hold anything: only known priorities reach the API.
  const priority = state.priority.filter((p): p is TicketPriority =>
    (TICKET_PRIORITIES as readonly string[]).includes(p),
  );
  if (priority.length) query.priority = priority;
  const channel = state.channel.filter((c): c is TicketChannel =>
    (TICKET_CHANNELS as readonly string[]).includes(c),
  );
  if (channel.length) query.channel = channel;
  if (state.typeId) query.typeId = state.typeId;
  if (state.organizationId) query.organizationId = state.organizationId;
  if (state.assigneeId) query.assigneeId = state.assigneeId;
  if (state.groupId) query.groupId = state.groupId;
  if (state.requesterId) query.requesterId = state.requesterId;
  if (state.categoryId) query.categoryId = state.categoryId;
  if (state.projectId) query.projectId = state.projectId;
  if (state.q.trim()) query.q = state.q.trim();
  const createdFrom = dayToInstant(state.createdFrom, 'start');
  const createdTo = dayToInstant(state.createdTo, 'end');
  const dueFrom = dayToInstant(state.dueFrom, 'start');
  const dueTo = dayToInstant(state.dueTo, 'end');
  if (createdFrom) query.createdFrom = createdFrom;
  if (createdTo) query.createdTo = createdTo;
  if (dueFrom) query.dueFrom = dueFrom;
  if (dueTo) query.dueTo = dueTo;
  if (state.sortExplicit) query.sort = `${state.sort.field}:${state.sort.direction}`;
  if (state.limit) query.limit = state.limit;
  return query;
}

export type ParamPatch = Record<string, string | string[] | null | undefined>;

/** The list state from the URL and a setter that replaces the URL (no history entry per click). */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params), [params]);

  const update = useCallback(
    (patch: ParamPatch) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            const text = Array.isArray(value) ? value.join(',') : (value ?? '');
            if (text) next.set(key, text);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clearFilters = useCallback(
    () => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, null]))),
    [update],
  );

  return { state, update, clearFilters };
}
