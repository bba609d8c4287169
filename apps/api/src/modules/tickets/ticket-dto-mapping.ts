import type { TicketDto, TicketFieldsDto, TicketSummaryDto } from './dto/ticket.dto.js';
import type { TicketRow } from './ticket-query.sql.js';
import { ticketPromise } from './ticket-promise.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const promiseOf = (r: TicketRow) =>
  ticketPromise({
    statusCategory: r.t_status_category,
    firstResponseDueAt: r.t_first_response_due_at,
    firstRespondedAt: r.t_first_responded_at,
    resolutionDueAt: r.t_resolution_due_at,
    slaPausedAt: r.t_sla_paused_at,
  });

/** Ticket fields only staff receive (documented as such in TicketFieldsDto). */
export const CLIENT_HIDDEN_TICKET_FIELDS = [
  'assigneeId',
  'assignee',
  'groupId',
  'group',
  'supportLevel',
  'projectId',
  'project',
  'dueAt',
  'needsReply',
] as const;

/** A list row (see summarySelectList); clients get no assignee, group, due date or SLA pause. */
export function toSummaryDto(r: TicketRow, isClient: boolean): TicketSummaryDto {
  const dto: TicketSummaryDto = {
    id: r.t_id,
    number: Number(r.t_number),
    subject: r.t_subject,
    priority: r.t_priority,
    status: r.t_status,
    statusName: r.status_name ?? { en: r.t_status },
    statusCategory: r.t_status_category,
    type: r.t_type_id ? { id: r.t_type_id, key: r.type_key ?? '', name: r.type_name } : null,
    organization: r.t_organization_id ? { id: r.t_organization_id, name: r.org_name ?? '' } : null,
    requester: r.t_requester_id ? { id: r.t_requester_id, name: r.requester_name ?? '' } : null,
    serviceObjectId: r.t_service_object_id,
    equipmentId: r.t_equipment_id,
    contractId: r.t_contract_id,
    createdAt: r.t_created_at.toISOString(),
    updatedAt: (isClient ? r.t_client_updated_at : r.t_updated_at).toISOString(),
    sla: { resolutionDueAt: iso(r.t_resolution_due_at) },
    promise: promiseOf(r),
  };
  if (!isClient) {
    dto.assignee = r.t_assignee_id ? { id: r.t_assignee_id, name: r.assignee_name ?? '' } : null;
    dto.group = r.t_group_id ? { id: r.t_group_id, name: r.group_name ?? '' } : null;
    dto.dueAt = iso(r.t_due_at);
    dto.sla.pausedAt = iso(r.t_sla_paused_at);
  }
  return dto;
}

/**
 * A row as the API shows it to the caller. Clients get the client view (see
 * `CLIENT_HIDDEN_TICKET_FIELDS`): no assignee, group, support level, project, due date,
 * needs-reply flag, SLA policy or SLA breach/pause times, and `updatedAt` is the last change
 * they can see.
 */
export function toDto(r: TicketRow, isClient: boolean): TicketFieldsDto | TicketDto {
  const dto: TicketFieldsDto &
    Partial<Pick<TicketDto, 'description' | 'customFields' | 'satisfaction'>> = {
    id: r.t_id,
    number: Number(r.t_number),
    subject: r.t_subject,
    priority: r.t_priority,
    status: r.t_status,
    statusName: r.status_name ?? { en: r.t_status },
    statusCategory: r.t_status_category,
    workflowId: r.t_workflow_id,
    typeId: r.t_type_id,
    type: r.t_type_id ? { id: r.t_type_id, key: r.type_key ?? '', name: r.type_name } : null,
    organizationId: r.t_organization_id,
    organization: r.t_organization_id ? { id: r.t_organization_id, name: r.org_name ?? '' } : null,
    requesterId: r.t_requester_id,
    requester: r.t_requester_id ? { id: r.t_requester_id, name: r.requester_name ?? '' } : null,
    serviceObjectId: r.t_service_object_id,
    serviceObject: r.t_service_object_id
      ? { id: r.t_service_object_id, name: r.so_name ?? '' }
      : null,
    equipmentId: r.t_equipment_id,
    equipment: r.t_equipment_id
      ? {
          id: r.t_equipment_id,
          name: r.equipment_ref?.name ?? '',
          serialNumber: r.equipment_ref?.serialNumber ?? null,
          inventoryNumber: r.equipment_ref?.inventoryNumber ?? null,
        }
      : null,
    contractId: r.t_contract_id,
    contract: r.t_contract_id
      ? {
          id: r.t_contract_id,
          number: r.contract_ref?.number ?? '',
          title: r.contract_ref?.title ?? '',
        }
      : null,
    warranty: r.t_warranty ?? false,
    assigneeId: r.t_assignee_id,
    assignee: r.t_assignee_id ? { id: r.t_assignee_id, name: r.assignee_name ?? '' } : null,
    groupId: r.t_group_id,
    group: r.t_group_id ? { id: r.t_group_id, name: r.group_name ?? '' } : null,
    supportLevel: r.t_support_level,
    categoryId: r.t_category_id,
    category: r.t_category_id
      ? {
          id: r.t_category_id,
          name: r.category_name ?? { en: '' },
          parentId: r.category_parent_id,
        }
      : null,
    projectId: r.t_project_id,
    project: r.t_project_id ? { id: r.t_project_id, name: r.project_name ?? '' } : null,
    statusChangedAt: r.t_status_changed_at.toISOString(),
    dueAt: iso(r.t_due_at),
    sla: {
      policy: r.t_sla_policy_id ? { id: r.t_sla_policy_id, name: r.sla_policy_name ?? '' } : null,
      firstResponseDueAt: iso(r.t_first_response_due_at),
      firstResponseBreachedAt: iso(r.t_first_response_breached_at),
      resolutionDueAt: iso(r.t_resolution_due_at),
      resolutionBreachedAt: iso(r.t_resolution_breached_at),
      pausedAt: iso(r.t_sla_paused_at),
    },
    promise: promiseOf(r),
    postponedUntil: iso(r.t_postponed_until),
    needsReply: r.t_needs_reply,
    firstRespondedAt: iso(r.t_first_responded_at),
    resolvedAt: iso(r.t_resolved_at),
    closedAt: iso(r.t_closed_at),
    channel: r.t_channel,
    createdById: r.t_created_by_id,
    createdAt: r.t_created_at.toISOString(),
    updatedAt: (isClient ? r.t_client_updated_at : r.t_updated_at).toISOString(),
    version: r.t_version,
  };
  if (isClient) {
    for (const key of CLIENT_HIDDEN_TICKET_FIELDS) delete dto[key];
    dto.sla = {
      firstResponseDueAt: dto.sla.firstResponseDueAt,
      resolutionDueAt: dto.sla.resolutionDueAt,
    };
  }
  if (r.t_description !== undefined) dto.description = r.t_description;
  if (r.t_custom_fields !== undefined) dto.customFields = r.t_custom_fields;
  if (r.latest_rating !== undefined) {
    dto.satisfaction = r.latest_rating
      ? { ...r.latest_rating, createdAt: new Date(r.latest_rating.createdAt).toISOString() }
      : null;
  }
  return dto;
}
