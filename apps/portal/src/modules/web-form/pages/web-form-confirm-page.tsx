import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';
import { useConfirmWebForm } from '../hooks';

/** The token from the mailed link's fragment, which never reached a server. */
function tokenFromHash(): string | null {
  const m = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  return m ? m[1] : null;
}

/**
 * Asks for a click before confirming: mail scanners that open every link in a mail must not
 * file the request on the sender's behalf.
 */
export default function WebFormConfirmPage() {
  const { t } = useTranslation('webForm');
  const confirm = useConfirmWebForm();
  const token = tokenFromHash();

  let message: { color: string; text: string; again?: boolean } | null = null;
  if (!token) message = { color: 'red', text: t('linkMissing'), again: true };
  else if (confirm.data) {
    message = {
      color: 'green',
      text: t(confirm.data.status === 'confirmed' ? 'confirmed' : 'alreadyConfirmed', {
        number: confirm.data.ticketNumber,
      }),
    };
  } else if (confirm.error) {
    const status = confirm.error instanceof ApiError ? confirm.error.status : 0;
    message =
      status === 404
        ? { color: 'red', text: t('linkInvalid'), again: true }
        : status === 410
          ? { color: 'red', text: t('linkExpired'), again: true }
          : status === 429
            ? { color: 'red', text: t('throttled') }
            : { color: 'red', text: t('failed') };
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('confirmTitle')}
      </Title>
      {message ? (
        <Alert
          color={message.color}
          role={message.color === 'green' ? 'status' : 'alert'}
          data-testid="web-form-confirm-result"
        >
          {message.text}
        </Alert>
      ) : (
        <Text>{t('confirmIntro')}</Text>
      )}
      {token && !confirm.data && !message?.again && (
        <div>
          <Button
            loading={confirm.isPending}
            onClick={() => confirm.mutate(token)}
            data-testid="web-form-confirm"
          >
            {t('confirm')}
          </Button>
        </div>
      )}
      {message?.again && (
        <Anchor href="/form" data-testid="web-form-again">
          {t('backToForm')}
        </Anchor>
      )}
    </Stack>
  );
}
