import { Checkbox, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTranslatedName } from '@relaydesk/web-ui';
import { changes } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import { NamesInputs, namesBody, namesOf } from '../../../shared/forms/names-inputs';
import { useClearable } from '../../../shared/forms/clearable';
import type { Category } from '../api';
import { useSaveCategory } from '../hooks';

const FIELDS = ['name', 'name.en', 'name.ru', 'name.cs', 'parentId', 'isPublic', 'active'] as const;

function valuesOf(category?: Category, parentId?: string | null) {
  return {
    name: namesOf(category?.name),
    parentId: category ? category.parentId : (parentId ?? null),
    isPublic: category?.isPublic ?? true,
    active: category?.active ?? true,
  };
}
type Values = ReturnType<typeof valuesOf>;

const toBody = (v: Values) => ({
  name: namesBody(v.name),
  parentId: v.parentId,
  isPublic: v.isPublic,
  active: v.active,
});

interface CategoryFormProps {
  category?: Category;
  /** For a new subcategory: its parent. */
  parentId?: string | null;
  /** Every category, to offer the top-level ones as parents. */
  all: Category[];
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}

/** A category: its name, its parent (two levels only), whether clients see it, active. */
export function CategoryForm({
  category,
  parentId,
  all,
  onDone,
  onCancel,
  onReload,
}: CategoryFormProps) {
  const { t } = useTranslation(['categories', 'admin']);
  const tn = useTranslatedName();
  const save = useSaveCategory();
  const clearable = useClearable();
  const { form, field, errors } = useRecordForm({
    initialValues: valuesOf(category, parentId),
    validate: (v) => (v.name.en.trim() ? {} : { 'name.en': t('admin:validation.required') }),
    saveError: save.error,
  });
  const { values } = form;
  const hasChildren = !!category && all.some((c) => c.parentId === category.id);
  const parents = all
    .filter((c) => c.parentId === null && c.id !== category?.id)
    .map((c) => ({
      value: c.id,
      label: c.active ? tn(c.name) : `${tn(c.name)} (${t('inactive')})`,
    }));

  const submit = (submitted: Values) => {
    const body = toBody(submitted);
    if (!category) return save.mutate({ body }, { onSuccess: onDone });
    const changed = changes(toBody(valuesOf(category)), body);
    if (Object.keys(changed).length === 0) return onCancel();
    save.mutate(
      { id: category.id, body: { ...changed, version: category.version } },
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
      <NamesInputs
        value={values.name}
        onChange={(name) => form.setFieldValue('name', name)}
        errors={errors}
        testId="category-name"
      />
      <Select
        label={t('form.parent')}
        description={hasChildren ? t('form.parentLocked') : t('form.parentHint')}
        placeholder={t('form.topLevel')}
        data={parents}
        {...field('parentId')}
        disabled={hasChildren}
        searchable
        {...clearable(t('form.parent'))}
        data-testid="category-parent"
      />
      <Checkbox
        label={t('form.isPublic')}
        description={t('form.isPublicHint')}
        {...field('isPublic', { type: 'checkbox' })}
      />
      <Checkbox
        label={t('form.active')}
        description={t('form.activeHint')}
        {...field('active', { type: 'checkbox' })}
      />
    </FormShell>
  );
}
