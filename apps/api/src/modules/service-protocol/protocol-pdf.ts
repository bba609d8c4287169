import PDFDocument from 'pdfkit';
import type { ProtocolFacts, ProtocolWorkLine } from './protocol-facts.js';
import { findProtocolFonts } from './protocol-fonts.js';
import {
  formatProtocolDate,
  formatProtocolNumber,
  formatProtocolZone,
  PROTOCOL_LABELS,
  type ProtocolLabels,
} from './protocol-labels.js';

const MARGIN = 50;
const CELL_PAD = 3;
const TABLE_FONT = 8.5;
/** A description longer than this is cut in the table, so one row always fits on a page. */
const CELL_TEXT_MAX = 600;

type Doc = InstanceType<typeof PDFDocument>;

interface Column {
  width: number;
  align: 'left' | 'right';
}

/** Date | Work | Qty | Unit | Price | Amount: 495 pt, A4 between the margins. */
const COLUMNS: Column[] = [
  { width: 58, align: 'left' },
  { width: 207, align: 'left' },
  { width: 50, align: 'right' },
  { width: 40, align: 'left' },
  { width: 65, align: 'right' },
  { width: 75, align: 'right' },
];

/** A totals line: its label under Date and Work, its value across the four number columns. */
const TOTAL_COLUMNS: Column[] = [
  { width: 265, align: 'right' },
  { width: 230, align: 'right' },
];

/** Date | Work | Qty | Unit: the client's copy, without prices and sums. */
const CLIENT_COLUMNS: Column[] = [
  { width: 58, align: 'left' },
  { width: 337, align: 'left' },
  { width: 50, align: 'right' },
  { width: 50, align: 'left' },
];

/** Lines of an entry's text the table keeps (with CELL_TEXT_MAX, a row always fits a page). */
const CELL_LINES_MAX = 12;

/** An entry's text cut to fit one row: at most CELL_LINES_MAX lines and CELL_TEXT_MAX characters. */
function clip(text: string): string {
  const lines = text.split(/\r?\n/);
  let kept =
    lines.length > CELL_LINES_MAX
      ? `${lines.slice(0, CELL_LINES_MAX - 1).join('\n')}\n${lines.slice(CELL_LINES_MAX - 1).join(' ')}`
      : text;
  if (kept.length > CELL_TEXT_MAX) kept = `${kept.slice(0, CELL_TEXT_MAX - 1)}…`;
  return kept;
}

/**
 * Draws one row at the current y, or first moves to a new page (with the header again) when the
 * row would not fit: a row is never split across pages.
 */
function tableRow(
  doc: Doc,
  cells: string[],
  opts: { bold?: boolean; shade?: boolean; onNewPage?: () => void; columns?: Column[] },
): void {
  const columns = opts.columns ?? COLUMNS;
  doc.font(opts.bold ? 'bold' : 'body').fontSize(TABLE_FONT);
  const heights = cells.map((text, i) =>
    doc.heightOfString(text || ' ', { width: columns[i].width - 2 * CELL_PAD }),
  );
  const height = Math.max(...heights) + 2 * CELL_PAD;
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + height > bottom && opts.onNewPage) {
    doc.addPage();
    opts.onNewPage();
    doc.font(opts.bold ? 'bold' : 'body').fontSize(TABLE_FONT);
  }
  const y = doc.y;
  if (opts.shade) {
    doc.save().rect(MARGIN, y, 495, height).fill('#eeeeee').restore();
  }
  let x = MARGIN;
  cells.forEach((text, i) => {
    doc.fillColor('black').text(text, x + CELL_PAD, y + CELL_PAD, {
      width: columns[i].width - 2 * CELL_PAD,
      align: columns[i].align,
      lineBreak: true,
    });
    x += columns[i].width;
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + 495, y + height)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.x = MARGIN;
  doc.y = y + height;
}

/** The billed work: a table whose header repeats on every page it spans, then the totals. */
function workTable(doc: Doc, facts: ProtocolFacts, l: ProtocolLabels): void {
  const num = (v: number, money = false) => formatProtocolNumber(v, facts.lang, money);
  const columns = facts.prices ? COLUMNS : CLIENT_COLUMNS;
  const header = [l.date, l.activity, l.quantity, l.unit, l.price, l.amount].slice(
    0,
    columns.length,
  );
  const drawHeader = (continued = false) => {
    if (continued) {
      doc.font('bold').fontSize(10).text(`${l.work} (${l.continued})`, MARGIN, doc.y);
      doc.moveDown(0.3);
    }
    tableRow(doc, header, { bold: true, shade: true, columns });
  };
  if (facts.work.length === 0) {
    doc.font('body').fontSize(10).text(l.noWork);
    return;
  }
  // The header never ends a page alone: it moves on with the first row.
  const firstRowRoom = 60;
  if (doc.y + firstRowRoom > doc.page.height - doc.page.margins.bottom) doc.addPage();
  drawHeader();
  for (const line of facts.work) {
    tableRow(doc, workCells(line, facts, l, num).slice(0, columns.length), {
      columns,
      onNewPage: () => drawHeader(true),
    });
  }
  const money = (v: number) =>
    facts.currency ? `${num(v, true)} ${facts.currency}` : num(v, true);
  const hours = (seconds: number) => `${num(Math.round((seconds / 3600) * 100) / 100)} ${l.hours}`;
  const totals: [string, string][] = [[l.billedTime, hours(facts.totals.billedSeconds)]];
  if (facts.totals.warrantySeconds > 0) {
    totals.push([l.warrantyTime, hours(facts.totals.warrantySeconds)]);
  }
  if (facts.prices) totals.push([l.total, money(facts.totals.amount)]);
  for (const [label, value] of totals) {
    tableRow(doc, [label, value], {
      bold: label === l.total,
      columns: TOTAL_COLUMNS,
      onNewPage: () => drawHeader(true),
    });
  }
}

