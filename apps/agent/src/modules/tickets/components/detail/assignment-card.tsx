import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBigUpLines, IconHandGrab, IconSend, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '@relaydesk/web-ui';
import { useUser } from '@relaydesk/web-auth';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import type { Ticket } from '../../api';
import { useTake } from '../../hooks';
import { EscalateModal } from '../../../assignment/components/escalate-modal';
import { AssignModal } from './assign-modal';
import { HandOverModal } from './hand-over-modal';
import { useProject } from '../../../projects/hooks';
import { useTicketConcurrency } from './ticket-concurrency';
import { useSingleFlight } from './use-single-flight';

const TAKEABLE = new Set(['new', 'open', 'pending']);

/**
 * Who works on the ticket; Take for any staff member, Assign… for dispatchers and admins, Hand
 * over for the manager of the ticket's project (whatever their role).
 */
export function AssignmentCard({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useTranslation('ticketDetail');
  const { t: tr } = useTranslation('ticketRouting');
  const { t: th } = useTranslation('ticketHandover');
  const me = useUser();
  const errorText = useErrorText();
  const concurrency = useTicketConcurrency();
  const take = useTake(ticket.id);
  const [assigning, setAssigning] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const [handingOver, setHandingOver] = useState(false);

  const mayTake =
    !readOnly &&
    !ticket.assigneeId &&
    TAKEABLE.has(ticket.statusCategory) &&
    roleHasPermission(me.role, Permission.TicketsTake);
  const mayAssign = !readOnly && roleHasPermission(me.role, Permission.TicketsAssign);
  // Staff who may not assign may still hand over a ticket of a project they manage.
  const handOverCandidate =
    !readOnly &&
    !mayAssign &&
    !!ticket.projectId &&
    roleHasPermission(me.role, Permission.TicketsHandOver);
  const project = useProject(handOverCandidate ? (ticket.projectId ?? null) : null);
  const mayHandOver = handOverCandidate && project.data?.managerId === me.id;
  // Only a ticket in a group of L1 or L2 has a next level to go to.
  const mayEscalate =
    !readOnly &&
    TAKEABLE.has(ticket.statusCategory) &&
    !!ticket.groupId &&
    ticket.supportLevel !== null &&
    ticket.supportLevel < 3 &&
    roleHasPermission(me.role, Permission.TicketsEscalate);

  const once = useSingleFlight();
  const onTake = () =>
    once((release) =>
      take.mutate(ticket.version, {
        onSettled: release,
        onSuccess: () => {
          concurrency.advance();
          notifications.show({ color: 'green', message: t('assignment.taken') });
        },
        onError: (e) => {
          if (!concurrency.report(e))
            notifications.show({
              color: 'red',
              title: t('assignment.takeFailed'),
              message: errorText(e),
            });
        },
      }),
    );

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="assignment-heading"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="assignment-heading">
          {t('assignment.heading')}
        </Title>
        <Stack gap={4} component="dl" style={{ margin: 0 }}>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" c="dimmed" component="dt">
              {t('fields.assignee')}
            </Text>
            <Text size="sm" fw={500} component="dd" m={0} ta="right" data-testid="ticket-assignee">
              {ticket.assignee?.name ?? t('assignment.unassigned')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" c="dimmed" component="dt">
              {t('fields.group')}
            </Text>
            <Text size="sm" fw={500} component="dd" m={0} ta="right" data-testid="ticket-group">
              {ticket.group?.name ?? t('assignment.noGroup')}
            </Text>
          </Group>
          {ticket.supportLevel !== null && (
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" c="dimmed" component="dt">
                {tr('level')}
              </Text>
              <Text size="sm" fw={500} component="dd" m={0} ta="right" data-testid="ticket-level">
                {tr('levelValue', { level: ticket.supportLevel })}
              </Text>
            </Group>
          )}
        </Stack>
        {(mayTake || mayAssign || mayHandOver || mayEscalate) && (
          <Group gap="xs">
            {mayTake && (
              <Button
                size="xs"
                leftSection={<IconHandGrab size={16} aria-hidden />}
                loading={take.isPending}
                onClick={onTake}
                data-testid="take-button"
              >
                {t('assignment.take')}
              </Button>
            )}
            {mayAssign && (
              <Button
                size="xs"
                variant="outline"
                leftSection={<IconUserShare size={16} aria-hidden />}
                onClick={() => setAssigning(true)}
                data-testid="assign-button"
              >
                {t('assignment.assign')}
              </Button>
            )}
            {mayHandOver && (
              <Button
                size="xs"
                variant="outline"
                leftSection={<IconSend size={16} aria-hidden />}
                onClick={() => setHandingOver(true)}
                data-testid="hand-over-button"
              >
                {th('button')}
              </Button>
            )}
            {mayEscalate && (
              <Button
                size="xs"
                variant="outline"
                // Mantine's orange 9 is 4.29:1 on white; this orange keeps 6:1 (WCAG AA 4.5:1).
                color="#ae3e0b"
                leftSection={<IconArrowBigUpLines size={16} aria-hidden />}
                onClick={() => setEscalating(true)}
                data-testid="escalate-button"
              >
                {tr('escalate.button')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {assigning && <AssignModal ticket={ticket} onClose={() => setAssigning(false)} />}
      {escalating && <EscalateModal ticket={ticket} onClose={() => setEscalating(false)} />}
      {handingOver && project.data && (
        <HandOverModal
          ticket={ticket}
          project={project.data}
          onClose={() => setHandingOver(false)}
        />
      )}
    </Card>
  );
}
