/**
 * The door of the custom-fields module: what other modules may use. Import from here, never
 * from the module's files (`npm run lint` refuses it).
 *
 * Custom fields as a kind of data, not of one record: the kinds' value checks, the settings
 * rules of a field definition, the option DTO. Ticket types (tickets) and equipment types
 * (contracts) both define fields with them. It is its own module, not part of tickets, because
 * tickets will depend on contracts (links, authorized requesters), so contracts may not depend
 * on tickets.
 */
export {
  checkValue,
  LONG_TEXT_MAX,
  referenceErrors,
  TEXT_MAX,
  validateCustomFields,
  type CustomFieldChange,
  type CustomFieldInput,
  type CustomFieldResult,
  type FieldDefinition,
} from './custom-field-validator.js';
export { customFieldReferenceErrors } from './custom-field-references.js';
export { fieldRuleErrors } from './field-definition-rules.js';
export {
  CustomFieldOptionDto,
  FIELD_KEY_PATTERN,
  MAX_FIELD_OPTIONS,
} from './dto/custom-field-option.dto.js';
