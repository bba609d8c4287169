import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import { useTranslation } from 'react-i18next';
import { useTranslatedName } from '@relaydesk/web-ui';
import { changes } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
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
  const { form, field, errors } = useRecordForm({
    initialValues: valuesOf(type),
    validate: (v) => {
      const found: Record<string, string> = {};
      if (!type && !KEY.test(v.key.trim())) found.key = t('form.keyRule');
      if (!v.name.en.trim()) found['name.en'] = t('admin:validation.required');
      if (!v.workflowId) found.workflowId = t('admin:validation.required');
      return found;
    },
    saveError: save.error,
  });
  const { values } = form;

  const submit = (submitted: Values) => {
    const body = toBody(submitted);
    if (!type) {
      save.mutate({ body: { ...body, key: submitted.key.trim() } }, { onSuccess: onDone });
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
      onSubmit={form.onSubmit(submit)}
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
        {...field('key')}
        data-testid="type-key"
      />
      <NamesInputs
        value={values.name}
        onChange={(name) => form.setFieldValue('name', name)}
        errors={errors}
        testId="type-name"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Select
          label={t('form.workflow')}
          description={type ? t('form.workflowHint') : undefined}
          withAsterisk
          data={(workflows.data ?? []).map((w) => ({ value: w.id, label: tn(w.name) }))}
          {...field('workflowId')}
          allowDeselect={false}
          data-testid="type-workflow"
        />
        <Select
          label={t('form.defaultPriority')}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
          value={values.defaultPriority}
          onChange={(value) =>
            value && form.setFieldValue('defaultPriority', value as TicketPriority)
          }
          allowDeselect={false}
          error={errors.defaultPriority}
          data-testid="type-priority"
        />
      </SimpleGrid>
      <Checkbox
        label={t('form.isPublic')}
        description={t('form.isPublicHint')}
        {...field('isPublic', { type: 'checkbox' })}
        data-testid="type-public"
      />
      <Checkbox
        label={t('form.active')}
        description={t('form.activeHint')}
        {...field('active', { type: 'checkbox' })}
        data-testid="type-active"
      />
    </FormShell>
  );
}
