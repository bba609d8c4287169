import { useMemo } from 'react';
import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '@relaydesk/web-ui';
import { SettingsForm, SettingsFrame, useSettingsDraft } from '../../../shared/forms/settings-form';
import type { InstallationSettings } from '../api';
import { useInstallationSettings, useSaveInstallationSettings } from '../hooks';

type Draft = Omit<InstallationSettings, 'version'>;

const TEXT_FIELDS = [
  'companyName',
  'legalName',
  'taxId',
  'registrationId',
  'phone',
  'email',
  'currency',
] as const;

const toDraft = ({ version: _version, ...draft }: InstallationSettings): Draft => draft;

/** Every zone the browser knows, UTC first. */
function timeZones(current: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...known])].filter(Boolean);
}

/**
 * Administration > Company: the installation's company details, printed as the service provider
 * on service protocols, and the time zone their times are printed in.
 */
export function CompanyDetailsSection() {
  const { t } = useTranslation('serviceProtocol');
  const settings = useInstallationSettings();
  const save = useSaveInstallationSettings();
  const { draft, set, dirty, discard } = useSettingsDraft(settings.data, toDraft);
  const fieldErrors = useFieldErrors()(save.error);
  const zones = useMemo(() => timeZones(draft?.timeZone ?? 'UTC'), [draft?.timeZone]);

  return (
    <SettingsFrame
      title={t('company.title')}
      hint={t('company.hint')}
      testId="company-details"
      loading={!settings.data || !draft}
      error={settings.error}
    >
      {settings.data && draft && (
        <SettingsForm
          onSubmit={() =>
            save.mutate(
              { ...draft, version: settings.data.version },
              {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: t('company.saved') }),
              },
            )
          }
          saveLabel={t('company.save')}
          saveTestId="company-details-save"
          pending={save.isPending}
          error={save.error}
          dirty={dirty}
          onDiscard={discard}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {TEXT_FIELDS.map((field) => (
              <TextInput
                key={field}
                label={t(`company.${field}`)}
                description={field === 'currency' ? t('company.currencyHint') : undefined}
                value={draft[field]}
                onChange={(e) =>
                  set(
                    field,
                    field === 'currency'
                      ? e.currentTarget.value.toUpperCase()
                      : e.currentTarget.value,
                  )
                }
                error={fieldErrors[field]}
                maxLength={field === 'currency' ? 3 : undefined}
                data-testid={`company-${field}`}
              />
            ))}
            <Select
              label={t('company.timeZone')}
              description={t('company.timeZoneHint')}
              data={zones}
              value={draft.timeZone}
              onChange={(value) => value && set('timeZone', value)}
              searchable
              allowDeselect={false}
              error={fieldErrors.timeZone}
              data-testid="company-timeZone"
            />
          </SimpleGrid>
          <Textarea
            label={t('company.address')}
            value={draft.address}
            onChange={(e) => set('address', e.currentTarget.value)}
            error={fieldErrors.address}
            autosize
            minRows={2}
            data-testid="company-address"
          />
        </SettingsForm>
      )}
    </SettingsFrame>
  );
}
