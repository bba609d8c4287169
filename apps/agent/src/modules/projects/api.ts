import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type Project = Schemas['ProjectDto'];
export type CreateProjectBody = Schemas['CreateProjectDto'];
export type UpdateProjectBody = Schemas['UpdateProjectDto'];
export type ProjectsQuery = NonNullable<paths['/api/v1/projects']['get']['parameters']['query']>;

/** One function per project endpoint. */
export const projectsApi = {
  list: (api: ApiClient, query: ProjectsQuery) =>
    unwrap(api.GET('/api/v1/projects', { params: { query } })),
  get: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })),
  create: (api: ApiClient, body: CreateProjectBody) =>
    unwrap(api.POST('/api/v1/projects', { body })),
  update: (api: ApiClient, id: string, body: UpdateProjectBody) =>
    unwrap(api.PATCH('/api/v1/projects/{id}', { params: { path: { id } }, body })),
  watchers: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/projects/{id}/watchers', { params: { path: { id } } })),
  replaceWatchers: (api: ApiClient, id: string, userIds: string[]) =>
    unwrap(
      api.PUT('/api/v1/projects/{id}/watchers', { params: { path: { id } }, body: { userIds } }),
    ),
};
