import { STATUS_CATEGORIES, type StatusCategory } from '@relaydesk/contracts';

export const BOX_W = 150;
export const BOX_H = 46;
const GAP_X = 70;
const GAP_Y = 44;
const PAD = 24;
const HEADER = 28;

export interface Point {
  x: number;
  y: number;
}

export interface DiagramStatus {
  key: string;
  label: string;
  category: StatusCategory;
  isInitial: boolean;
  isFinal: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** Set for automatic transitions: the text on the dashed arrow. */
  auto?: string;
}

export interface PlacedBox extends DiagramStatus, Point {}

export interface PlacedEdge extends DiagramEdge {
  /** SVG path from box edge to box edge. */
  d: string;
  /** Where the label sits (the middle of the curve). */
  labelAt: Point;
}

export interface DiagramLayout {
  /** The SVG viewBox: curves may reach above the first row. */
  viewBox: { x: number; y: number; width: number; height: number };
  columns: { category: StatusCategory; x: number }[];
  boxes: PlacedBox[];
  edges: PlacedEdge[];
}

/** Where the line from `center` towards `towards` leaves the box around `center`. */
function boxExit(center: Point, towards: Point, margin: number): Point {
  const dx = towards.x - center.x;
  const dy = towards.y - center.y;
  if (dx === 0 && dy === 0) return center;
  const tx = dx === 0 ? Infinity : (BOX_W / 2 + margin) / Math.abs(dx);
  const ty = dy === 0 ? Infinity : (BOX_H / 2 + margin) / Math.abs(dy);
  const t = Math.min(tx, ty);
  return { x: center.x + dx * t, y: center.y + dy * t };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** How many of `boxes` the curve a–c–b (quadratic, c the control point) passes through. */
function crossings(a: Point, c: Point, b: Point, boxes: Point[]): number {
  let hits = 0;
  for (const o of boxes) {
    for (let i = 2; i < 48; i++) {
      const t = i / 50;
      const x = (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * c.x + t * t * b.x;
      const y = (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * c.y + t * t * b.y;
      if (Math.abs(x - o.x) < BOX_W / 2 + 4 && Math.abs(y - o.y) < BOX_H / 2 + 4) {
        hits++;
        break;
      }
    }
  }
  return hits;
}

/**
 * Statuses in columns by category (new → canceled, empty categories left out), top to bottom in
 * the order given; transitions as straight arrows, curved apart when the reverse arrow exists
 * or when they would cross a box in the same column; automatic ones curved further out.
 */
export function layoutDiagram(statuses: DiagramStatus[], edges: DiagramEdge[]): DiagramLayout {
  const used = STATUS_CATEGORIES.filter((c) => statuses.some((s) => s.category === c));
  const columns = used.map((category, i) => ({
    category,
    x: PAD + i * (BOX_W + GAP_X),
  }));
  const rowsOf = new Map<StatusCategory, number>();
  const boxes: PlacedBox[] = statuses.map((s) => {
    const row = rowsOf.get(s.category) ?? 0;
    rowsOf.set(s.category, row + 1);
    const col = used.indexOf(s.category);
    return {
      ...s,
      x: PAD + col * (BOX_W + GAP_X) + BOX_W / 2,
      y: PAD + HEADER + row * (BOX_H + GAP_Y) + BOX_H / 2,
    };
  });
  const byKey = new Map(boxes.map((b) => [b.key, b]));
  const manual = new Set(edges.filter((e) => !e.auto).map((e) => `${e.from}>${e.to}`));

  const placed: PlacedEdge[] = [];
  for (const e of edges) {
    const a = byKey.get(e.from);
    const b = byKey.get(e.to);
    if (!a || !b) continue;
    if (a === b) {
      // A loop over the top of the box.
      const x = a.x;
      const y = a.y - BOX_H / 2;
      placed.push({
        ...e,
        d: `M ${x - 20} ${y} C ${x - 30} ${y - 40}, ${x + 30} ${y - 40}, ${x + 20} ${y - 4}`,
        labelAt: { x, y: y - 34 },
      });
      continue;
    }
    const reverse = manual.has(`${e.to}>${e.from}`);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    // The normal turns with the direction, so a→b and b→a bend to opposite sides.
    const nx = -dy / len;
    const ny = dx / len;
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const control = (bend: number) => ({ x: mid.x + nx * bend * 2, y: mid.y + ny * bend * 2 });
    // Automatic arrows bend further out than manual ones; a pair of opposite arrows bends
    // apart. Beyond that, the least bend (either side) that misses the other boxes wins.
    const least = e.auto ? 46 : reverse ? 18 : 0;
    const candidates = [least, least + 30, least + 60, least + 100, least + 150].flatMap((n) =>
      n === 0 || least > 0 ? [n] : [n, -n],
    );
    const others = boxes.filter((o) => o !== a && o !== b);
    let bend = candidates[0];
    let fewest = Infinity;
    for (const n of candidates) {
      const hits = crossings(a, control(n), b, others);
      if (hits < fewest) {
        fewest = hits;
        bend = n;
      }
      if (hits === 0) break;
    }
    const c = control(bend);
    const start = boxExit(a, bend ? c : b, 2);
    const end = boxExit(b, bend ? c : a, 6);
    const d = bend
      ? `M ${round(start.x)} ${round(start.y)} Q ${round(c.x)} ${round(c.y)} ${round(end.x)} ${round(end.y)}`
      : `M ${round(start.x)} ${round(start.y)} L ${round(end.x)} ${round(end.y)}`;
    const labelAt = bend
      ? {
          x: round(0.25 * start.x + 0.5 * c.x + 0.25 * end.x),
          y: round(0.25 * start.y + 0.5 * c.y + 0.25 * end.y),
        }
      : { x: round((start.x + end.x) / 2), y: round((start.y + end.y) / 2) };
    placed.push({ ...e, d, labelAt });
  }

  const rows = Math.max(1, ...[...rowsOf.values()]);
  const width = Math.max(PAD * 2 + used.length * BOX_W + Math.max(0, used.length - 1) * GAP_X, 200);
  const height = PAD * 2 + HEADER + rows * BOX_H + (rows - 1) * GAP_Y;
  const ys = placed.map((e) => e.labelAt.y);
  const xs = placed.map((e) => e.labelAt.x);
  const top = Math.min(0, ...ys.map((y) => y - 16));
  const left = Math.min(0, ...xs.map((x) => x - 70));
  const bottom = Math.max(height, ...ys.map((y) => y + 16));
  const right = Math.max(width, ...xs.map((x) => x + 70));
  return {
    viewBox: { x: left, y: top, width: right - left, height: bottom - top },
    columns,
    boxes,
    edges: placed,
  };
}
