// The signed-in user's account screens (profile cards, the e-mail confirmation page): imported
// only by lazily loaded pages, through their own entry so that none of them (nor the Mantine
// parts they use) lands in the first screen's chunk with the sign-in form
// (scripts/check-bundle-size.mjs).
export { SessionsCard } from './sessions-card';
export { EmailChangeCard } from './email-change-card';
export { ConfirmEmailPage } from './confirm-email-page';
export { NotificationPreferencesCard } from './notification-preferences-card';
export { PasswordChangeCard } from './password-change-card';
