import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../projects/api';
import { useProjectPages, useReloadProject, useSaveProject } from '../../projects/hooks';
import type { ListFilter } from '../../../shared/forms/admin-section';
import { useStaff } from '../../directory/hooks';
import { AdminSection, type Column } from '../../../shared/forms/admin-section';
import { ProjectForm } from './project-form';

const PAGE_SIZE = 50;
const usePages = (filter: ListFilter) => useProjectPages({ ...filter, limit: PAGE_SIZE });

/** Projects (Pythagoras): name, manager, members. */
export function ProjectsSection() {
  const { t } = useTranslation('admin');
  const reload = useReloadProject();
  const { byId: staff } = useStaff();
  const columns: Column<Project>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (p) => (
        <>
          <Text size="sm" fw={500}>
            {p.name}
          </Text>
          {p.description && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {p.description}
            </Text>
          )}
        </>
      ),
    },
    { key: 'manager', header: t('columns.manager'), cell: (p) => p.manager.name },
    {
      key: 'members',
      header: t('columns.members'),
      cell: (p) => {
        if (p.memberIds.length === 0) return '—';
        const names = p.memberIds.map((id) => staff.get(id)?.name).filter(Boolean);
        return (
          <Text size="sm" lineClamp={2} title={names.join(', ')}>
            {names.length === p.memberIds.length
              ? names.join(', ')
              : t('columns.membersCount', { count: p.memberIds.length })}
          </Text>
        );
      },
    },
  ];
  return (
    <AdminSection
      kind="projects"
      usePages={usePages}
      useSave={useSaveProject}
      reload={reload}
      columns={columns}
      Form={ProjectForm}
    />
  );
}
