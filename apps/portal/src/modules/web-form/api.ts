import { createApiClient, unwrap, type Schemas } from '@relaydesk/api-client';

export type WebFormConfig = Schemas['WebFormConfigDto'];
export type WebFormSubmission = Schemas['WebFormSubmissionDto'];
export type WebFormSubmissionResult = Schemas['WebFormSubmissionResultDto'];
export type WebFormConfirmation = Schemas['WebFormConfirmationDto'];

// The form has no session: a plain client, no Authorization header, no refresh.
const api = createApiClient();

/** The public web form's endpoints (no sign-in). */
export const webFormApi = {
  config: () => unwrap(api.GET('/api/v1/web-form')),
  submit: (body: WebFormSubmission) => unwrap(api.POST('/api/v1/web-form/submissions', { body })),
  confirm: (token: string) =>
    unwrap(api.POST('/api/v1/web-form/confirm/{token}', { params: { path: { token } } })),
};
