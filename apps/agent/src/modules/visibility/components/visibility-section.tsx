import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Loader, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { VISIBILITY_SCOPES, type VisibilityScope } from '@relaydesk/contracts';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useSaveVisibilitySettings, useVisibilitySettings } from '../hooks';

interface Draft {
  defaultScope: VisibilityScope;
  unassignedGroupOnly: boolean;
}

/** Administration > Visibility: the default scope of agents and the unassigned-tickets option. */
export function VisibilitySection() {
  const { t } = useTranslation('visibilityAdmin');
  const settings = useVisibilitySettings();
  const save = useSaveVisibilitySettings();
  const [draft, setDraft] = useState<Draft | null>(null);

  useEffect(() => {
    if (settings.data) {
      const { defaultScope, unassignedGroupOnly } = settings.data;
      setDraft({ defaultScope, unassignedGroupOnly });
    }
  }, [settings.data]);

  if (settings.error) return <ProblemMessage error={settings.error} />;
  if (!settings.data || !draft) return <Loader role="status" aria-label="Loading" />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { ...draft, version: settings.data.version },
      { onSuccess: () => notifications.show({ color: 'green', message: t('saved') }) },
    );
  };

  return (
    <Stack gap="lg" maw={760} data-testid="visibility-settings">
      <div>
        <Title order={3}>{t('title')}</Title>
        <Text size="sm" c="dimmed">
          {t('hint')}
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.error && <ProblemMessage error={save.error} />}
          <Radio.Group
            label={t('defaultScope')}
            description={t('defaultScopeHint')}
            value={draft.defaultScope}
            onChange={(value) => setDraft({ ...draft, defaultScope: value as VisibilityScope })}
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
            onChange={(e) => setDraft({ ...draft, unassignedGroupOnly: e.currentTarget.checked })}
            data-testid="visibility-unassigned-group-only"
          />
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="visibility-save">
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
