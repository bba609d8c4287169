export { theme } from './theme';
export { UiProvider } from './ui-provider';
export { createI18n, storedLocale, type StringsFiles } from './i18n/i18n';
export type { Translation } from './i18n/translation';
export { useFormat, useTranslatedName, localeTag } from './format';
export {
  ProblemMessage,
  useErrorText,
  fieldErrors,
  useFieldErrors,
  isVersionConflict,
} from './problem-message';
export { PriorityBadge, StatusBadge, useStatusLabel } from './badges';
export { LanguageSelect } from './language-select';
export { PageLoader } from './page-loader';
export { useNotificationText } from './notification-text';
export { useUploadFiles } from './upload-files';
export { FileDownloadList, type DownloadableFile } from './file-download-list';
export { registerServiceWorker } from './pwa/service-worker-registration';
export { ConnectivityBanner } from './pwa/connectivity-banner';
