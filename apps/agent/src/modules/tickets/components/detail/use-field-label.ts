import { useTranslation } from 'react-i18next';
import { useTranslatedName } from '@relaydesk/web-ui';
import type { Ticket } from '../../api';
import { useTicketTypes } from '../../hooks';

/** Where each ticket field's label lives: [namespace, key]. */
const LABELS: Record<string, [string, string]> = {
  subject: ['ticketDetail', 'fields.subject'],
  description: ['ticketDetail', 'fields.description'],
  priority: ['ticketDetail', 'fields.priority'],
  typeId: ['ticketDetail', 'fields.type'],
  organizationId: ['ticketDetail', 'fields.organization'],
  requesterId: ['ticketDetail', 'fields.requester'],
  assigneeId: ['ticketDetail', 'fields.assignee'],
  groupId: ['ticketDetail', 'fields.group'],
  dueAt: ['ticketDetail', 'fields.dueAt'],
  postponedUntil: ['ticketDetail', 'fields.postponedUntil'],
  status: ['ticketDetail', 'fields.status'],
  categoryId: ['ticketWork', 'fields.category'],
  projectId: ['ticketWork', 'fields.project'],
};

/**
 * A readable label for a ticket field as the API names it (history, required fields, problem
 * fields): `assigneeId`, `custom:<key>` or `customFields.<key>` (the type's field name).
 */
export function useFieldLabel(ticket: Pick<Ticket, 'typeId'>) {
  const { t } = useTranslation(['ticketDetail', 'ticketWork']);
  const name = useTranslatedName();
  const types = useTicketTypes();
  const fields = types.data?.find((x) => x.id === ticket.typeId)?.fields ?? [];
  return (field: string): string => {
    const custom = /^(?:custom:|customFields\.)(.+)$/.exec(field);
    if (custom) {
      const f = fields.find((x) => x.key === custom[1]);
      return f ? name(f.name) : custom[1];
    }
    const label = LABELS[field];
    return label ? t(label[1], { ns: label[0] }) : field;
  };
}
