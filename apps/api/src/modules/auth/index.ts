/**
 * The door of the auth module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Login, refresh and sessions, the JWT guard, and the loader of the AuthUser every request carries.
 */
export { AuthUserLoader } from './auth-user.loader.js';
export { AuthModule } from './auth.module.js';
export { ApiTokenAuthenticator } from './service-accounts/api-token-authenticator.js';
export { apiTokenFirst } from './service-accounts/api-token-first.middleware.js';
