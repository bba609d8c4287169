import {
  ApiError,
  createApiClient,
  unwrap,
  type Problem,
  type Schemas,
} from '@relaydesk/api-client';

export type WebFormConfig = Schemas['WebFormConfigDto'];
export type WebFormSubmission = Schemas['WebFormSubmissionDto'];
export type WebFormSubmissionResult = Schemas['WebFormSubmissionResultDto'];
export type WebFormConfirmation = Schemas['WebFormConfirmationDto'];

// The form has no session: a plain client, no Authorization header, no refresh.
const api = createApiClient();

/** The public web form's endpoints (no sign-in). */
export const webFormApi = {
  config: () => unwrap(api.GET('/api/v1/web-form')),
  submit: (body: WebFormSubmission, files: File[] = []) =>
    files.length === 0
      ? unwrap(api.POST('/api/v1/web-form/submissions', { body }))
      : submitMultipart(body, files),
  confirm: (token: string) =>
    unwrap(api.POST('/api/v1/web-form/confirm/{token}', { params: { path: { token } } })),
};

/** The same submission as multipart/form-data, with the files in `files`. */
async function submitMultipart(
  body: WebFormSubmission,
  files: File[],
): Promise<WebFormSubmissionResult> {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) form.append(key, String(value));
  }
  for (const file of files) form.append('files', file);
  const res = await fetch('/api/v1/web-form/submissions', { method: 'POST', body: form });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(
      json && typeof json === 'object' && 'status' in json
        ? (json as Problem)
        : { type: 'about:blank', title: res.statusText || 'Error', status: res.status },
    );
  }
  return json as WebFormSubmissionResult;
}
