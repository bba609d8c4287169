import { NumberInput, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KbSettings } from './kb-admin-api';

/** The settings being edited: everything the API returns but the version. */
export type KbSettingsDraft = Omit<KbSettings, 'version'>;

/** What every row of the settings form gets: the draft, and how to change one setting. */
export interface KbSettingsRowProps {
  draft: KbSettingsDraft;
  set: <K extends keyof KbSettingsDraft>(key: K, value: KbSettingsDraft[K]) => void;
}

export function KbPublicSettingRow({ draft, set }: KbSettingsRowProps) {
  const { t } = useTranslation('kbAdmin');
  return (
    <Switch
      label={t('settings.publicEnabled')}
      description={t('settings.publicEnabledHint')}
      checked={draft.publicEnabled}
      onChange={(e) => set('publicEnabled', e.currentTarget.checked)}
      data-testid="kb-settings-public"
    />
  );
}

export function KbReviewIntervalRow({ draft, set }: KbSettingsRowProps) {
  const { t } = useTranslation('kbAdmin');
  return (
    <NumberInput
      label={t('settings.reviewInterval')}
      description={t('settings.reviewIntervalHint')}
      value={draft.reviewIntervalMonths}
      // An emptied field keeps the last number: the setting always has one.
      onChange={(v) => typeof v === 'number' && set('reviewIntervalMonths', v)}
      min={1}
      max={120}
      step={1}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="strict"
      suffix={` ${t('settings.monthsSuffix')}`}
      // The input is narrow (a number); the label and hint keep the form's width.
      styles={{ wrapper: { maxWidth: 220 } }}
      data-testid="kb-settings-review-interval"
    />
  );
}
