import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unwrap } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../../query-keys';

/**
 * Whether the signed-in contact may file new requests (GET /me `mayFileRequests`: their
 * organization's authorized requesters, issue 18). Undefined while loading: the form shows,
 * and the API's own 403 still says it should the list change meanwhile.
 */
export function useMayFileRequests(): boolean | undefined {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    staleTime: 60_000,
  }).data?.mayFileRequests;
}

/** Said before anything is typed, instead of the form a refusal would follow. */
export function FilingRefusedNotice() {
  const { t } = useTranslation('filingAccess');
  return (
    <Stack gap="md" maw={720} data-testid="filing-refused">
      <Title order={2}>{t('title')}</Title>
      <Alert color="yellow" variant="light" role="status">
        <Stack gap="xs">
          <Text size="sm">{t('text')}</Text>
          <Text size="sm">{t('replies')}</Text>
        </Stack>
      </Alert>
      <div>
        <Button component={Link} to="/tickets" variant="default">
          {t('back')}
        </Button>
      </div>
    </Stack>
  );
}
