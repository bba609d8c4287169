import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import { useGroups } from '../../directory/hooks';
import type { ServiceAccount } from '../api';
import { useSaveServiceAccount } from '../hooks';

const ROLES = ['agent', 'dispatcher', 'admin'] as const;
type Role = (typeof ROLES)[number];

interface Props {
  account?: ServiceAccount;
  onDone: () => void;
  onCancel: () => void;
}

/** Creates a service account, or changes one (its tokens are managed apart). */
export function ServiceAccountForm({ account, onDone, onCancel }: Props) {
  const { t } = useTranslation(['serviceAccountsAdmin', 'common']);
  const groups = useGroups({ active: true, limit: 200 });
  const save = useSaveServiceAccount();
  const [name, setName] = useState(account?.name ?? '');
  const [description, setDescription] = useState(account?.description ?? '');
  const [role, setRole] = useState<Role>(account?.role ?? 'agent');
  const [groupIds, setGroupIds] = useState<string[]>(account?.groupIds ?? []);
  const [canViewAll, setCanViewAll] = useState(account?.canViewAll ?? false);
  const errors = fieldErrors(save.error);

  const groupOptions = (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }));
  // A group deactivated since it was chosen still shows, by id, so saving does not drop it.
  for (const id of groupIds) {
    if (!groupOptions.some((o) => o.value === id)) groupOptions.push({ value: id, label: id });
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name, description: description.trim() || null, role, groupIds, canViewAll };
    save.mutate(
      account ? { id: account.id, body: { ...body, version: account.version } } : { body },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="service-account-form">
      <Stack gap="sm">
        {save.error && <ProblemMessage error={save.error} />}
        <TextInput
          label={t('fields.name')}
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-testid="service-account-name"
        />
        <Textarea
          label={t('fields.description')}
          autosize
          minRows={2}
          maxLength={500}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <NativeSelect
          label={t('fields.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          data-testid="service-account-role"
        />
        <MultiSelect
          label={t('fields.groups')}
          description={t('fields.groupsHint')}
          data={groupOptions}
          value={groupIds}
          onChange={setGroupIds}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          error={Object.entries(errors).find(([f]) => f.startsWith('groupIds'))?.[1]}
          data-testid="service-account-groups"
        />
        <Checkbox
          label={t('fields.canViewAll')}
          checked={canViewAll}
          onChange={(e) => setCanViewAll(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="service-account-save">
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
