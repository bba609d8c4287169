import { useTranslation } from 'react-i18next';
import { useProjects } from '../../hooks';
import type { Project } from '../../../projects/api';
import { RemoteSelect, usePickerState, type PickerSelectProps } from './remote-select';

export interface ProjectPickerProps extends PickerSelectProps {
  value: string | null;
  onChange: (projectId: string | null, project: Project | null) => void;
  selectedName?: string | null;
}

/** Searchable select of active projects; the manager shows as a hint. */
export function ProjectPicker({ value, onChange, selectedName, ...rest }: ProjectPickerProps) {
  const { t } = useTranslation('ticketWork');
  const state = usePickerState(value, selectedName);
  const projects = useProjects(state.q, state.opened);
  return (
    <RemoteSelect<Project>
      placeholder={t('fields.searchProject')}
      {...rest}
      state={state}
      value={value}
      onChange={onChange}
      items={projects.data?.items}
      loading={projects.isFetching}
      toOption={(p) => ({ value: p.id, label: p.name, hint: p.manager.name })}
    />
  );
}
