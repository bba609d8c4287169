import { useEffect, useState } from 'react';
import { Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import { ProblemMessage } from '@relaydesk/web-ui';

const accessKey = (userId: string) => ['contacts', userId, 'object-access'] as const;

/**
 * Access by object (issue 18, CDESK) on a client contact's form: the service objects of their
 * organization the contact is limited to. Saved on its own (PUT, the whole set), apart from the
 * form's fields; none chosen means the whole organization.
 */
export function ObjectAccessSection({
  userId,
  organizationId,
}: {
  userId: string;
  organizationId: string;
}) {
  const { t } = useTranslation('objectAccess');
  const api = useApi();
  const queryClient = useQueryClient();
  const access = useQuery({
    queryKey: accessKey(userId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/contacts/{userId}/object-access', { params: { path: { userId } } })),
  });
  const objects = useQuery({
    queryKey: ['registers', 'service-objects', 'of-organization', organizationId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/service-objects', { params: { query: { organizationId, limit: 100 } } }),
      ),
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const stored = access.data?.serviceObjects.map((o) => o.id) ?? [];
  const storedKey = stored.join(',');
  useEffect(() => setChosen(storedKey ? storedKey.split(',') : []), [storedKey]);
  const save = useMutation({
    mutationFn: (serviceObjectIds: string[]) =>
      unwrap(
        api.PUT('/api/v1/contacts/{userId}/object-access', {
          params: { path: { userId } },
          body: { serviceObjectIds },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(accessKey(userId), data),
  });
  const changed = chosen.slice().sort().join(',') !== stored.slice().sort().join(',');

  return (
    <Stack gap={4} data-testid="object-access-section">
      <MultiSelect
        label={t('label')}
        description={t('hint')}
        placeholder={chosen.length === 0 ? t('whole') : undefined}
        data={(objects.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        value={chosen}
        onChange={setChosen}
        searchable
        clearable
        disabled={access.isLoading}
      />
      <Group>
        <Button
          type="button"
          variant="default"
          size="xs"
          disabled={!changed}
          loading={save.isPending}
          onClick={() => save.mutate(chosen)}
        >
          {t('save')}
        </Button>
        {save.isSuccess && !changed && (
          <Text size="xs" c="dimmed" role="status">
            {t('saved')}
          </Text>
        )}
      </Group>
      {save.error && <ProblemMessage error={save.error} />}
      {access.error && <ProblemMessage error={access.error} />}
    </Stack>
  );
}
