/**
 * The door of the canned-responses module: what other modules may use. Import from here, never
 * from the module's files (`npm run lint` refuses it).
 *
 * Canned responses: reply templates with placeholders, inserted from the comment composer.
 */
export { CannedResponsesModule } from './canned-responses.module.js';
export { CannedResponse } from './entities/canned-response.entity.js';
