import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ParsedRow } from './register-specs.js';

const BOM = '\uFEFF';
/** How much of the file the header must fit in. */
const HEADER_WINDOW = 64 * 1024;

/**
 * The separator of a file from its header line: Excel in the Russian and Czech locales writes `;`,
 * elsewhere `,`. The header holds only our column names, so counting outside quotes is enough.
 */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The first line of a stream (BOM removed), reading no more than the header window. */
export async function readHeaderLine(stream: Readable): Promise<string | null> {
  let text = '';
  try {
    for await (const chunk of stream) {
      text += (chunk as Buffer).toString('utf8');
      const end = text.search(/\r?\n/);
      if (end >= 0) return stripBom(text.slice(0, end));
      if (text.length > HEADER_WINDOW) return null;
    }
  } finally {
    stream.destroy();
  }
  return text ? stripBom(text) : null;
}

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The header's column names as the parser will read them (trimmed, lower case). */
export function headerColumns(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((h) => h.replace(/^"|"$/g, '').trim().toLowerCase());
}

/**
 * Rows of a CSV stream in batches, parsed as they arrive: memory holds one batch, never the file.
 * Cells are trimmed; a leading `'` that an export put before a formula character is taken off
 * again, so an exported file re-imports to the same values.
 */
export async function* csvBatches(
  stream: Readable,
  delimiter: string,
  batchSize: number,
): AsyncGenerator<ParsedRow[]> {
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  let batch: ParsedRow[] = [];
  let row = 1;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
      row++;
      const cells: Record<string, string> = {};
      for (const [k, v] of Object.entries(record)) cells[k] = unneutralize(v ?? '');
      batch.push({ row, cells });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  } finally {
    stream.destroy();
  }
  if (batch.length > 0) yield batch;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** What an export writes for a cell a spreadsheet would run as a formula. */
export function neutralize(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function unneutralize(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
