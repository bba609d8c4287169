/**
 * The API writes its field messages in English, for people (class-validator's and its own); the
 * SPAs say them in the user's language by recognising their wording. Every such table is here,
 * beside the one function that reads them, so the API's tests can feed its sentences through
 * them (apps/api/src/common/errors/field-messages.spec.ts): rewording a message in the API fails
 * a test instead of silently dropping Russian and Czech users back to a generic text.
 */

/**
 * Rows that recognise API field messages by their wording: pattern, translation key, and the
 * key's parameters taken from the match. First match wins.
 */
export type MessageRows<K extends string = string> = readonly [
  RegExp,
  K,
  ((m: RegExpMatchArray) => Record<string, number>)?,
][];

/** The key (and its parameters) of the first row that recognises the message. */
export function messageKey<K extends string>(
  message: string,
  rows: MessageRows<K>,
): { key: K; params: Record<string, number> } | undefined {
  for (const [pattern, key, params] of rows) {
    const m = message.match(pattern);
    if (m) return { key, params: params?.(m) ?? {} };
  }
  return undefined;
}

/** The kinds of field message both SPAs translate (`errors.field.<key>`). */
export type FieldMessageKey =
  | 'required'
  | 'tooLong'
  | 'tooShort'
  | 'email'
  | 'phone'
  | 'future'
  | 'daysAhead'
  | 'date'
  | 'number'
  | 'option'
  | 'currentPassword'
  | 'inUse'
  | 'rating'
  | 'rejectReason'
  | 'unknownChoice'
  | 'notEditable';

/**
 * The app-wide ones (libs/web/ui problem-text.ts; keys `errors.field.<key>` of the common
 * strings; English keeps the API's own sentence): those a user can meet in a form. First match
 * wins: "required" before "at least", since class-validator says an empty required text "must
 * be longer than or equal to 1 characters".
 */
export const FIELD_MESSAGES: MessageRows<FieldMessageKey> = [
  [
    /^is required$|^must be filled|should not be empty|must not be blank|longer than or equal to 1 characters/,
    'required',
  ],
  [/(?:shorter than or equal to|at most) (\d+) characters/, 'tooLong', (m) => ({ max: +m[1] })],
  [/longer than or equal to (\d+) characters/, 'tooShort', (m) => ({ min: +m[1] })],
  [/must be an email/, 'email'],
  [/E\.164/, 'phone'],
  [/in the future/, 'future'],
  [/at most (\d+) days ahead/, 'daysAhead', (m) => ({ days: +m[1] })],
  [/\bdate\b|ISO 8601/, 'date'],
  [/must be a number|must be an integer/, 'number'],
  [/one of the (?:options|following values)|not options/, 'option'],
  [/^does not match$/, 'currentPassword'],
  [/already in use/, 'inUse'],
  [/from 1 to 5/, 'rating'],
  [/say what is still wrong/, 'rejectReason'],
  [/^no (?:active |usable )?[\w ]+ with this id$|^no such |^no active /, 'unknownChoice'],
  [/cannot be set by clients|is not a field of this ticket type/, 'notEditable'],
];

/**
 * The registers' own field messages (apps/api/src/modules/contracts), keys of the agent's
 * `registers` strings, said in every language (English too: the API's sentences name fields).
 */
export const REGISTER_MESSAGES: MessageRows = [
  [/must not be before validFrom/, 'errors.validTo'],
  [/already used by another contract/, 'errors.numberTaken'],
  [/set both or neither/, 'errors.allowanceTogether'],
  [/belongs to another organization/, 'errors.otherOrganization'],
  [/is not a (?:contact|contract|service object) of (?:this|the)/, 'errors.otherOrganization'],
  [/is this item or one of its components/, 'errors.parentCycle'],
  [/deeper than (\d+) levels/, 'errors.tooDeep', (m) => ({ max: +m[1] })],
  [/is not at the ticket.s service object/, 'errors.notAtObject'],
  [/is not in force/, 'errors.notInForce'],
  [/is listed twice/, 'errors.listedTwice'],
  [/is used by another field of this type/, 'errors.keyTaken'],
  [/cannot change \(the field is/, 'errors.kindFixed'],
];

/** A register import's header checks (422 per column); keys of the agent's `registerImport`. */
export const IMPORT_HEADER_MESSAGES: MessageRows = [
  [/^is a required column missing from the header$/, 'header.missing'],
  [/^is not a column of this register$/, 'header.unknown'],
  [/^is not a custom field of any equipment type$/, 'header.unknownField'],
];
