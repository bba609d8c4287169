import { useState } from 'react';
import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFieldValue, CustomFieldValues } from '@relaydesk/contracts';
import {
  changedValues,
  CustomFieldsForm,
  valuesForCreate,
  type CustomFieldDefinition,
} from '@relaydesk/web-ui/custom-fields';
import { changes } from '../../shared/forms/form-problem';
import { FormShell } from '../../shared/forms/form-shell';
import { useRecordForm } from '../../shared/forms/use-record-form';
import { useCustomFieldPickers } from '../tickets/components/custom-fields/use-custom-field-pickers';
import { OrganizationPicker } from '../tickets/components/pickers';
import type { EquipmentItem, EquipmentItemUpdate } from './api';
import type { RegisterFormProps } from './contract-form';
import {
  useEquipmentItems,
  useEquipmentTypes,
  useSaveEquipmentItem,
  useServiceObjects,
} from './hooks';
import { itemPickerLabel } from './registers-shared';
import { useRegisterMessages } from './register-messages';

const FIELDS = [
  'typeId',
  'organizationId',
  'serviceObjectId',
  'parentId',
  'manufacturer',
  'model',
  'serialNumber',
  'inventoryNumber',
  'installedOn',
  'warrantyUntil',
  'status',
] as const;

function valuesOf(i?: EquipmentItem) {
  return {
    typeId: i?.typeId ?? '',
    organizationId: i?.organizationId ?? '',
    serviceObjectId: i?.serviceObjectId ?? '',
    parentId: i?.parentId ?? '',
    manufacturer: i?.manufacturer ?? '',
    model: i?.model ?? '',
    serialNumber: i?.serialNumber ?? '',
    inventoryNumber: i?.inventoryNumber ?? '',
    installedOn: i?.installedOn ?? '',
    warrantyUntil: i?.warrantyUntil ?? '',
    status: i?.status ?? 'in_service',
  };
}
type Values = ReturnType<typeof valuesOf>;

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const toBody = (v: Values) => ({
  typeId: v.typeId,
  serviceObjectId: v.serviceObjectId || null,
  parentId: v.parentId || null,
  manufacturer: v.manufacturer.trim(),
  model: v.model.trim(),
  serialNumber: orNull(v.serialNumber),
  inventoryNumber: orNull(v.inventoryNumber),
  installedOn: v.installedOn || null,
  warrantyUntil: v.warrantyUntil || null,
  status: v.status as EquipmentItem['status'],
});

