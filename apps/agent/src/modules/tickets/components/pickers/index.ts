/** Pickers any agent screen may use (ticket forms, filters, administration). */
export { UserPicker, type UserPickerProps } from './user-picker';
export { GroupPicker, type GroupPickerProps } from './group-picker';
export { OrganizationPicker, type OrganizationPickerProps } from './organization-picker';
export { TicketTypeSelect, type TicketTypeSelectProps } from './ticket-type-select';
export { PrioritySelect, type PrioritySelectProps } from './priority-select';
export type { PickerSelectProps } from './remote-select';
export { CategorySelect, categoryOptions, type CategorySelectProps } from './category-select';
export { ProjectPicker, type ProjectPickerProps } from './project-picker';
export { TicketPicker, type TicketPickerProps } from './ticket-picker';
