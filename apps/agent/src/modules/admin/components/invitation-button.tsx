import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useSendInvitation } from '../hooks';

/**
 * "Resend invitation" on a user's form: a new welcome mail with a link to set a password, for
 * users who have not set one (the API says so with a 422 otherwise).
 */
export function InvitationButton({ userId }: { userId: string }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const invite = useSendInvitation(userId);
  const fields =
    invite.error instanceof ApiError && invite.error.status === 422
      ? (invite.error.problem.errors ?? []).map((e) => e.field)
      : [];

  return (
    <Stack gap={4}>
      <Group>
        <Button
          variant="default"
          size="xs"
          loading={invite.isPending}
          onClick={() => invite.mutate()}
          data-testid="admin-user-invite"
        >
          {t('invitation.send')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('invitation.hint')}
      </Text>
      {invite.isSuccess && (
        <Alert color="green" role="status" variant="light">
          {t('invitation.sent', { until: format.dateTime(invite.data.expiresAt) })}
        </Alert>
      )}
      {invite.isError &&
        (fields.includes('password') ? (
          <Alert color="yellow" role="alert" variant="light">
            {t('invitation.alreadySet')}
          </Alert>
        ) : fields.includes('active') ? (
          <Alert color="yellow" role="alert" variant="light">
            {t('invitation.inactive')}
          </Alert>
        ) : (
          <ProblemMessage error={invite.error} />
        ))}
    </Stack>
  );
}
