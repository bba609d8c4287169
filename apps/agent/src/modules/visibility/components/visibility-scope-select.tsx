import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VISIBILITY_SCOPES, type VisibilityScope } from '@relaydesk/contracts';
import { useVisibilitySettings } from '../hooks';

interface Props {
  value: VisibilityScope | null;
  onChange: (scope: VisibilityScope | null) => void;
  error?: string;
}

/** A staff user's visibility scope on the user form; empty is the installation default. */
export function VisibilityScopeSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation('visibilityAdmin');
  const settings = useVisibilitySettings();
  const fallback = settings.data ? t(`scope.${settings.data.defaultScope}`) : '…';
  return (
    <NativeSelect
      label={t('userScope')}
      description={value ? t(`scopeHint.${value}`) : t('userScopeHint')}
      data={[
        { value: '', label: t('userScopeDefault', { scope: fallback }) },
        ...VISIBILITY_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) })),
      ]}
      value={value ?? ''}
      onChange={(e) => onChange((e.currentTarget.value || null) as VisibilityScope | null)}
      error={error}
      data-testid="admin-user-visibility-scope"
    />
  );
}
