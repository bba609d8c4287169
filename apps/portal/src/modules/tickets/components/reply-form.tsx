import { useRef, useState, type FormEvent } from 'react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import { useIdempotencyKey } from '@relaydesk/web-tickets';
import { useAddComment } from '../hooks';

export function ReplyForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const fieldErrorsOf = useFieldErrors();
  const add = useAddComment(ticketId);
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  // One key per message: a double click or a retry after a lost answer posts it once.
  const idempotencyKey = useIdempotencyKey();
  // A double click fires twice before the button turns busy; send the message once.
  const sending = useRef(false);
  const serverError = fieldErrorsOf(add.error).body;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (sending.current) return;
    const text = body.trim();
    if (!text) return setMissing(true);
    sending.current = true;
    add.mutate(
      { body: { body: text, internal: false }, idempotencyKey: idempotencyKey.key },
      {
        onSuccess: () => {
          setBody('');
          idempotencyKey.renew();
          notifications.show({ color: 'green', message: t('ticket.sent') });
        },
        onError: idempotencyKey.renewIfAnswered,
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('ticket.reply')}
          placeholder={t('ticket.replyPlaceholder')}
          autosize
          minRows={3}
          maxRows={12}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            if (missing) setMissing(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
          error={missing ? t('ticket.replyRequired') : serverError}
          data-testid="portal-reply"
        />
        {add.error && !serverError && <ProblemMessage error={add.error} />}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={add.isPending}
            leftSection={<IconSend size={16} aria-hidden />}
            data-testid="portal-reply-send"
          >
            {t('ticket.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
