import { Alert, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { preloadStrings } from '../../lazy-strings';
import { SettingsForm, SettingsFrame, useSettingsDraft } from '../../shared/forms/settings-form';
import type { KbSettings } from './kb-admin-api';
import { useKbAdminPermissions, useKbSettings, useSaveKbSettings } from './kb-admin-hooks';
import { KbAdminNav } from './kb-admin-nav';
import {
  KbPublicSettingRow,
  KbReviewIntervalRow,
  type KbSettingsDraft,
  type KbSettingsRowProps,
} from './kb-admin-settings-rows';
import { KbAutoAnswerSettingRow } from './kb-auto-answer-settings-row';

preloadStrings(['kbAdmin', 'settingsForm', 'kbAutoAnswer']);

const toDraft = ({ version: _version, ...settings }: KbSettings): KbSettingsDraft => settings;

/**
 * Knowledge-base settings (kb.manage), with the save bar of the other settings pages. The form
 * is a list of rows, each given the draft and a setter (KbSettingsRowProps): a new setting is a
 * row component and one line below.
 */
export default function KbAdminSettingsPage() {
  const { t } = useTranslation(['kbAdmin', 'common']);
  useDocumentTitle(`${t('settings.title')} · ${t('common:appName')}`);
  const may = useKbAdminPermissions();
  const settings = useKbSettings();
  const save = useSaveKbSettings();
  const { draft, set, dirty, discard } = useSettingsDraft(
    may.manage ? settings.data : undefined,
    toDraft,
  );

  if (!may.manage) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('forbidden')}
      </Alert>
    );
  }
  const row: KbSettingsRowProps | null = draft ? { draft, set } : null;
  return (
    <Stack gap="md">
      <KbAdminNav />
      <SettingsFrame
        title={t('settings.title')}
        hint={t('settings.hint')}
        testId="kb-settings"
        loading={!settings.data || !row}
        error={settings.error}
      >
        {settings.data && row && (
          <SettingsForm
            onSubmit={() =>
              save.mutate(
                { ...row.draft, version: settings.data.version },
                {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: t('settings.saved') }),
                },
              )
            }
            saveLabel={t('settings.save')}
            saveTestId="kb-settings-save"
            pending={save.isPending}
            error={save.error}
            dirty={dirty}
            onDiscard={discard}
          >
            <KbPublicSettingRow {...row} />
            <KbReviewIntervalRow {...row} />
            <KbAutoAnswerSettingRow {...row} />
          </SettingsForm>
        )}
      </SettingsFrame>
    </Stack>
  );
}
