/**
 * The door of the contract-documents module: what other modules may use. Import from here,
 * never from the module's files (`npm run lint` refuses it).
 *
 * Documents of contracts, staff only or shared with the client (issue 18).
 */
export { ContractDocumentsModule } from './contract-documents.module.js';
