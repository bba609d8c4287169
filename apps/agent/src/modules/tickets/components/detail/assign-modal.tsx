import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import { useUser } from '@relaydesk/web-auth';
import type { Ticket } from '../../api';
import { useAssign } from '../../hooks';
import { GroupPicker, UserPicker } from '../pickers';
import { isVersionConflict, useTicketConcurrency } from './ticket-concurrency';
import { useSingleFlight } from './use-single-flight';

/** Dispatchers and admins pick an agent and/or a group; either may be cleared. */
export function AssignModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation('ticketDetail');
  const me = useUser();
  const concurrency = useTicketConcurrency();
  const assign = useAssign(ticket.id);
  // The version the dialog was opened on; after a reload, the reloaded one.
  const [opened] = useState({ version: ticket.version, epoch: concurrency.epoch });
  const [assigneeId, setAssigneeId] = useState<string | null>(ticket.assigneeId);
  const [groupId, setGroupId] = useState<string | null>(ticket.groupId);
  const errors = fieldErrors(assign.error);
  const unchanged = assigneeId === ticket.assigneeId && groupId === ticket.groupId;

  const once = useSingleFlight();
  const submit = () =>
    once((release) =>
      assign.mutate(
        {
          version: opened.epoch === concurrency.epoch ? opened.version : ticket.version,
          assigneeId,
          groupId,
        },
        {
          onSuccess: () => {
            concurrency.advance();
            onClose();
          },
          onError: (e) => {
            if (concurrency.report(e)) onClose();
          },
          onSettled: release,
        },
      ),
    );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('assignment.dialogTitle')}
      closeButtonProps={{ 'aria-label': t('actions.cancel') }}
      data-testid="assign-modal"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
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
          {!isVersionConflict(assign.error) && Object.keys(errors).length === 0 && (
            <ProblemMessage error={assign.error} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button
              type="submit"
              loading={assign.isPending}
              disabled={unchanged}
              data-testid="confirm-assign"
            >
              {t('assignment.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
