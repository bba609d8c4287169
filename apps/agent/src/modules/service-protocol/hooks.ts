import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '@relaydesk/contracts';
import { useApi } from '@relaydesk/web-auth';
import { saveBlob } from '@relaydesk/web-tickets';
import { queryKeys } from '../../query-keys';
import { serviceProtocolApi, type UpdateInstallationSettings } from './api';

/** Prints the protocol: the PDF is fetched and saved under the name given. */
export function useDownloadProtocol(ticketId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ lang, fileName }: { lang: Locale; fileName: string }) =>
      saveBlob(await serviceProtocolApi.pdf(api, ticketId, lang), fileName),
  });
}

/** Keeps a copy on the ticket: its files and history show it. */
export function useStoreProtocol(ticketId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ lang, internal }: { lang: Locale; internal: boolean }) =>
      serviceProtocolApi.store(api, ticketId, lang, internal),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.tickets.attachments(ticketId) }),
        client.invalidateQueries({ queryKey: queryKeys.tickets.history(ticketId) }),
      ]),
  });
}

/** Whether clients read billed work: a stored protocol may then be public. */
export function useWorkLogSettings() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.serviceProtocol.workLogSettings,
    queryFn: () => serviceProtocolApi.workLogSettings(api),
    staleTime: 60_000,
  });
}

export function useInstallationSettings() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.serviceProtocol.installation,
    queryFn: () => serviceProtocolApi.installation(api),
  });
}

export function useSaveInstallationSettings() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInstallationSettings) =>
      serviceProtocolApi.updateInstallation(api, body),
    onSuccess: (saved) => client.setQueryData(queryKeys.serviceProtocol.installation, saved),
  });
}
