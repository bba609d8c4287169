export { Session, type SessionUser, type WebApp } from './session';
export { AuthProvider, useAuth, useUser, useApi } from './auth-context';
export { LoginPage } from './login-page';
export { RequireAuth } from './require-auth';
export { SessionsCard } from './sessions-card';
export { PublicAccountPages } from './public-account-pages';
export { EmailChangeCard } from './email-change-card';
export { ConfirmEmailPage } from './confirm-email-page';
