/**
 * The door of the service-protocol module: a ticket printed as a PDF (issue 18). Import from
 * here, never from the module's files (`npm run lint` refuses it).
 */
export { ServiceProtocolModule } from './service-protocol.module.js';
