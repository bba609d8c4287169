/** Access by object on a client contact's form (namespace `objectAccess`, issue 18). */
export default {
  label: 'Access by object',
  hint: 'Limit this contact to some service objects of their organization: they then see only those objects, their equipment and their tickets, besides their own requests.',
  whole: 'The whole organization',
  save: 'Save access',
  saved: 'Saved.',
} as const;
