import type { AuthUser } from './auth-user.js';

/**
 * Loads the AuthUser of a session as a request would (the auth module's AuthUserLoader, bound in
 * app.module.ts): for connections that outlive a request, such as the live event stream, which
 * re-reads who its user is now (groups, deputyships, a revoked session) instead of trusting what
 * was true when it opened. null: the session or the user is no more.
 */
export abstract class AuthUserSource {
  abstract load(userId: string, sessionId: string): Promise<AuthUser | null>;
}
