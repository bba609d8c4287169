import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KB_AUDIENCES, type KbAudience } from '@relaydesk/contracts';
import { useFieldErrors } from '@relaydesk/web-ui';
import type { KbAdminSection } from './kb-admin-api';
import { useSectionErrorText } from './kb-admin-errors';
import { useCreateKbSection, useUpdateKbSection } from './kb-admin-hooks';
import { KbAdminOrganizationsSelect } from './kb-admin-organizations-select';
import { nextPosition, parentChoices, sectionRows } from './kb-sections-model';

export type KbSectionEditing =
  { mode: 'create'; parentId: string | null } | { mode: 'edit'; section: KbAdminSection };

interface Props {
  editing: KbSectionEditing;
  sections: KbAdminSection[];
  onClose: () => void;
}

const TOP = '';

/** Add or change a section: name, description, where it sits, who it is for. */
export function KbSectionForm({ editing, sections, onClose }: Props) {
  const { t } = useTranslation(['kbAdmin', 'common']);
  const current = editing.mode === 'edit' ? editing.section : null;
  const [name, setName] = useState(current?.name ?? '');
  const [description, setDescription] = useState(current?.description ?? '');
  const [parentId, setParentId] = useState<string>(
    (editing.mode === 'edit' ? editing.section.parentId : editing.parentId) ?? TOP,
  );
  const [audience, setAudience] = useState<KbAudience>(current?.audience ?? 'clients');
  const [organizationIds, setOrganizationIds] = useState<string[]>(current?.organizationIds ?? []);
  const create = useCreateKbSection();
  const update = useUpdateKbSection();
  const mutation = current ? update : create;
  const errorText = useSectionErrorText();
  const fieldErrors = useFieldErrors()(mutation.error);

  const rows = parentChoices(sectionRows(sections), current?.id ?? null);
  const parentData = [
    { value: TOP, label: t('form.topLevel') },
    ...rows.map((r) => ({
      value: r.section.id,
      label: `${'— '.repeat(r.depth)}${r.section.name}`,
    })),
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parent = parentId === TOP ? null : parentId;
    // Organizations narrow a clients section only; another audience keeps none.
    const orgs = audience === 'clients' ? organizationIds : [];
    const fields = { name: name.trim(), description, audience, organizationIds: orgs };
    if (!current) {
      create.mutate(
        { ...fields, parentId: parent, position: nextPosition(sections, parent) },
        { onSuccess: onClose },
      );
      return;
    }
    const moved = parent !== current.parentId;
    update.mutate(
      {
        id: current.id,
        body: {
          ...fields,
          version: current.version,
          ...(moved ? { parentId: parent, position: nextPosition(sections, parent) } : {}),
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={current ? t('form.editTitle', { name: current.name }) : t('form.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <form onSubmit={submit} noValidate data-testid="kb-section-form">
        <Stack gap="md">
          {mutation.error != null && (
            <Alert color="red" variant="light" role="alert" data-testid="kb-section-form-error">
              {errorText(mutation.error)}
            </Alert>
          )}
          <TextInput
            label={t('form.name')}
            withAsterisk
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            maxLength={200}
            data-autofocus
            data-testid="kb-section-name"
          />
          <Textarea
            label={t('form.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldErrors.description}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Select
            label={t('form.parent')}
            description={t('form.parentHint')}
            data={parentData}
            value={parentId}
            onChange={(v) => setParentId(v ?? TOP)}
            allowDeselect={false}
            searchable
            error={fieldErrors.parentId}
            data-testid="kb-section-parent"
          />
          <Radio.Group
            label={t('form.audience')}
            value={audience}
            onChange={(v) => setAudience(v as KbAudience)}
          >
            <Stack gap="xs" mt="xs">
              {KB_AUDIENCES.map((a) => (
                <Radio
                  key={a}
                  value={a}
                  label={t(`audience.${a}`)}
                  description={t(`audienceHint.${a}`)}
                  data-testid={`kb-section-audience-${a}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          {audience === 'clients' && (
            <KbAdminOrganizationsSelect
              value={organizationIds}
              onChange={setOrganizationIds}
              error={fieldErrors.organizationIds}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="kb-section-save">
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
