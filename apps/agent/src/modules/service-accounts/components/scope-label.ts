import type { ApiScope } from '../api';

/** The strings key of a scope: `:` and `-` would be read by i18next as namespace and nothing. */
export const scopeKey = (scope: ApiScope) => `scopes.${scope.replace(/[:-]/g, '_')}`;