function workCells(
  line: ProtocolWorkLine,
  facts: ProtocolFacts,
  l: ProtocolLabels,
  num: (v: number, money?: boolean) => string,
): string[] {
  // Cut before the warranty mark is added: a free line always says why it is free.
  const what = clip([line.activity, line.description.trim()].filter(Boolean).join(' — '));
  const work = line.kind === 'warranty' ? `${what}\n${l.warrantyNoCharge}` : what;
  return [
    formatProtocolDate(line.date, facts.lang),
    work || l.none,
    num(line.quantity),
    line.unit ?? l.hours,
    line.price === null ? l.none : num(line.price, true),
    num(line.amount, true),
  ];
}

/** "Service protocol · Ticket #1042 · 2 / 3" at the foot of every page, once all are laid out. */
function footers(doc: Doc, text: string, pageLabel: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Inside the bottom margin: lift it while writing, or pdfkit would open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#444444')
      .text(
        `${text} · ${pageLabel} ${i - start + 1} / ${count}`,
        MARGIN,
        doc.page.height - bottom + 15,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      )
      .fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

/** Renders the protocol into one buffer (a few pages at most, so no streaming is needed). */
export function renderProtocolPdf(facts: ProtocolFacts): Promise<Buffer> {
  const l = PROTOCOL_LABELS[facts.lang];
  const date = (v: string | null, withTime = false): string =>
    v ? formatProtocolDate(v, facts.lang, { withTime, timeZone: facts.timeZone }) : l.none;
  const fonts = findProtocolFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${l.title} #${facts.ticket.number}`, Producer: 'Relaydesk' },
    lang: facts.lang,
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string): void => {
    doc.moveDown(0.8).font('bold').fontSize(12).text(text);
    doc.moveDown(0.2);
  };
  const line = (label: string, value: string | null | undefined): void => {
    doc
      .font('bold')
      .fontSize(10)
      .text(`${label}: `, { continued: true })
      .font('body')
      .text(value && value.trim() ? value : l.none);
  };
  /** A provider's detail: printed only when the installation has it. */
  const detail = (label: string, value: string): void => {
    if (value.trim()) line(label, value);
  };

  doc.font('bold').fontSize(18).text(l.title);
  doc
    .font('body')
    .fontSize(10)
    .text(
      `${l.ticket} #${facts.ticket.number} · ${l.created}: ${date(facts.ticket.createdAt, true)} · ${l.printed}: ${date(facts.printedAt.toISOString(), true)}`,
    );
  doc
    .fontSize(8)
    .fillColor('#444444')
    .text(`${l.timeZone} ${formatProtocolZone(facts.timeZone, facts.lang, facts.printedAt)}`)
    .fillColor('black');

  const p = facts.provider;
  heading(l.provider);
  line(l.organization, p.name);
  detail(l.legalName, p.legalName);
  detail(l.address, p.address);
  detail(l.taxId, p.taxId);
  detail(l.registrationId, p.registrationId);
  detail(l.phone, p.phone);
  detail(l.email, p.email);
  line('URL', p.url);

  heading(l.customer);
  line(l.organization, facts.organization);
  line(l.contact, facts.contact);

  heading(l.serviceObject);
  line(l.serviceObject, facts.serviceObject?.name);
  line(l.address, facts.serviceObject?.address);

  heading(l.equipment);
  line(l.equipment, facts.equipment?.name);
  line(l.serialNumber, facts.equipment?.serialNumber);
  line(l.inventoryNumber, facts.equipment?.inventoryNumber);
  line(
    l.warrantyUntil,
    facts.equipment?.warrantyUntil ? date(facts.equipment.warrantyUntil) : null,
  );
  line(l.warrantyWork, facts.ticket.warranty ? l.yes : l.none);

  heading(l.contract);
  line(l.contract, facts.contract ? `${facts.contract.number} ${facts.contract.title}` : null);
  line(
    l.validity,
    facts.contract ? `${date(facts.contract.from)} – ${date(facts.contract.to)}` : null,
  );

  heading(l.request);
  line(l.subject, facts.ticket.subject);
  doc.font('bold').fontSize(10).text(`${l.description}:`);
  doc
    .font('body')
    .fontSize(10)
    .text(facts.ticket.description || l.none);

  heading(l.resolution);
  if (facts.resolution.length === 0) doc.font('body').fontSize(10).text(l.noResolution);
  for (const reply of facts.resolution) {
    doc
      .font('bold')
      .fontSize(9)
      .text(`${date(reply.at, true)} · ${reply.author ?? l.none}`);
    doc.font('body').fontSize(10).text(reply.body);
    doc.moveDown(0.3);
  }

  heading(l.work);
  workTable(doc, facts, l);

  // The signatures stay together: a new page when fewer than 110 pt are left.
  if (doc.y + 110 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  heading(l.signatures);
  const y = doc.y + 30;
  const width = (doc.page.width - 2 * MARGIN - 40) / 2;
  for (const [i, label] of [l.providerSignature, l.customerSignature].entries()) {
    const x = MARGIN + i * (width + 40);
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(1)
      .strokeColor('black')
      .stroke();
    doc
      .font('body')
      .fontSize(9)
      .text(label, x, y + 4, { width });
    doc.text(l.nameAndDate, x, y + 16, { width });
  }
  footers(doc, `${l.title} · ${l.ticket} #${facts.ticket.number}`, l.page);
  doc.end();
  return done;
}
