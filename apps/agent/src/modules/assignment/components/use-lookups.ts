import { useTranslatedName } from '@relaydesk/web-ui';
import { useGroups, useOrganizations, useStaff } from '../../directory/hooks';
import { useCategories, useProjects, useTicketTypes } from '../../tickets/hooks';
import { categoryOptions } from '../../tickets/components/pickers';

export interface Option {
  value: string;
  label: string;
}

/**
 * What rule and policy editors pick from (a help desk has tens of each, not thousands): ticket
 * types, categories, organizations, projects, groups and staff, as select options, plus names
 * by id for the summaries in the lists.
 */
export function useRoutingLookups() {
  const name = useTranslatedName();
  const types = useTicketTypes();
  const categories = useCategories();
  const organizations = useOrganizations({ limit: 200 });
  const projects = useProjects(undefined);
  const groups = useGroups({ limit: 200 });
  const { staff } = useStaff();

  const options = {
    typeIds: (types.data ?? []).map((x) => ({ value: x.id, label: name(x.name) })),
    categoryIds: categoryOptions(categories.data ?? [], name, (c) => c.active !== false).map(
      (o) => ({
        value: o.value,
        label: o.label,
      }),
    ),
    organizationIds: (organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
    projectIds: (projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
    groupId: (groups.data?.items ?? [])
      .filter((g) => g.active)
      .map((g) => ({ value: g.id, label: g.name })),
    assigneeId: staff.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
  };
  const names = new Map<string, string>();
  for (const list of Object.values(options)) for (const o of list) names.set(o.value, o.label);
  for (const g of groups.data?.items ?? []) names.set(g.id, g.name);
  for (const u of staff) names.set(u.id, u.name);
  return { options, nameOf: (id: string) => names.get(id) ?? `#${id.slice(0, 8)}` };
}

/** Keeps an option for every chosen id, even one no longer offered (inactive, filtered out). */
export function withChosen(
  options: Option[],
  chosen: readonly string[],
  nameOf: (id: string) => string,
) {
  const known = new Set(options.map((o) => o.value));
  return [
    ...options,
    ...chosen.filter((id) => !known.has(id)).map((id) => ({ value: id, label: nameOf(id) })),
  ];
}
