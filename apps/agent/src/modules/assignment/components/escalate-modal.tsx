import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import type { Ticket } from '../../tickets/api';
import { useEscalate } from '../../tickets/hooks';
import {
  isVersionConflict,
  useTicketConcurrency,
} from '../../tickets/components/detail/ticket-concurrency';
import { useSingleFlight } from '../../tickets/components/detail/use-single-flight';

/** "Escalate to next level": a required reason, then the ticket goes to a group of L+1. */
export function EscalateModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation(['ticketRouting', 'common']);
  const navigate = useNavigate();
  const concurrency = useTicketConcurrency();
  const escalate = useEscalate(ticket.id);
  const [opened] = useState({ version: ticket.version, epoch: concurrency.epoch });
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrors(escalate.error);
  const next = (ticket.supportLevel ?? 0) + 1;
  const once = useSingleFlight();

  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    once((release) =>
      escalate.mutate(
        {
          version: opened.epoch === concurrency.epoch ? opened.version : ticket.version,
          reason: reason.trim(),
        },
        {
          onSuccess: (result) => {
            concurrency.advance();
            onClose();
            notifications.show({
              color: 'green',
              message: t(result.ticket ? 'escalate.done' : 'escalate.doneGone', {
                level: result.supportLevel,
              }),
            });
            if (!result.ticket) void navigate('/tickets');
          },
          onError: (e) => {
            if (concurrency.report(e)) onClose();
          },
          onSettled: release,
        },
      ),
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('escalate.title', { level: next })}
      data-testid="escalate-modal"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
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
          {!isVersionConflict(escalate.error) && Object.keys(errors).length === 0 && (
            <ProblemMessage error={escalate.error} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button
              type="submit"
              color="orange"
              loading={escalate.isPending}
              data-testid="confirm-escalate"
            >
              {t('escalate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
