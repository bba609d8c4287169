export { Session, type SessionUser, type WebApp } from './session';
export { AuthProvider, useAuth, useUser, useApi } from './auth-context';
export { LoginPage } from './login-page';
export { RequireAuth } from './require-auth';
export { PublicAccountPages } from './public-account-pages';
export { useLiveEvents, useLiveConnected } from './live/use-live-events';
export type { LiveEvent } from './live/live-stream';
