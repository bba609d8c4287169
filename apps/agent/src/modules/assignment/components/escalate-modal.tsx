import { useState } from 'react';
import { Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '@relaydesk/web-ui';
import type { Ticket } from '../../tickets/api';
import { useEscalate } from '../../tickets/hooks';
import {
  TicketActionModal,
  useTicketAction,
} from '../../tickets/components/detail/ticket-action-modal';

/** "Escalate to next level": a required reason, then the ticket goes to a group of L+1. */
export function EscalateModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation(['ticketRouting', 'common']);
  const navigate = useNavigate();
  const escalate = useEscalate(ticket.id);
  const send = useTicketAction(ticket, escalate, onClose);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrors(escalate.error);
  const next = (ticket.supportLevel ?? 0) + 1;

  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    send({ reason: reason.trim() }, (result) => {
      notifications.show({
        color: 'green',
        message: t(result.ticket ? 'escalate.done' : 'escalate.doneGone', {
          level: result.supportLevel,
        }),
      });
      if (!result.ticket) void navigate('/tickets');
    });
  };

  return (
    <TicketActionModal
      title={t('escalate.title', { level: next })}
      testId="escalate-modal"
      cancelLabel={t('common:cancel')}
      closeLabel={t('common:cancel')}
      submitLabel={t('escalate.submit')}
      submitTestId="confirm-escalate"
      // White on Mantine's orange 9 (the filled shade) is 4.29:1; this orange keeps 6:1.
      submitColor="#ae3e0b"
      pending={escalate.isPending}
      error={escalate.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{t('escalate.hint')}</Text>
      <Textarea
        label={t('escalate.reason')}
        placeholder={t('escalate.reasonPlaceholder')}
        withAsterisk
        autosize
        minRows={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={missing ? t('escalate.reasonRequired') : errors.reason}
        data-autofocus
        data-testid="escalate-reason"
      />
    </TicketActionModal>
  );
}
