export const CUSTOM_FIELD_KINDS = [
  'text',
  'long_text',
  'number',
  'date',
  'date_time',
  'select',
  'multi_select',
  'checkbox',
  'user',
  'organization',
] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

/** Values as the API carries them: dates `YYYY-MM-DD`, date-times ISO 8601, ids UUIDs. */
export type CustomFieldValue = string | number | boolean | string[] | null;
export type CustomFieldValues = Record<string, CustomFieldValue>;

export const TICKET_LINK_KINDS = ['duplicate_of', 'related', 'child_of'] as const;
export type TicketLinkKind = (typeof TICKET_LINK_KINDS)[number];

/** A link as seen from one ticket: `parent` means the other ticket is this one's parent. */
export const TICKET_LINK_RELATIONS = [
  'duplicate_of',
  'duplicated_by',
  'related',
  'parent',
  'child',
] as const;
export type TicketLinkRelation = (typeof TICKET_LINK_RELATIONS)[number];

export const RATING_VIAS = ['portal', 'link'] as const;
export type RatingVia = (typeof RATING_VIAS)[number];
