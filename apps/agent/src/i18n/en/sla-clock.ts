/**
 * Strings of the SLA clocks the ticket list and the ticket page show (loaded with them); the
 * administration of calendars and policies has its own, loaded on demand.
 */
export default {
  duration: {
    lessThanMinute: '< 1 min',
    d: '{{d}} d',
    dh: '{{d}} d {{h}} h',
    h: '{{h}} h',
    hm: '{{h}} h {{m}} min',
    m: '{{m}} min',
  },
  left: '{{time}} left',
  overdueBy: 'Overdue by {{time}}',
  paused: 'Paused',
  pausedLeft: 'Paused, {{time}} left',
  urgency: { overdue: 'Overdue', soon: 'Due soon', ok: 'On time' },
  source: { sla: 'SLA deadline', manual: 'Due date' },
  card: {
    heading: 'SLA',
    policy: 'Policy: {{name}}',
    noPolicy: 'No SLA policy applies to this ticket.',
    firstResponse: 'First response',
    resolution: 'Resolution',
    due: 'Due {{time}}',
    notMeasured: 'Not measured',
    met: 'Met',
    metAt: 'Met {{time}}',
    breached: 'Breached',
    breachedAt: 'Breached {{time}}',
    pausedSince: 'Clocks paused since {{time}}',
  },
} as const;
