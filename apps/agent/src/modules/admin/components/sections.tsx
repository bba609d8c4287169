import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Department, Group, Organization, User } from '../../directory/api';
import {
  useSaveDepartment,
  useSaveGroup,
  useSaveOrganization,
  useSaveUser,
  useOrganizations,
  useStaff,
} from '../../directory/hooks';
import {
  useAllDepartments,
  useDepartmentPages,
  useGroupPages,
  useOrganizationPages,
  useReloadRecord,
  useUserPages,
} from '../hooks';
import { AdminSection, type Column } from '../../../shared/forms/admin-section';
import { DepartmentForm } from './department-form';
import { GroupForm } from './group-form';
import { OrganizationForm } from './organization-form';
import { UserForm } from './user-form';

const dash = '—';

/** A name with a second, dimmed line (e-mail, description). */
function Named({ name, detail }: { name: string; detail?: string | null }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {name}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {detail}
        </Text>
      )}
    </>
  );
}

export function UsersSection() {
  const { t } = useTranslation('admin');
  const reload = useReloadRecord('users');
  const { byId: departments } = useAllDepartments();
  const organizations = useOrganizations({ limit: 200 });
  const orgNames = new Map((organizations.data?.items ?? []).map((o) => [o.id, o.name]));
  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('columns.fullName'),
      cell: (u) => <Named name={u.name} detail={u.email} />,
    },
    { key: 'role', header: t('columns.role'), cell: (u) => t(`common:role.${u.role}`) },
    {
      key: 'placement',
      header: t('columns.placement'),
      cell: (u) =>
        (u.organizationId
          ? orgNames.get(u.organizationId)
          : u.departmentId
            ? departments.get(u.departmentId)?.name
            : null) ?? dash,
    },
  ];
  return (
    <AdminSection
      kind="users"
      usePages={useUserPages}
      useSave={useSaveUser}
      reload={reload}
      columns={columns}
      Form={UserForm}
    />
  );
}

export function OrganizationsSection() {
  const { t } = useTranslation('admin');
  const reload = useReloadRecord('organizations');
  const columns: Column<Organization>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (o) => <Named name={o.name} detail={o.address} />,
    },
    { key: 'taxId', header: t('columns.taxId'), cell: (o) => o.taxId ?? dash },
    {
      key: 'contacts',
      header: t('columns.contacts'),
      cell: (o) => [o.phone, o.email].filter(Boolean).join(', ') || dash,
    },
  ];
  return (
    <AdminSection
      kind="organizations"
      usePages={useOrganizationPages}
      useSave={useSaveOrganization}
      reload={reload}
      columns={columns}
      Form={OrganizationForm}
    />
  );
}

export function DepartmentsSection() {
  const { t } = useTranslation('admin');
  const reload = useReloadRecord('departments');
  const { byId: departments } = useAllDepartments();
  const { byId: staff } = useStaff();
  const columns: Column<Department>[] = [
    { key: 'name', header: t('columns.name'), cell: (d) => <Named name={d.name} /> },
    {
      key: 'parent',
      header: t('columns.parent'),
      cell: (d) => (d.parentId ? departments.get(d.parentId)?.name : null) ?? dash,
    },
    {
      key: 'head',
      header: t('columns.head'),
      cell: (d) => (d.headId ? staff.get(d.headId)?.name : null) ?? dash,
    },
  ];
  return (
    <AdminSection
      kind="departments"
      usePages={useDepartmentPages}
      useSave={useSaveDepartment}
      reload={reload}
      columns={columns}
      Form={DepartmentForm}
    />
  );
}

export function GroupsSection() {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('assignmentAdmin');
  const reload = useReloadRecord('groups');
  const { byId: staff } = useStaff();
  const columns: Column<Group>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (g) => <Named name={g.name} detail={g.description} />,
    },
    {
      key: 'lead',
      header: t('columns.lead'),
      cell: (g) => (g.leadId ? staff.get(g.leadId)?.name : null) ?? dash,
    },
    {
      key: 'routing',
      header: ta('group.column'),
      cell: (g) => (
        <>
          <Text size="sm">
            {g.supportLevel ? ta('levelValue', { level: g.supportLevel }) : dash}
          </Text>
          <Text size="xs" c="dimmed">
            {ta(`group.distributions.${g.distribution}`)}
          </Text>
        </>
      ),
    },
    {
      key: 'members',
      header: t('columns.members'),
      cell: (g) => {
        if (g.memberIds.length === 0) return dash;
        const names = g.memberIds.map((id) => staff.get(id)?.name).filter(Boolean);
        return (
          <Text size="sm" lineClamp={2} title={names.join(', ')}>
            {names.length === g.memberIds.length
              ? names.join(', ')
              : t('columns.membersCount', { count: g.memberIds.length })}
          </Text>
        );
      },
    },
  ];
  return (
    <AdminSection
      kind="groups"
      usePages={useGroupPages}
      useSave={useSaveGroup}
      reload={reload}
      columns={columns}
      Form={GroupForm}
    />
  );
}
