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
/** A contract's status as read, and "in force", as SQL on a `contracts` alias. */
export { contractInForceSql, contractStatusSql, contractToday } from './contract-status.js';
