import { NumberInput, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What the row reads and sets of the settings page's draft (KbSettingsRowProps fits it). */
interface AutoAnswerRowProps {
  draft: { autoAnswerEnabled: boolean; autoAnswerMinScore: number };
  set: (key: 'autoAnswerEnabled' | 'autoAnswerMinScore', value: boolean | number) => void;
}

/**
 * The automatic answer's switch and threshold on the KB settings page. The API keeps the
 * threshold as a share (0-1) of an article title's words found in the new ticket; people set it
 * in per cent.
 */
export function KbAutoAnswerSettingRow({ draft, set }: AutoAnswerRowProps) {
  const { t } = useTranslation('kbAutoAnswer');
  return (
    <Stack gap="xs">
      <Switch
        label={t('settings.enabled')}
        description={t('settings.enabledHint')}
        checked={draft.autoAnswerEnabled}
        onChange={(e) => set('autoAnswerEnabled', e.currentTarget.checked)}
        data-testid="kb-settings-auto-answer"
      />
      <NumberInput
        label={t('settings.minScore')}
        description={t('settings.minScoreHint')}
        value={Math.round(draft.autoAnswerMinScore * 100)}
        // An emptied field keeps the last number: the setting always has one.
        onChange={(v) => typeof v === 'number' && set('autoAnswerMinScore', v / 100)}
        min={0}
        max={100}
        step={5}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="strict"
        suffix=" %"
        // The box is narrow; its longer hint keeps the row's width.
        styles={{ wrapper: { maxWidth: 260 } }}
        disabled={!draft.autoAnswerEnabled}
        data-testid="kb-settings-auto-answer-min-score"
      />
    </Stack>
  );
}
