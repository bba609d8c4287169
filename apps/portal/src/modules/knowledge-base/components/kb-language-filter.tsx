import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KB_LANGUAGES } from '@relaydesk/contracts';
import { useKbLanguageFilter, type KbLanguageChoice } from '../kb-language';

/** A native select: large enough to tap and native on phones. */
export function KbLanguageFilter() {
  const { t } = useTranslation('kb');
  const { choice, setChoice } = useKbLanguageFilter();
  return (
    <NativeSelect
      label={t('language.label')}
      data={[
        { value: 'all', label: t('language.all') },
        ...KB_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) })),
      ]}
      value={choice}
      onChange={(e) => setChoice(e.currentTarget.value as KbLanguageChoice)}
      size="md"
      data-testid="kb-language-filter"
    />
  );
}
