import { useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '@relaydesk/web-ui';
import { useUser } from '@relaydesk/web-auth';
import type { Ticket } from '../../api';
import { useAssign } from '../../hooks';
import { GroupPicker, UserPicker } from '../pickers';
import { TicketActionModal, useTicketAction } from './ticket-action-modal';

/** Dispatchers and admins pick an agent and/or a group; either may be cleared. */
export function AssignModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation('ticketDetail');
  const me = useUser();
  const assign = useAssign(ticket.id);
  const send = useTicketAction(ticket, assign, onClose);
  const [assigneeId, setAssigneeId] = useState<string | null>(ticket.assigneeId);
  const [groupId, setGroupId] = useState<string | null>(ticket.groupId);
  const errors = fieldErrors(assign.error);
  const unchanged = assigneeId === ticket.assigneeId && groupId === ticket.groupId;

  return (
    <TicketActionModal
      title={t('assignment.dialogTitle')}
      testId="assign-modal"
      cancelLabel={t('actions.cancel')}
      closeLabel={t('actions.cancel')}
      submitLabel={t('assignment.save')}
      submitTestId="confirm-assign"
      submitDisabled={unchanged}
      pending={assign.isPending}
      error={assign.error}
      onSubmit={() => send({ assigneeId, groupId })}
      onClose={onClose}
    >
      <UserPicker
        label={t('fields.assignee')}
        scope="staff"
        value={assigneeId}
        selectedName={assigneeId === me.id ? me.name : ticket.assignee?.name}
        onChange={(id) => setAssigneeId(id)}
        placeholder={t('assignment.unassigned')}
        error={errors.assigneeId}
        data-testid="assign-assignee"
        data-autofocus
        comboboxProps={{ withinPortal: true }}
      />
      {assigneeId !== me.id && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setAssigneeId(me.id)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('assignment.toMe')}
        </Button>
      )}
      <GroupPicker
        label={t('fields.group')}
        value={groupId}
        selectedName={ticket.group?.name}
        onChange={(id) => setGroupId(id)}
        placeholder={t('assignment.noGroup')}
        error={errors.groupId}
        data-testid="assign-group"
        comboboxProps={{ withinPortal: true }}
      />
    </TicketActionModal>
  );
}
