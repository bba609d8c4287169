/**
 * The custom-field form both SPAs use for a ticket type's fields. A separate entry point
 * (`@relaydesk/web-ui/custom-fields`) so it loads with the ticket screens, never in the first
 * load of an app.
 */
export { CustomFieldsForm, type CustomFieldsFormProps } from './custom-fields-form';
export { CustomFieldInput, type RefPickerProps } from './custom-field-input';
export { CustomFieldList } from './custom-field-list';
export { useCustomFieldText, type ResolveRefName } from './custom-field-value';
export {
  changedValues,
  isEmptyValue,
  missingRequired,
  valuesForCreate,
  type CustomFieldDefinition,
} from './values';
export { fromLocalDateTime, toLocalDateTime } from './date-inputs';
