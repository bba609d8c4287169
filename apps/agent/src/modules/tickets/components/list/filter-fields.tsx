import { MultiSelect, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_CHANNELS } from '@relaydesk/contracts';
import { useTranslatedName } from '@relaydesk/web-ui';
import { useProjects, useTicketTypes, useWorkflows } from '../../hooks';
import { CategorySelect, ProjectPicker } from '../pickers';
import DateRangeFilter from './date-range-filter';
import { GroupSelect, OrganizationSelect, StaffSelect, UserSelect } from './directory-selects';
import type { ListState, ParamPatch } from './list-params';
import { FILTER_GRID_COLS } from './filter-grid';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Names of ids seen in the listed tickets, so filters from a link show names, not "selected". */
export type KnownLabels = Partial<
  Record<'organizationId' | 'assigneeId' | 'groupId' | 'requesterId', string>
>;

export interface FilterFieldsProps {
  state: ListState;
  update: (patch: ParamPatch) => void;
  knownLabels: KnownLabels;
}

/**
 * The filter inputs. Loaded on demand (selects and the date picker are sizeable and the list
 * page is part of the first load); the search box does not wait for them.
 */
export default function FilterFields({ state, update, knownLabels }: FilterFieldsProps) {
  const { t } = useTranslation(['ticketList', 'common', 'ticketDetail']);
  const translate = useTranslatedName();
  const workflows = useWorkflows();
  const types = useTicketTypes();

  // Statuses of every workflow, once per key (the Okdesk workflow is the usual one).
  const statusNames = new Map<string, string>();
  for (const wf of workflows.data ?? []) {
    for (const s of wf.statuses) {
      if (!statusNames.has(s.key)) statusNames.set(s.key, translate(s.name));
    }
  }
  for (const key of state.status) if (!statusNames.has(key)) statusNames.set(key, key);
  const statusOptions = [...statusNames].map(([value, label]) => ({ value, label }));

  const priorityOptions = PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }));
  const channelOptions = TICKET_CHANNELS.map((c) => ({
    value: c,
    label: t(`ticketDetail:channel.${c}`),
  }));
  const typeOptions = (types.data ?? []).map((ty) => ({ value: ty.id, label: translate(ty.name) }));
  // A project filter from a link: its name, from the (short) list of active projects.
  const projects = useProjects(undefined, !!state.projectId);
  const projectName = projects.data?.items.find((p) => p.id === state.projectId)?.name;

  return (
    <SimpleGrid cols={FILTER_GRID_COLS} spacing="sm" verticalSpacing="xs">
      <MultiSelect
        label={t('filters.status')}
        placeholder={state.status.length ? undefined : t('filters.any')}
        data={statusOptions}
        value={state.status}
        onChange={(v) => update({ status: v })}
        clearable
        clearButtonProps={{ 'aria-label': t('filters.clearValue', { label: t('filters.status') }) }}
        comboboxProps={{ withinPortal: true }}
        data-testid="filter-status"
      />
      <MultiSelect
        label={t('filters.priority')}
        placeholder={state.priority.length ? undefined : t('filters.any')}
        data={priorityOptions}
        value={state.priority}
        onChange={(v) => update({ priority: v })}
        clearable
        clearButtonProps={{
          'aria-label': t('filters.clearValue', { label: t('filters.priority') }),
        }}
        comboboxProps={{ withinPortal: true }}
        data-testid="filter-priority"
      />
      <MultiSelect
        label={t('filters.channel')}
        placeholder={state.channel.length ? undefined : t('filters.any')}
        data={channelOptions}
        value={state.channel}
        onChange={(v) => update({ channel: v })}
        clearable
        clearButtonProps={{
          'aria-label': t('filters.clearValue', { label: t('filters.channel') }),
        }}
        comboboxProps={{ withinPortal: true }}
        data-testid="filter-channel"
      />
      <Select
        label={t('filters.type')}
        placeholder={t('filters.any')}
        data={typeOptions}
        value={state.typeId}
        onChange={(v) => update({ typeId: v })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('filters.clearValue', { label: t('filters.type') }) }}
        nothingFoundMessage={t('filters.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        data-testid="filter-type"
      />
      <OrganizationSelect
        label={t('filters.organization')}
        value={state.organizationId}
        onChange={(v) => update({ organizationId: v })}
        knownLabel={knownLabels.organizationId}
        testId="filter-organization"
      />
      <StaffSelect
        label={t('filters.assignee')}
        value={state.assigneeId}
        onChange={(v) => update({ assigneeId: v })}
        knownLabel={knownLabels.assigneeId}
        testId="filter-assignee"
      />
      <GroupSelect
        label={t('filters.group')}
        value={state.groupId}
        onChange={(v) => update({ groupId: v })}
        knownLabel={knownLabels.groupId}
        testId="filter-group"
      />
      <UserSelect
        label={t('filters.requester')}
        value={state.requesterId}
        onChange={(v) => update({ requesterId: v })}
        knownLabel={knownLabels.requesterId}
        testId="filter-requester"
      />
      <CategorySelect
        label={t('filters.category')}
        placeholder={t('filters.any')}
        value={state.categoryId}
        onChange={(v) => update({ categoryId: v })}
        data-testid="filter-category"
      />
      <ProjectPicker
        label={t('filters.project')}
        placeholder={t('filters.any')}
        value={state.projectId}
        selectedName={projectName}
        onChange={(v) => update({ projectId: v })}
        clearButtonProps={{
          'aria-label': t('filters.clearValue', { label: t('filters.project') }),
        }}
        comboboxProps={{ withinPortal: true }}
        data-testid="filter-project"
      />
      <DateRangeFilter
        label={t('filters.created')}
        from={state.createdFrom}
        to={state.createdTo}
        onChange={(from, to) => update({ createdFrom: from, createdTo: to })}
        testId="filter-created"
      />
      <DateRangeFilter
        label={t('filters.due')}
        from={state.dueFrom}
        to={state.dueTo}
        onChange={(from, to) => update({ dueFrom: from, dueTo: to })}
        testId="filter-due"
      />
    </SimpleGrid>
  );
}
