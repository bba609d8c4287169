import { useMutation, useQuery } from '@tanstack/react-query';
import { webFormApi, type WebFormSubmission } from './api';

export const webFormKeys = { config: ['web-form', 'config'] as const };

/** The form's settings and a fresh form token; never cached across visits (the token dates the visit). */
export function useWebFormConfig() {
  return useQuery({
    queryKey: webFormKeys.config,
    queryFn: webFormApi.config,
    staleTime: Infinity,
    gcTime: 0,
    retry: 1,
  });
}

export function useSubmitWebForm() {
  return useMutation({
    mutationFn: ({ body, files }: { body: WebFormSubmission; files: File[] }) =>
      webFormApi.submit(body, files),
  });
}

export function useConfirmWebForm() {
  return useMutation({ mutationFn: (token: string) => webFormApi.confirm(token) });
}
