import { useMutation } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import type { Schemas } from '@relaydesk/api-client';
import { suggestionOpensApi } from './api';

/**
 * Records an opened suggestion. Sent as the client follows the link: the request outlives the
 * form's unmount, and a lost one costs one open in the report, never the client's way to the
 * article.
 */
export function useRecordSuggestionOpen() {
  const api = useApi();
  return useMutation({
    mutationFn: (body: Schemas['RecordKbSuggestionOpenDto']) =>
      suggestionOpensApi.record(api, body),
  });
}
