/** Strings of the knowledge-base deflection report (namespace `kbDeflections`). */
export default {
  title: 'Knowledge-base deflection',
  hint: 'A deflection: a client opened an article suggested while writing a new request and did not send it within {{hours}} hours. A client counts at most once a day (per article in the table of articles).',
  empty: 'No suggested articles were opened in this period.',
  summary: {
    deflections: 'Deflections',
    filed: 'Sent anyway',
    pending: 'Still deciding',
    pendingHint: 'Opened less than {{hours}} hours ago',
    rate: 'Deflection rate',
    rateHint: 'Deflections among decided requests',
  },
  byPeriod: {
    title: 'By period',
    chart: 'Deflections per period',
    day: 'Day',
    week: 'Week from',
    month: 'Month from',
  },
  byArticle: {
    title: 'Top articles',
    article: 'Article',
    opens: 'Opened',
    deflections: 'Deflections',
    filed: 'Sent anyway',
    rate: 'Rate',
  },
  column: { deflections: 'Deflections', filed: 'Sent anyway', pending: 'Still deciding' },
} as const;
