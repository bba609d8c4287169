import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type RegisterImport = Schemas['RegisterImportDto'];
export type ImportRegister = RegisterImport['register'];
export const IMPORT_REGISTERS: ImportRegister[] = [
  'organizations',
  'contacts',
  'service_objects',
  'equipment',
];

/** CSV import and export of the registers: one function per endpoint. */
export const registerImportApi = {
  upload: (api: ApiClient, register: ImportRegister, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return unwrap(
      api.POST('/api/v1/registers/{register}/imports', {
        params: { path: { register } },
        body: form as never,
        bodySerializer: (b: unknown) => b as FormData,
      }),
    ) as Promise<RegisterImport>;
  },
  get: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/register-imports/{id}', { params: { path: { id } } })),
  start: (api: ApiClient, id: string) =>
    unwrap(api.POST('/api/v1/register-imports/{id}/import', { params: { path: { id } } })),
  /** Through the authorized client (the token never goes in a URL), as a file to save. */
  export: (api: ApiClient, register: ImportRegister, delimiter: 'comma' | 'semicolon') =>
    unwrap(
      api.GET('/api/v1/registers/{register}/export', {
        params: { path: { register }, query: { delimiter } },
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
};
