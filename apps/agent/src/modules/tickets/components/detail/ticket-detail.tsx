import { Grid, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useUser } from '@relaydesk/web-auth';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { preloadStrings } from '../../../../lazy-strings';
import type { Ticket } from '../../api';
import {
  useTicketAttachments,
  useTicketComments,
  useTicketHistory,
  useWorkflows,
} from '../../hooks';
import { SlaClocksCard } from '../../../sla/components/sla-clocks-card';
import { TicketDeliveriesCard } from '../../../mail/components/ticket-deliveries-card';
import { TicketInboundMailCard } from '../../../mail-quarantine/components/ticket-inbound-mail-card';
import { AssignmentCard } from './assignment-card';
import { AttachmentsCard } from './attachments-card';
import { ConversationCard } from './conversation-card';
import { DescriptionCard } from './description-card';
import { CustomFieldsCard } from './custom-fields-card';
import { DetailsCard } from './details-card';
import { HistoryCard } from './history-card';
import { LinksCard } from './links-card';
import { TicketRegistersCard } from '../../../registers/ticket-registers-card';
import { SatisfactionCard } from './satisfaction-card';
import { KbAutoAnswerCard } from '../../../knowledge-base/kb-auto-answer-card';
import { WatchersCard } from './watchers-card';
import { WorkCard } from '../../../work-log/components/work-card';
import { ProtocolCard } from '../../../service-protocol/components/protocol-card';
import { StatusActions } from './status-actions';
import { PublishToKb } from '../../kb/publish-to-kb';
import { ConflictAlert } from './ticket-concurrency';
import { TicketHeader } from './ticket-header';
import { useNameLookup } from './use-name-lookup';

// Routing lines (levels, escalation, rules in the history) load with the ticket page.
preloadStrings(['ticketRouting', 'mail', 'watchers', 'workLog', 'serviceProtocol']);

/** Closed (and canceled) tickets are history: no field edits, no assignment. */
const READ_ONLY = new Set(['closed', 'canceled']);

export function TicketDetail({ ticket }: { ticket: Ticket }) {
  const me = useUser();
  useDocumentTitle(`#${ticket.number} ${ticket.subject} · Relaydesk`);
  const comments = useTicketComments(ticket.id);
  const history = useTicketHistory(ticket.id);
  const attachments = useTicketAttachments(ticket.id);
  const readOnly = READ_ONLY.has(ticket.statusCategory);
  // A read-only status (Pythagoras' Closed) archives the ticket: not even comments or files.
  const workflows = useWorkflows();
  const archived =
    workflows.data
      ?.find((w) => w.id === ticket.workflowId)
      ?.statuses.find((s) => s.key === ticket.status)?.readOnly === true;
  const commentItems = comments.data?.items ?? [];
  const events = history.data?.items ?? [];
  const files = attachments.data?.items ?? [];
  const nameOf = useNameLookup(ticket, events, commentItems);

  return (
    <Stack gap="md" data-testid="ticket-detail" data-version={ticket.version}>
      <TicketHeader ticket={ticket} readOnly={readOnly} archived={archived} />
      <StatusActions ticket={ticket} readOnly={readOnly} />
      <PublishToKb ticket={ticket} />
      <ConflictAlert />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <DescriptionCard ticket={ticket} readOnly={readOnly} />
            <ConversationCard
              ticket={ticket}
              comments={commentItems}
              attachments={files}
              archived={archived}
              canInternal={roleHasPermission(me.role, Permission.TicketsCommentInternal)}
            />
            {roleHasPermission(me.role, Permission.WorkLogWrite) && <WorkCard ticket={ticket} />}
            <HistoryCard ticket={ticket} events={events} nameOf={nameOf} />
            <TicketDeliveriesCard ticketId={ticket.id} />
            <TicketInboundMailCard ticketId={ticket.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <SatisfactionCard ticket={ticket} />
            <KbAutoAnswerCard ticketId={ticket.id} />
            <SlaClocksCard ticket={ticket} />
            <AssignmentCard ticket={ticket} readOnly={readOnly} />
            <DetailsCard ticket={ticket} readOnly={readOnly} />
            <CustomFieldsCard ticket={ticket} readOnly={readOnly} />
            <TicketRegistersCard ticket={ticket} readOnly={readOnly} />
            <LinksCard ticket={ticket} readOnly={readOnly} />
            <WatchersCard ticket={ticket} />
            <ProtocolCard ticket={ticket} archived={archived} />
            <AttachmentsCard ticket={ticket} attachments={files} archived={archived} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