/** Create or edit an equipment item, with its type's own fields. */
export function EquipmentItemForm({
  record,
  onDone,
  onCancel,
  onReload,
  preset,
}: RegisterFormProps<EquipmentItem> & {
  preset?: { organizationId?: string | null; serviceObjectId?: string | null; parentId?: string };
}) {
  const { t } = useTranslation(['registers', 'admin', 'ticketWork']);
  const save = useSaveEquipmentItem();
  const types = useEquipmentTypes();
  const messages = useRegisterMessages();
  const { form, field, errors } = useRecordForm({
    initialValues: {
      ...valuesOf(record),
      ...(record
        ? {}
        : {
            organizationId: preset?.organizationId ?? '',
            serviceObjectId: preset?.serviceObjectId ?? '',
            parentId: preset?.parentId ?? '',
          }),
    },
    validate: (v) => ({
      ...(v.typeId ? {} : { typeId: t('admin:validation.required') }),
      ...(v.organizationId ? {} : { organizationId: t('admin:validation.required') }),
    }),
    saveError: save.error,
    messages,
    followRecord: true,
  });
  const [custom, setCustom] = useState<CustomFieldValues>(
    (record?.customFields ?? {}) as CustomFieldValues,
  );
  const orgId = form.values.organizationId || null;
  const objects = useServiceObjects({ organizationId: orgId ?? undefined, limit: 200 }, !!orgId);
  const parents = useEquipmentItems({ organizationId: orgId ?? undefined, limit: 200 }, !!orgId);
  const type = (types.data?.items ?? []).find((x) => x.id === form.values.typeId);
  const fields = (type?.fields ?? []).filter((f) => f.active) as CustomFieldDefinition[];
  const pickers = useCustomFieldPickers(fields as never, custom);

  const submit = (values: Values) => {
    const body = toBody(values);
    if (!record) {
      const customFields = valuesForCreate(fields, custom);
      return save.mutate(
        {
          body: {
            ...body,
            organizationId: values.organizationId,
            ...(Object.keys(customFields).length ? { customFields } : {}),
          },
        },
        { onSuccess: (i) => onDone(i as EquipmentItem) },
      );
    }
    const changed = changes(toBody(valuesOf(record)), body);
    const customChanged = changedValues((record.customFields ?? {}) as CustomFieldValues, custom);
    if (Object.keys(changed).length === 0 && Object.keys(customChanged).length === 0) {
      return onCancel();
    }
    save.mutate(
      {
        id: record.id,
        body: {
          ...changed,
          ...(Object.keys(customChanged).length ? { customFields: customChanged } : {}),
          version: record.version ?? 0,
        } as EquipmentItemUpdate,
      },
      { onSuccess: (i) => onDone(i as EquipmentItem) },
    );
  };

  return (
    <FormShell
      onSubmit={form.onSubmit(submit)}
      onCancel={onCancel}
      onReload={onReload}
      saving={save.isPending}
      error={save.error}
      fields={[...FIELDS, ...fields.map((f) => `customFields.${f.key}`)]}
      messages={messages}
      conflictText={t('registers:conflictKeepsInput')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('items.type')}
          withAsterisk
          data={(types.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
          allowDeselect={false}
          searchable
          data-testid="item-type"
          {...field('typeId')}
          value={form.values.typeId || null}
          onChange={(v) => form.setFieldValue('typeId', v ?? '')}
        />
        <Select
          label={t('common.status')}
          allowDeselect={false}
          data={(['in_service', 'under_repair', 'retired'] as const).map((s) => ({
            value: s,
            label: t(`itemStatus.${s}`),
          }))}
          {...field('status')}
        />
      </SimpleGrid>
      {!record && (
        <OrganizationPicker
          label={t('common.organization')}
          withAsterisk
          value={orgId}
          onChange={(id) => {
            form.setFieldValue('organizationId', id ?? '');
            form.setFieldValue('serviceObjectId', '');
            form.setFieldValue('parentId', '');
          }}
          error={errors.organizationId}
          data-testid="item-organization"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('items.object')}
          placeholder={t('items.noObject')}
          clearable
          searchable
          disabled={!orgId}
          data={(objects.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          data-testid="item-object"
          value={form.values.serviceObjectId || null}
          onChange={(v) => form.setFieldValue('serviceObjectId', v ?? '')}
          error={errors.serviceObjectId}
        />
        <Select
          label={t('items.parent')}
          placeholder={t('items.noParent')}
          clearable
          searchable
          disabled={!orgId}
          data={(parents.data?.items ?? [])
            .filter((p) => p.id !== record?.id)
            .map((p) => ({ value: p.id, label: itemPickerLabel(p) }))}
          value={form.values.parentId || null}
          onChange={(v) => form.setFieldValue('parentId', v ?? '')}
          error={errors.parentId}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('items.manufacturer')} maxLength={200} {...field('manufacturer')} />
        <TextInput label={t('items.model')} maxLength={200} {...field('model')} />
        <TextInput
          label={t('items.serial')}
          maxLength={100}
          data-testid="item-serial"
          {...field('serialNumber')}
        />
        <TextInput
          label={t('items.inventory')}
          maxLength={100}
          data-testid="item-inventory"
          {...field('inventoryNumber')}
        />
        <TextInput type="date" label={t('items.installedOn')} {...field('installedOn')} />
        <TextInput
          type="date"
          label={t('items.warrantyUntil')}
          data-testid="item-warranty"
          {...field('warrantyUntil')}
        />
      </SimpleGrid>
      {fields.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('items.customFields')}
          </Text>
          <CustomFieldsForm
            fields={fields}
            values={custom}
            onChange={(key: string, value: CustomFieldValue) =>
              setCustom((c) => ({ ...c, [key]: value }))
            }
            errors={errors}
            testIdPrefix="item-custom"
            {...pickers}
          />
        </Stack>
      )}
    </FormShell>
  );
}
