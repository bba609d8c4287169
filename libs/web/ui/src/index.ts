export { theme } from './theme';
export { UiProvider } from './ui-provider';
export { createI18n, storedLocale, type FeatureResources } from './i18n/i18n';
export { common as commonStrings } from './i18n/common';
export { useFormat, useTranslatedName, localeTag } from './format';
export { ProblemMessage, useErrorText, fieldErrors, isVersionConflict } from './problem-message';
export { PriorityBadge, StatusBadge, useStatusLabel } from './badges';
export { LanguageSelect } from './language-select';
export { useFeatureStrings } from './i18n/feature-strings';
