/**
 * The door of the register import module: CSV import and export of the registers (issue 18).
 * Import from here, never from the module's files.
 */
export { RegisterImportModule } from './register-import.module.js';
/** Runs queued import jobs (tests and the bench call runDue directly). */
export { RegisterImportWorker } from './import-worker.js';
/** Expires dry runs never imported (tests call sweep directly). */
export { DRY_RUN_KEPT_MS, RegisterImportExpiry } from './dry-run-expiry.js';
