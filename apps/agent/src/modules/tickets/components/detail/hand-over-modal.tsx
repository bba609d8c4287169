import { useState } from 'react';
import { NativeSelect, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '@relaydesk/web-ui';
import type { Ticket } from '../../api';
import { useAssign } from '../../hooks';
import type { Project } from '../../../projects/api';
import { TicketActionModal, useTicketAction } from './ticket-action-modal';

/**
 * Pythagoras: the project's manager (whatever their role) gives the ticket to a member of the
 * project; the workflow may move it on by itself (Solving). Staff members only: clients in a
 * project file tickets, they do not solve them.
 */
export function HandOverModal({
  ticket,
  project,
  onClose,
}: {
  ticket: Ticket;
  project: Project;
  onClose: () => void;
}) {
  const { t } = useTranslation('ticketHandover');
  const assign = useAssign(ticket.id);
  const send = useTicketAction(ticket, assign, onClose);
  const members = project.members.filter((m) => m.role !== 'client' && m.id !== ticket.assigneeId);
  const [assigneeId, setAssigneeId] = useState(members[0]?.id ?? '');
  const errors = fieldErrors(assign.error);

  return (
    <TicketActionModal
      title={t('title', { project: project.name })}
      testId="hand-over-modal"
      cancelLabel={t('cancel')}
      closeLabel={t('cancel')}
      submitLabel={t('submit')}
      submitTestId="confirm-hand-over"
      submitDisabled={!assigneeId}
      pending={assign.isPending}
      error={assign.error}
      onSubmit={() =>
        send({ assigneeId }, () => notifications.show({ color: 'green', message: t('done') }))
      }
      onClose={onClose}
    >
      {members.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="hand-over-no-members">
          {t('noMembers')}
        </Text>
      ) : (
        <NativeSelect
          label={t('member')}
          description={t('hint')}
          data={members.map((m) => ({ value: m.id, label: m.name }))}
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.currentTarget.value)}
          error={errors.assigneeId}
          data-testid="hand-over-member"
          data-autofocus
        />
      )}
    </TicketActionModal>
  );
}
