import { useState } from 'react';
import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import { useTranslation } from 'react-i18next';
import { useTranslatedName } from '@relaydesk/web-ui';
import { changes, useFormErrors } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { NamesInputs, namesBody, namesOf } from '../../../shared/forms/names-inputs';
import { useWorkflowList } from '../../workflows/hooks';
import type { TicketType } from '../api';
import { useSaveTicketType } from '../hooks';

const FIELDS = [
  'key',
  'name',
  'name.en',
  'name.ru',
  'name.cs',
  'workflowId',
  'isPublic',
  'defaultPriority',
  'active',
] as const;
const KEY = /^[a-z][a-z0-9_]{0,49}$/;

function valuesOf(type?: TicketType) {
  return {
    key: type?.key ?? '',
    name: namesOf(type?.name),
    workflowId: type?.workflowId ?? null,
    isPublic: type?.isPublic ?? false,
    defaultPriority: (type?.defaultPriority ?? 'normal') as TicketPriority,
    active: type?.active ?? true,
  };
}
type Values = ReturnType<typeof valuesOf>;

const toBody = (v: Values) => ({
  name: namesBody(v.name),
  workflowId: v.workflowId ?? '',
  isPublic: v.isPublic,
  defaultPriority: v.defaultPriority,
  active: v.active,
});

interface TicketTypeFormProps {
  type?: TicketType;
  onDone: (saved: TicketType) => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}

/** Name, workflow, public or internal, default priority, active: one ticket type. */
export function TicketTypeForm({ type, onDone, onCancel, onReload }: TicketTypeFormProps) {
  const { t } = useTranslation(['ticketTypes', 'admin', 'common']);
  const tn = useTranslatedName();
  const save = useSaveTicketType();
  const workflows = useWorkflowList();
  const [values, setValues] = useState(() => valuesOf(type));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...useFormErrors(save.error), ...missing };
  const set = <K extends keyof Values>(field: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [field]: value }));

  const submit = () => {
    const found: Record<string, string> = {};
    if (!type && !KEY.test(values.key.trim())) found.key = t('form.keyRule');
    if (!values.name.en.trim()) found['name.en'] = t('admin:validation.required');
    if (!values.workflowId) found.workflowId = t('admin:validation.required');
    setMissing(found);
    if (Object.keys(found).length) return;
    const body = toBody(values);
    if (!type) {
      save.mutate({ body: { ...body, key: values.key.trim() } }, { onSuccess: onDone });
      return;
    }
    const changed = changes(toBody(valuesOf(type)), body);
    if (Object.keys(changed).length === 0) return onCancel();
    save.mutate(
      { id: type.id, body: { ...changed, version: type.version } },
      { onSuccess: onDone },
    );
  };

  return (
    <FormShell
      onSubmit={submit}
      onCancel={onCancel}
      onReload={onReload}
      saving={save.isPending}
      error={save.error}
      fields={FIELDS}
    >
      <TextInput
        label={t('form.key')}
        description={type ? t('form.keyFixed') : t('form.keyHint')}
        withAsterisk={!type}
        disabled={!!type}
        data-autofocus
        value={values.key}
        onChange={(e) => set('key', e.currentTarget.value)}
        error={errors.key}
        data-testid="type-key"
      />
      <NamesInputs
        value={values.name}
        onChange={(name) => set('name', name)}
        errors={errors}
        testId="type-name"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Select
          label={t('form.workflow')}
          description={type ? t('form.workflowHint') : undefined}
          withAsterisk
          data={(workflows.data ?? []).map((w) => ({ value: w.id, label: tn(w.name) }))}
          value={values.workflowId}
          onChange={(value) => set('workflowId', value)}
          allowDeselect={false}
          error={errors.workflowId}
          data-testid="type-workflow"
        />
        <Select
          label={t('form.defaultPriority')}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
          value={values.defaultPriority}
          onChange={(value) => value && set('defaultPriority', value as TicketPriority)}
          allowDeselect={false}
          error={errors.defaultPriority}
          data-testid="type-priority"
        />
      </SimpleGrid>
      <Checkbox
        label={t('form.isPublic')}
        description={t('form.isPublicHint')}
        checked={values.isPublic}
        onChange={(e) => set('isPublic', e.currentTarget.checked)}
        data-testid="type-public"
      />
      <Checkbox
        label={t('form.active')}
        description={t('form.activeHint')}
        checked={values.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
        data-testid="type-active"
      />
    </FormShell>
  );
}
