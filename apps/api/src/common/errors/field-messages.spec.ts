import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EQUIPMENT_MAX_DEPTH,
  FIELD_MESSAGES,
  IMPORT_HEADER_MESSAGES,
  messageKey,
  REGISTER_MESSAGES,
  type MessageRows,
} from '@relaydesk/contracts';

/**
 * The SPAs translate the API's English field messages by their wording, through the tables in
 * libs/shared/contracts/src/field-messages.ts. Each case names the file that says a message and
 * the sentence as a user gets it: the sentence (for one built from a template, the template's
 * text) must still be in that file, and the table must give it its translation key. Rewording a
 * message here fails this test instead of silently showing Russian and Czech users a generic text.
 */
const SRC = join(__dirname, '../..');

interface Case {
  file: string;
  message: string;
  /** The text in the file when the message is built from a template. */
  source?: string;
  key: string;
  params?: Record<string, number>;
}

const contracts = (file: string, message: string, key: string, more?: Partial<Case>): Case => ({
  file: `modules/contracts/${file}`,
  message,
  key,
  ...more,
});

const REGISTERS: Case[] = [
  contracts('contracts.service.ts', 'must not be before validFrom', 'errors.validTo'),
  contracts(
    'contracts.service.ts',
    'is already used by another contract of this organization',
    'errors.numberTaken',
  ),
  contracts(
    'contracts.service.ts',
    'allowanceSeconds and allowancePeriod go together: set both or neither',
    'errors.allowanceTogether',
  ),
  contracts(
    'equipment-items.service.ts',
    'belongs to another organization',
    'errors.otherOrganization',
  ),
  contracts('equipment-tree.ts', 'belongs to another organization', 'errors.otherOrganization'),
  contracts(
    'authorized-requesters.service.ts',
    'is not a contact of this organization',
    'errors.otherOrganization',
  ),
  contracts(
    'authorized-requesters.service.ts',
    'is not a contract of this organization',
    'errors.otherOrganization',
  ),
  contracts(
    'service-objects.service.ts',
    'is not a contact of the service object’s organization',
    'errors.otherOrganization',
  ),
  contracts(
    'object-access.service.ts',
    'is not a service object of the contact’s organization',
    'errors.otherOrganization',
  ),
  contracts('equipment-tree.ts', 'is this item or one of its components', 'errors.parentCycle'),
  contracts(
    'equipment-tree.ts',
    `would make a chain of components deeper than ${EQUIPMENT_MAX_DEPTH} levels`,
    'errors.tooDeep',
    {
      source: 'would make a chain of components deeper than ${EQUIPMENT_MAX_DEPTH} levels',
      params: { max: EQUIPMENT_MAX_DEPTH },
    },
  ),
  contracts('ticket-link-rules.ts', 'is not at the ticket’s service object', 'errors.notAtObject'),
  contracts(
    'ticket-link-rules.ts',
    'is not in force (active, begun and not ended)',
    'errors.notInForce',
  ),
  contracts('authorized-requesters.service.ts', 'is listed twice', 'errors.listedTwice'),
  contracts(
    'equipment-types.service.ts',
    'is used by another field of this type',
    'errors.keyTaken',
  ),
  contracts(
    'equipment-types.service.ts',
    'cannot change (the field is text); use a new key',
    'errors.kindFixed',
    { source: 'cannot change (the field is ${kind}); use a new key' },
  ),
];

const IMPORT_HEADER: Case[] = [
  ['is a required column missing from the header', 'header.missing'],
  ['is not a column of this register', 'header.unknown'],
  ['is not a custom field of any equipment type', 'header.unknownField'],
].map(([message, key]) => ({
  file: 'modules/register-import/register-import.service.ts',
  message,
  key,
}));

const COMMON: Case[] = [
  {
    file: 'common/reference-data/condition-lists.ts',
    message: 'no such contract: 00000000-0000-4000-8000-000000000000',
    source: 'no such ${LISTED[table]}: ${id}',
    key: 'unknownChoice',
  },
];

describe.each([
  ['registers', REGISTERS, REGISTER_MESSAGES],
  ['register import header', IMPORT_HEADER, IMPORT_HEADER_MESSAGES],
  ['app-wide field', COMMON, FIELD_MESSAGES],
] as [string, Case[], MessageRows][])('the %s messages', (_name, cases, rows) => {
  it.each(cases.map((c) => [c.message, c] as const))('%s', (_message, c) => {
    expect(readFileSync(join(SRC, c.file), 'utf8')).toContain(c.source ?? c.message);
    expect(messageKey(c.message, rows)).toEqual({ key: c.key, params: c.params ?? {} });
  });
});
