export { theme } from './theme';
export { UiProvider } from './ui-provider';
export { createI18n, storedLocale, type StringsFiles } from './i18n/i18n';
export type { Translation } from './i18n/translation';
export { useFormat, useTranslatedName, localeTag } from './format';
export { ProblemMessage, useErrorText, fieldErrors, isVersionConflict } from './problem-message';
export { PriorityBadge, StatusBadge, useStatusLabel } from './badges';
export { LanguageSelect } from './language-select';
export { useNotificationText } from './notification-text';
