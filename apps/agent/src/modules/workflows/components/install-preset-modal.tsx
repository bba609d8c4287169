import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTranslatedName } from '@relaydesk/web-ui';
import { FormProblem } from '../../../shared/forms/form-problem';
import { RecordModal } from '../../../shared/forms/record-modal';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import type { Workflow, WorkflowPreset } from '../api';
import { useInstallPreset, useWorkflowPresets } from '../hooks';

interface InstallPresetModalProps {
  /** Workflows already there: a preset whose key is taken gets a free key suggested. */
  existing: Workflow[];
  onClose: () => void;
  onInstalled: (workflow: Workflow) => void;
}

function freeKey(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Picks one of the ready-made workflows (Okdesk, HappyDesk, Pythagoras) and installs a copy. */
export function InstallPresetModal({ existing, onClose, onInstalled }: InstallPresetModalProps) {
  const { t } = useTranslation(['workflows', 'common']);
  const tn = useTranslatedName();
  const presets = useWorkflowPresets();
  const install = useInstallPreset();
  const taken = new Set(existing.map((w) => w.key));
  const { form, field, errors } = useRecordForm({
    initialValues: { preset: null as WorkflowPreset['key'] | null, key: '', name: '' },
    saveError: install.error,
  });
  const { preset, key, name } = form.values;

  const summary = presets.data?.find((p) => p.key === preset);
  /** A second copy gets its key in its name, so the two can be told apart in lists. */
  const defaultName =
    summary && key.trim() && key.trim() !== summary.key
      ? {
          en: `${summary.name.en} (${key.trim()})`,
          ...(summary.name.ru ? { ru: `${summary.name.ru} (${key.trim()})` } : {}),
          ...(summary.name.cs ? { cs: `${summary.name.cs} (${key.trim()})` } : {}),
        }
      : undefined;

  const choose = (value: string) => {
    form.setValues({ preset: value as WorkflowPreset['key'], key: freeKey(value, taken) });
  };

  const submit = () => {
    if (!preset) return;
    const given = name.trim() ? { en: name.trim() } : defaultName;
    install.mutate(
      {
        key: preset,
        body: { ...(key.trim() ? { key: key.trim() } : {}), ...(given ? { name: given } : {}) },
      },
      { onSuccess: onInstalled },
    );
  };

  return (
    <RecordModal opened onClose={onClose} title={t('presets.title')} size="lg">
      <Stack gap="sm">
        <ProblemOrList loading={presets.isPending} error={presets.error} />
        <Radio.Group
          label={t('presets.choose')}
          value={preset}
          onChange={choose}
          data-testid="preset-choice"
        >
          <Stack gap="xs" mt={6}>
            {(presets.data ?? []).map((p) => (
              <Radio
                key={p.key}
                value={p.key}
                label={tn(p.name)}
                description={`${t(`presets.about.${p.key}`)} · ${t('presets.statusCount', {
                  count: p.statusCount,
                })}`}
                data-testid={`preset-${p.key}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('presets.key')}
          description={t('presets.keyHint')}
          {...field('key')}
          disabled={!preset}
          data-testid="preset-key"
        />
        <TextInput
          label={t('presets.name')}
          description={t('presets.nameHint')}
          {...field('name')}
          placeholder={defaultName?.en ?? (summary ? tn(summary.name) : undefined)}
          disabled={!preset}
          error={errors['name.en']}
          data-testid="preset-name"
        />
        <FormProblem
          error={install.error}
          fields={['key', 'name.en']}
          onReload={() => undefined}
          reloading={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button
            onClick={submit}
            disabled={!preset}
            loading={install.isPending}
            data-testid="preset-install"
          >
            {t('presets.install')}
          </Button>
        </Group>
      </Stack>
    </RecordModal>
  );
}

function ProblemOrList({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useTranslation('common');
  if (loading) return <Text size="sm">{t('loading')}</Text>;
  if (error)
    return <FormProblem error={error} fields={[]} onReload={() => undefined} reloading={false} />;
  return null;
}
