import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import type { Ticket } from '../../api';
import { useAssign } from '../../hooks';
import type { Project } from '../../../projects/api';
import { isVersionConflict, useTicketConcurrency } from './ticket-concurrency';
import { useSingleFlight } from './use-single-flight';

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
  const concurrency = useTicketConcurrency();
  const assign = useAssign(ticket.id);
  const [opened] = useState({ version: ticket.version, epoch: concurrency.epoch });
  const members = project.members.filter((m) => m.role !== 'client' && m.id !== ticket.assigneeId);
  const [assigneeId, setAssigneeId] = useState(members[0]?.id ?? '');
  const errors = fieldErrors(assign.error);

  const once = useSingleFlight();
  const submit = () =>
    once((release) =>
      assign.mutate(
        {
          version: opened.epoch === concurrency.epoch ? opened.version : ticket.version,
          assigneeId,
        },
        {
          onSuccess: () => {
            concurrency.advance();
            notifications.show({ color: 'green', message: t('done') });
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
      title={t('title', { project: project.name })}
      closeButtonProps={{ 'aria-label': t('cancel') }}
      data-testid="hand-over-modal"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
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
          {!isVersionConflict(assign.error) && Object.keys(errors).length === 0 && (
            <ProblemMessage error={assign.error} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button
              type="submit"
              loading={assign.isPending}
              disabled={!assigneeId}
              data-testid="confirm-hand-over"
            >
              {t('submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
