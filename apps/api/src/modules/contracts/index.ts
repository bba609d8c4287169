/**
 * The door of the contracts module: what other modules may use. Import from here, never from
 * the module's files (`npm run lint` refuses it).
 *
 * Contracts, service objects, equipment types and items, authorized requesters (issue 18).
 */
export { ContractsModule } from './contracts.module.js';
/** `mayFile(userId, organizationId, contractId?)`: the authorized-requester check of a channel. */
export { AuthorizedRequesters } from './authorized-requesters.service.js';
/** THE rule for which register rows a reader sees. */
export { registerVisibility, type Register } from './register-visibility.js';
/** Access by object: the SQL condition a client contact's object limit puts on a row. */
export { objectAccessSql } from './object-access.js';
/** A contract's status as read, and "in force", as SQL on a `contracts` alias. */
export { contractInForceSql, contractStatusSql, contractToday } from './contract-status.js';
/** The registers a ticket links to (its columns' foreign keys). */
export { Contract } from './entities/contract.entity.js';
export { ServiceObject } from './entities/service-object.entity.js';
export { EquipmentItem } from './entities/equipment-item.entity.js';
/** A ticket's links to the registers: the checks (422 per field), their facts and names. */
export {
  checkTicketLinks,
  registerNames,
  ticketLinkFacts,
  underWarranty,
  type TicketLinkCheck,
  type TicketLinkFacts,
  type TicketLinkField,
  type TicketLinks,
} from './ticket-link-rules.js';
