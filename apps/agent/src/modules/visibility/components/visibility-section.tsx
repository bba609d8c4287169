import { Radio, Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { VISIBILITY_SCOPES, type VisibilityScope } from '@relaydesk/contracts';
import { SettingsForm, SettingsFrame, useSettingsDraft } from '../../../shared/forms/settings-form';
import { useSaveVisibilitySettings, useVisibilitySettings } from '../hooks';

interface Draft {
  defaultScope: VisibilityScope;
  unassignedGroupOnly: boolean;
}

const toDraft = ({ defaultScope, unassignedGroupOnly }: Draft): Draft => ({
  defaultScope,
  unassignedGroupOnly,
});

/** Administration > Visibility: the default scope of agents and the unassigned-tickets option. */
export function VisibilitySection() {
  const { t } = useTranslation('visibilityAdmin');
  const settings = useVisibilitySettings();
  const save = useSaveVisibilitySettings();
  const { draft, set, dirty, discard } = useSettingsDraft(settings.data, toDraft);

  return (
    <SettingsFrame
      title={t('title')}
      hint={t('hint')}
      testId="visibility-settings"
      loading={!settings.data || !draft}
      error={settings.error}
    >
      {settings.data && draft && (
        <SettingsForm
          onSubmit={() =>
            save.mutate(
              { ...draft, version: settings.data.version },
              { onSuccess: () => notifications.show({ color: 'green', message: t('saved') }) },
            )
          }
          saveLabel={t('save')}
          saveTestId="visibility-save"
          pending={save.isPending}
          error={save.error}
          dirty={dirty}
          onDiscard={discard}
        >
          <Radio.Group
            label={t('defaultScope')}
            description={t('defaultScopeHint')}
            value={draft.defaultScope}
            onChange={(value) => set('defaultScope', value as VisibilityScope)}
          >
            <Stack gap="xs" mt="xs">
              {VISIBILITY_SCOPES.map((scope) => (
                <Radio
                  key={scope}
                  value={scope}
                  label={t(`scope.${scope}`)}
                  description={t(`scopeHint.${scope}`)}
                  data-testid={`visibility-default-${scope}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Switch
            label={t('unassignedGroupOnly')}
            description={t('unassignedGroupOnlyHint')}
            checked={draft.unassignedGroupOnly}
            onChange={(e) => set('unassignedGroupOnly', e.currentTarget.checked)}
            data-testid="visibility-unassigned-group-only"
          />
        </SettingsForm>
      )}
    </SettingsFrame>
  );
}
