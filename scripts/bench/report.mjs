// Targets and the result table of `npm run bench`.

export const TARGETS = {
  createVsBaseline: 0.5,
  listP95Ms: 15,
  searchP95Ms: 50,
};

/** Adds target, ratio and verdict to every scenario result (in place) and returns them. */
export function judge(results) {
  const baseline = results.find((r) => r.kind === 'baseline');
  for (const r of results) {
    const correct = r.unexpected === 0 && r.errors === 0 && (r.probe?.ok ?? true);
    r.correct = correct;
    if (r.kind === 'create' && baseline) {
      r.ratioToBaseline = Math.round((r.reqPerSec / baseline.reqPerSec) * 1000) / 1000;
      r.target = `>= ${TARGETS.createVsBaseline * 100}% of baseline req/s`;
      r.pass = correct && r.ratioToBaseline >= TARGETS.createVsBaseline;
    } else if (r.kind === 'list') {
      r.target = `p95 < ${TARGETS.listP95Ms} ms`;
      r.pass = correct && r.latencyMs.p95 < TARGETS.listP95Ms;
    } else if (r.kind === 'search') {
      r.target = `p95 < ${TARGETS.searchP95Ms} ms`;
      r.pass = correct && r.latencyMs.p95 < TARGETS.searchP95Ms;
    } else {
      r.target = null;
      r.pass = correct ? null : false;
    }
  }
  return results;
}

export function formatTable(results) {
  const head = [
    'scenario',
    'conn',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'vs base',
    'errors',
    'target',
    'result',
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.connections),
    r.reqPerSec.toFixed(1),
    r.latencyMs.p50.toFixed(1),
    r.latencyMs.p95.toFixed(1),
    r.latencyMs.p99.toFixed(1),
    r.kind === 'baseline'
      ? '100%'
      : r.ratioToBaseline !== undefined
        ? `${(r.ratioToBaseline * 100).toFixed(1)}%`
        : '',
    String(r.unexpected + r.errors),
    r.target ?? '',
    r.pass === null ? (r.correct ? 'ok' : 'FAIL') : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7]);
  const line = (cells) =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for docs/performance.md. */
export function formatMarkdown(results) {
  const lines = [
    '| Scenario | Conn | req/s | p50 ms | p95 ms | p99 ms | vs baseline | Non-2xx/errors | Target | Result |',
    '|---|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.connections} | ${r.reqPerSec.toFixed(1)} | ${r.latencyMs.p50.toFixed(1)} | ${r.latencyMs.p95.toFixed(1)} | ${r.latencyMs.p99.toFixed(1)} | ${
        r.kind === 'baseline'
          ? '100%'
          : r.ratioToBaseline !== undefined
            ? `${(r.ratioToBaseline * 100).toFixed(1)}%`
            : ''
      } | ${r.unexpected + r.errors} | ${r.target ?? ''} | ${r.pass === null ? (r.correct ? 'ok' : 'FAIL') : r.pass ? 'PASS' : 'FAIL'} |`,
    );
  }
  return lines.join('\n');
}
