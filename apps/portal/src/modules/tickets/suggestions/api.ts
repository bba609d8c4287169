import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

/** The new-ticket form's own endpoint: which suggested article the client opened. */
export const suggestionOpensApi = {
  record: (api: ApiClient, body: Schemas['RecordKbSuggestionOpenDto']) =>
    unwrap(api.POST('/api/v1/kb/suggestion-opens', { body })),
};
