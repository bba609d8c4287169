import { Flex, NativeSelect, SegmentedControl, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { informationalShown, STATUS_FILTERS, type StatusFilter } from '../status-filters';

export type Scope = 'mine' | 'organization';

export interface TicketFilterValues {
  scope: Scope;
  status: StatusFilter | '';
  /** A project id of the client's, or '' for all. */
  project: string;
  search: string;
}

export function TicketFilters({
  values,
  canViewOrganization,
  projects,
  informationalCount,
  onChange,
}: {
  values: TicketFilterValues;
  canViewOrganization: boolean;
  /** The client's projects; without any, there is no project filter. */
  projects: { id: string; name: string }[];
  /** The client's informational tickets: their filter shows only when there are some. */
  informationalCount: number | undefined;
  onChange: (patch: Partial<TicketFilterValues>) => void;
}) {
  const { t } = useTranslation('tickets');
  const { t: tp } = useTranslation('ticketProgress');
  return (
    <>
      {canViewOrganization && (
        <SegmentedControl
          fullWidth
          aria-label={t('list.scope.label')}
          value={values.scope}
          onChange={(scope) => onChange({ scope: scope as Scope })}
          data={[
            { value: 'mine', label: t('list.scope.mine') },
            { value: 'organization', label: t('list.scope.organization') },
          ]}
          data-testid="portal-scope-switch"
          styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
        />
      )}
      <Flex direction={{ base: 'column', xs: 'row' }} gap="sm">
        <TextInput
          type="search"
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={values.search}
          onChange={(e) => onChange({ search: e.currentTarget.value })}
          style={{ flex: 1 }}
          data-testid="portal-search"
        />
        <NativeSelect
          label={t('list.status.label')}
          value={values.status}
          onChange={(e) => onChange({ status: e.currentTarget.value as StatusFilter | '' })}
          data={[
            { value: '', label: t('list.status.all') },
            ...(Object.keys(STATUS_FILTERS) as StatusFilter[])
              .filter(
                (key) =>
                  key !== 'informational' || informationalShown(informationalCount, values.status),
              )
              .map((key) => ({ value: key, label: t(`list.status.${key}`) })),
          ]}
          miw={{ xs: 220 }}
          data-testid="portal-status-filter"
        />
        {projects.length > 0 && (
          <NativeSelect
            label={tp('project.label')}
            value={values.project}
            onChange={(e) => onChange({ project: e.currentTarget.value })}
            data={[
              { value: '', label: tp('project.all') },
              ...projects.map((p) => ({ value: p.id, label: p.name })),
            ]}
            miw={{ xs: 200 }}
            data-testid="portal-project-filter"
          />
        )}
      </Flex>
    </>
  );
}
