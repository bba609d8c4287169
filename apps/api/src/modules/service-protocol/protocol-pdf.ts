import PDFDocument from 'pdfkit';
import type { ProtocolFacts } from './protocol-facts.js';
import { findProtocolFonts } from './protocol-fonts.js';
import { formatProtocolDate, PROTOCOL_LABELS } from './protocol-labels.js';

const MARGIN = 50;

/** Renders the protocol into one buffer (a few pages at most, so no streaming is needed). */
export function renderProtocolPdf(facts: ProtocolFacts): Promise<Buffer> {
  const l = PROTOCOL_LABELS[facts.lang];
  const date = (v: string | null, withTime = false): string =>
    v ? formatProtocolDate(v, facts.lang, withTime) : l.none;
  const fonts = findProtocolFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
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

  doc.font('bold').fontSize(18).text(l.title);
  doc
    .font('body')
    .fontSize(10)
    .text(
      `${l.ticket} #${facts.ticket.number} · ${l.created}: ${date(facts.ticket.createdAt, true)} · ${l.printed}: ${date(facts.printedAt.toISOString(), true)}`,
    );

  heading(l.provider);
  line(l.organization, facts.provider.name);
  line('URL', facts.provider.url);

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

  // The work log's entries and totals go here once its module is in main (issue 18, helper H).
  heading(l.work);
  doc.font('body').fontSize(10).text(l.workPending);

  heading(l.signatures);
  const y = doc.y + 30;
  const width = (doc.page.width - 2 * MARGIN - 40) / 2;
  for (const [i, label] of [l.providerSignature, l.customerSignature].entries()) {
    const x = MARGIN + i * (width + 40);
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .stroke();
    doc
      .font('body')
      .fontSize(9)
      .text(label, x, y + 4, { width });
    doc.text(l.nameAndDate, x, y + 16, { width });
  }
  doc.end();
  return done;
}
