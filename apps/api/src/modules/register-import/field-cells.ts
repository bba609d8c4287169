import type { FieldDefinition } from '../custom-fields/index.js';

/** A file column `field.<key>` holds the value of the custom field `<key>` of the row's type. */
export const FIELD_COLUMN = 'field.';
/** The column names a header may use for custom fields (the field keys' own pattern). */
export const FIELD_COLUMN_PATTERN = /^field\.[a-z][a-z0-9_]{0,49}$/;
/** Options of a multi-select cell: `a|b|c` (the separators of the file are taken by CSV). */
export const MULTI_SEPARATOR = '|';

const YES = new Set(['true', '1', 'yes', 'y', 'ano', 'да']);
const NO = new Set(['false', '0', 'no', 'n', 'ne', 'нет']);

/**
 * A cell's text as the API's JSON would carry the value, for `validateCustomFields` to check
 * exactly as on create and update: numbers with `.` or `,`, dates also as DD.MM.YYYY (Excel in
 * the Russian and Czech locales), check boxes as true/false, yes/no, 1/0 (also ano/ne, да/нет),
 * multi-select options separated by `|`. Text that does not convert is passed on as it is, so
 * the validator's own message says what is wrong.
 */
export function fieldValue(field: FieldDefinition, text: string): unknown {
  switch (field.kind) {
    case 'number': {
      const normal = text.replace(/\s/g, '').replace(',', '.');
      return /^[-+]?\d+(\.\d+)?$/.test(normal) ? Number(normal) : text;
    }
    case 'date': {
      const local = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
      return local ? `${local[3]}-${local[2].padStart(2, '0')}-${local[1].padStart(2, '0')}` : text;
    }
    case 'checkbox': {
      const lower = text.toLowerCase();
      return YES.has(lower) ? true : NO.has(lower) ? false : text;
    }
    case 'multi_select':
      return text
        .split(MULTI_SEPARATOR)
        .map((v) => v.trim())
        .filter(Boolean);
    default:
      return text;
  }
}
