/** Strings of the custom-field form (namespace `customFields`), loaded with the form. */
export default {
  requiredNote: 'Fields marked * depend on the ticket type and must be filled.',
  required: 'Fill in this field',
  yes: 'Yes',
  no: 'No',
  choose: 'Choose…',
  clear: 'Clear {{label}}',
  someone: 'Set',
  notANumber: 'Enter a number',
} as const;
