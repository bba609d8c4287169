import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type User = Schemas['UserDto'];
/**
 * An organization as staff get it: every field. The schema's optional ones are those a client
 * contact does not receive (see OrganizationDto), so the agent app reads them as always there.
 */
export type Organization = Required<Schemas['OrganizationDto']>;
type OrganizationPage = Omit<Schemas['OrganizationPageDto'], 'items'> & { items: Organization[] };
export type Department = Schemas['DepartmentDto'];
export type Group = Schemas['GroupDto'];
export type UsersQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type OrganizationsQuery = NonNullable<
  paths['/api/v1/organizations']['get']['parameters']['query']
>;
export type DepartmentsQuery = NonNullable<
  paths['/api/v1/departments']['get']['parameters']['query']
>;
export type GroupsQuery = NonNullable<paths['/api/v1/groups']['get']['parameters']['query']>;

/** One function per directory endpoint (pickers, filters and administration use them). */
export const directoryApi = {
  users: (api: ApiClient, query: UsersQuery) =>
    unwrap(api.GET('/api/v1/users', { params: { query } })),
  user: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  createUser: (api: ApiClient, body: Schemas['CreateUserDto']) =>
    unwrap(api.POST('/api/v1/users', { body })),
  updateUser: (api: ApiClient, id: string, body: Schemas['UpdateUserDto']) =>
    unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),

  organizations: (api: ApiClient, query: OrganizationsQuery) =>
    unwrap(api.GET('/api/v1/organizations', { params: { query } })) as Promise<OrganizationPage>,
  organization: (api: ApiClient, id: string) =>
    unwrap(
      api.GET('/api/v1/organizations/{id}', { params: { path: { id } } }),
    ) as Promise<Organization>,
  createOrganization: (api: ApiClient, body: Schemas['CreateOrganizationDto']) =>
    unwrap(api.POST('/api/v1/organizations', { body })) as Promise<Organization>,
  updateOrganization: (api: ApiClient, id: string, body: Schemas['UpdateOrganizationDto']) =>
    unwrap(
      api.PATCH('/api/v1/organizations/{id}', { params: { path: { id } }, body }),
    ) as Promise<Organization>,

  departments: (api: ApiClient, query: DepartmentsQuery) =>
    unwrap(api.GET('/api/v1/departments', { params: { query } })),
  createDepartment: (api: ApiClient, body: Schemas['CreateDepartmentDto']) =>
    unwrap(api.POST('/api/v1/departments', { body })),
  updateDepartment: (api: ApiClient, id: string, body: Schemas['UpdateDepartmentDto']) =>
    unwrap(api.PATCH('/api/v1/departments/{id}', { params: { path: { id } }, body })),

  groups: (api: ApiClient, query: GroupsQuery) =>
    unwrap(api.GET('/api/v1/groups', { params: { query } })),
  createGroup: (api: ApiClient, body: Schemas['CreateGroupDto']) =>
    unwrap(api.POST('/api/v1/groups', { body })),
  updateGroup: (api: ApiClient, id: string, body: Schemas['UpdateGroupDto']) =>
    unwrap(api.PATCH('/api/v1/groups/{id}', { params: { path: { id } }, body })),

  me: (api: ApiClient) => unwrap(api.GET('/api/v1/me')),
  updateMe: (api: ApiClient, body: Schemas['UpdateMeDto']) =>
    unwrap(api.PATCH('/api/v1/me', { body })),
};
