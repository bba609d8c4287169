import {
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES } from '@relaydesk/contracts';
import { fieldErrors, useTranslatedName } from '@relaydesk/web-ui';
import { SettingsForm, SettingsFrame, useSettingsDraft } from '../../../shared/forms/settings-form';
import { useGroups } from '../../directory/hooks';
import { useAdminTicketTypes } from '../../ticket-types/hooks';
import type { WebFormSettings } from '../api';
import { useSaveWebFormSettings, useWebFormSettings } from '../hooks';

type Draft = Omit<WebFormSettings, 'version' | 'updatedAt' | 'allowedOrigins'> & {
  origins: string;
};

const toDraft = (s: WebFormSettings): Draft => ({
  enabled: s.enabled,
  typeIds: s.typeIds,
  defaultGroupId: s.defaultGroupId,
  defaultPriority: s.defaultPriority,
  knownContactImmediate: s.knownContactImmediate,
  origins: s.allowedOrigins.join('\n'),
  minFillSeconds: s.minFillSeconds,
  maxPerIpPerHour: s.maxPerIpPerHour,
  maxPerAddressPerHour: s.maxPerAddressPerHour,
});

/** The snippets an admin pastes into the customer's site. */
function embedCode(origin: string) {
  return {
    iframe: `<iframe src="${origin}/form" title="Contact form" style="width:100%;min-height:640px;border:0" loading="lazy"></iframe>`,
    script: `<script src="${origin}/form/embed.js" data-lang="en" async></script>`,
  };
}

/** Administration > Web form: its settings and the embed code. */
export function WebFormSection() {
  const { t } = useTranslation(['webFormAdmin', 'common']);
  const name = useTranslatedName();
  const settings = useWebFormSettings();
  const types = useAdminTicketTypes();
  const groups = useGroups({ active: true, limit: 100 });
  const save = useSaveWebFormSettings();
  const { draft, set, dirty, discard } = useSettingsDraft(settings.data, toDraft);

  if (!settings.data || !draft) {
    return (
      <SettingsFrame
        title={t('title')}
        hint={t('hint')}
        testId="web-form-settings"
        loading
        error={settings.error}
      >
        {null}
      </SettingsFrame>
    );
  }

  const publicTypes = (types.data ?? []).filter((type) => type.isPublic && type.active);
  const errors = fieldErrors(save.error);
  const origin = window.location.origin;
  const code = embedCode(origin);
  const submit = () => {
    const { origins, ...rest } = draft;
    save.mutate(
      {
        ...rest,
        version: settings.data.version,
        allowedOrigins: origins
          .split(/\s+/)
          .map((o) => o.trim().replace(/\/+$/, ''))
          .filter(Boolean),
      },
      { onSuccess: () => notifications.show({ color: 'green', message: t('saved') }) },
    );
  };

  const originError = Object.entries(errors).find(([field]) =>
    field.startsWith('allowedOrigins'),
  )?.[1];

  return (
    <SettingsFrame
      title={t('title')}
      hint={t('hint')}
      testId="web-form-settings"
      loading={false}
      error={settings.error}
    >
      <SettingsForm
        onSubmit={submit}
        saveLabel={t('save')}
        saveTestId="web-form-save"
        pending={save.isPending}
        error={save.error}
        dirty={dirty}
        onDiscard={discard}
      >
        <Switch
          label={t('enabled')}
          checked={draft.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
          data-testid="web-form-enabled"
        />
        <Checkbox.Group
          label={t('types')}
          description={t('typesHint')}
          value={draft.typeIds}
          onChange={(value) => set('typeIds', value)}
          error={Object.entries(errors).find(([f]) => f.startsWith('typeIds'))?.[1]}
        >
          <Stack gap={6} mt={6}>
            {publicTypes.length === 0 && <Text size="sm">{t('noPublicTypes')}</Text>}
            {publicTypes.map((type) => (
              <Checkbox key={type.id} value={type.id} label={name(type.name)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <NativeSelect
          label={t('group')}
          data={[
            { value: '', label: t('noGroup') },
            ...(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name })),
          ]}
          value={draft.defaultGroupId ?? ''}
          onChange={(e) => set('defaultGroupId', e.currentTarget.value || null)}
          error={errors.defaultGroupId}
        />
        <NativeSelect
          label={t('priority')}
          data={[
            { value: '', label: t('typeDefault') },
            ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) })),
          ]}
          value={draft.defaultPriority ?? ''}
          onChange={(e) =>
            set(
              'defaultPriority',
              (e.currentTarget.value || null) as WebFormSettings['defaultPriority'],
            )
          }
        />
        <Switch
          label={t('knownContactImmediate')}
          description={t('knownContactImmediateHint')}
          checked={draft.knownContactImmediate}
          onChange={(e) => set('knownContactImmediate', e.currentTarget.checked)}
        />
        <Textarea
          label={t('origins')}
          description={t('originsHint')}
          autosize
          minRows={2}
          value={draft.origins}
          onChange={(e) => set('origins', e.currentTarget.value)}
          error={originError}
          data-testid="web-form-origins"
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('minFill')}
            description={t('minFillHint')}
            min={0}
            max={600}
            value={draft.minFillSeconds}
            onChange={(v) => set('minFillSeconds', Number(v) || 0)}
            error={errors.minFillSeconds}
          />
          <NumberInput
            label={t('perIp')}
            min={1}
            max={10000}
            value={draft.maxPerIpPerHour}
            onChange={(v) => set('maxPerIpPerHour', Number(v) || 1)}
            error={errors.maxPerIpPerHour}
          />
          <NumberInput
            label={t('perAddress')}
            min={1}
            max={100}
            value={draft.maxPerAddressPerHour}
            onChange={(v) => set('maxPerAddressPerHour', Number(v) || 1)}
            error={errors.maxPerAddressPerHour}
          />
        </Group>
      </SettingsForm>
      <Stack gap="xs">
        <Title order={4}>{t('embedTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('embedHint')}
        </Text>
        <Text size="sm">
          {t('formLink')} <Code>{`${origin}/form`}</Code>
        </Text>
        {(['iframe', 'script'] as const).map((kind) => (
          <Stack key={kind} gap={4}>
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {t(kind)}
              </Text>
              <CopyButton value={code[kind]} timeout={2000}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('copied') : t('copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            {/* Wrapped, not scrolled: a scrolling block would need to take keyboard focus. */}
            <Code
              block
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              data-testid={`web-form-embed-${kind}`}
            >
              {code[kind]}
            </Code>
          </Stack>
        ))}
      </Stack>
    </SettingsFrame>
  );
}
