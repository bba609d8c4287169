import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Permission,
  roleHasPermission,
  type CustomFieldValues,
  type TicketChannel,
  type TicketPriority,
} from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { inIdempotentRequest } from '../../common/idempotency/idempotency-context.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { WorkflowService } from '../workflow/index.js';
import { SlaService } from '../sla/index.js';
import { AuthorizedRequesters } from '../contracts/index.js';
import { assertMayAssignTo, AssignmentRulesEngine } from '../assignment/index.js';
import {
  checkTicketLinks,
  ticketLinkFacts,
  underWarranty,
  type TicketLinkFacts,
  type TicketLinkField,
} from '../contracts/index.js';
import type { CreateTicketDto, UpdateTicketDto } from './dto/ticket-input.dto.js';
import type { TicketDto } from './dto/ticket.dto.js';
import { typeFieldDefinitions } from './custom-fields/custom-field-store.js';
import {
  customFieldReferenceErrors,
  validateCustomFields,
  type CustomFieldResult,
} from '../custom-fields/index.js';
import { TicketAccessService } from './ticket-access.service.js';
import type { NewTicketEvent } from './ticket-events.js';
import { TicketReferences } from './ticket-references.js';
import type { NewTicketRow } from './ticket-insert.sql.js';
import { TicketQueries } from './ticket-queries.js';
import {
  TicketAssigned,
  TicketCreated,
  TicketFiledAfterSuggestions,
  TicketUpdated,
} from './events/ticket.events.js';
import { columnsOf, TicketChange, TicketWriter } from './ticket-writer.js';
import { AssignmentStatusTriggers } from './assignment-status-triggers.js';
import { Ticket } from './entities/ticket.entity.js';

/**
 * The edits that pick the SLA policy again and recompute the deadlines: the contract's policy
 * wins, and policies may test the object and equipment type (issue 18).
 */
const SLA_COLUMNS = [
  'priority',
  'type_id',
  'organization_id',
  'contract_id',
  'service_object_id',
  'equipment_id',
];

/**
 * The columns whose change a client sees, so they move `client_updated_at` (the client's
 * `updatedAt`). Due date, project, group, assignee and support level are staff-only.
 */
const CLIENT_VISIBLE_COLUMNS = [
  'subject',
  'description',
  'priority',
  'type_id',
  'organization_id',
  'requester_id',
  'category_id',
  'service_object_id',
  'equipment_id',
  'contract_id',
  'warranty',
];

/** The edits that re-run assignment rules flagged applyOnUpdate. */
const ROUTING_COLUMNS = [
  'type_id',
  'category_id',
  'priority',
  'organization_id',
  'project_id',
  'contract_id',
  'service_object_id',
  'equipment_id',
];

const LINK_FIELDS: readonly TicketLinkField[] = ['serviceObjectId', 'equipmentId', 'contractId'];
const LINK_COLUMNS: Record<TicketLinkField, string> = {
  serviceObjectId: 'service_object_id',
  equipmentId: 'equipment_id',
  contractId: 'contract_id',
};
const NO_LINK_FACTS: TicketLinkFacts = {
  equipmentTypeId: null,
  warrantyUntil: null,
  contractSlaPolicyId: null,
};

export interface TicketCreateOptions {
  em?: EntityManager;
  channel?: TicketChannel;
  /**
   * The intake path's default group (the web form's, a mailbox's): set by the installation, not
   * by the caller, so it applies to a client's ticket too; the caller's groupId (staff) and the
   * assignment rules come first.
   */
  defaultGroupId?: string | null;
}

@Injectable()
export class TicketsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly queries: TicketQueries,
    private readonly access: TicketAccessService,
    private readonly workflows: WorkflowService,
    private readonly routing: AssignmentRulesEngine,
    private readonly sla: SlaService,
    private readonly writer: TicketWriter,
    private readonly events: DomainEvents,
    private readonly statusTriggers: AssignmentStatusTriggers,
    private readonly requesters: AuthorizedRequesters,
  ) {}

  /**
   * `options.em`: create inside the caller's transaction (intake stores the raw mail and files
   * its ticket in one); `options.channel`: the channel an intake path files on (by default the
   * caller decides it: a token is `api`, a client `portal`, staff `agent`).
   */
  async create(
    user: AuthUser,
    dto: CreateTicketDto,
    options: TicketCreateOptions = {},
  ): Promise<TicketDto> {
    const now = this.clock.now();
    // No explicit transaction: the checks only read, and the write is a single statement.
    const em = options.em ?? this.db.manager;
    const refs = new TicketReferences(em);
    const isClient = user.role === 'client';

    if (isClient) {
      for (const field of [
        'organizationId',
        'requesterId',
        'assigneeId',
        'groupId',
        'dueAt',
        'warranty',
      ] as const) {
        if (dto[field] !== undefined && !(field === 'requesterId' && dto[field] === user.id)) {
          refs.fail(field, 'clients cannot set this field');
        }
      }
    }

    // Only an integration knows which source it relays; a person's channel follows from who they
    // are, so a session that declares one (a script sending `email` to jump a routing rule) is
    // refused rather than believed or silently overridden.
    if (dto.channel !== undefined && !user.token) {
      refs.fail('channel', 'only an API token may declare the channel');
    }

    const type = dto.typeId ? await refs.type(dto.typeId) : null;
    if (type && isClient && !type.isPublic) {
      // An internal type does not exist as far as a client is concerned.
      refs.fail('typeId', 'no active ticket type with this id');
    }

    let requesterId: string | null = isClient ? user.id : (dto.requesterId ?? null);
    let requesterIsClient = isClient;
    let organizationId: string | null = isClient
      ? user.organizationId
      : (dto.organizationId ?? null);
    if (!isClient && dto.requesterId) {
      const requester = await refs.user(dto.requesterId, 'requesterId');
      if (requester?.organizationId) {
        if (organizationId && organizationId !== requester.organizationId) {
          refs.fail('requesterId', "is a contact of another organization than the ticket's");
        }
        organizationId ??= requester.organizationId;
      }
      requesterId = requester?.id ?? null;
      requesterIsClient = requester?.role === 'client';
    }
    if (!isClient && dto.organizationId) await refs.organization(dto.organizationId);
    if (!isClient && dto.assigneeId) {
      if (user.role === 'agent' && dto.assigneeId !== user.id) {
        throw new ForbiddenError('Agents may assign a new ticket only to themselves');
      }
      if (await refs.staff(dto.assigneeId, 'assigneeId')) {
        await assertMayAssignTo(em, user, dto.assigneeId);
      }
    }
    if (!isClient && dto.groupId) await refs.group(dto.groupId);
    if (dto.categoryId) await refs.category(dto.categoryId, isClient);
    // Pythagoras: a customer files against a project they are a member of, and no other.
    const project = dto.projectId
      ? await refs.project(dto.projectId, 'projectId', isClient ? user.id : undefined)
      : null;

    // Issue 18 links: of the ticket's organization, the equipment at the object, the contract in
    // force; a client names only what they may see (contracts module rules, one statement).
    const links = {
      organizationId,
      serviceObjectId: dto.serviceObjectId ?? null,
      equipmentId: dto.equipmentId ?? null,
      contractId: dto.contractId ?? null,
    };
    let linkFacts = NO_LINK_FACTS;
    if (links.serviceObjectId || links.equipmentId || links.contractId) {
      const checked = await checkTicketLinks(em, user, links, now, {
        check: new Set(LINK_FIELDS),
        contractInForce: true,
      });
      refs.errors.push(...checked.errors);
      linkFacts = checked.facts;
    }

    // Values are checked against the type's fields only once the type itself is known to be
    // usable: against no type at all, every key would be reported as unknown.
    const typeUsable = !dto.typeId || (type && !refs.errors.some((e) => e.field === 'typeId'));
    let customFields: CustomFieldValues = {};
    if (typeUsable && (type || dto.customFields)) {
      const custom = validateCustomFields({
        fields: await typeFieldDefinitions(em, type?.id ?? null),
        current: {},
        changes: dto.customFields ?? {},
        isClient,
        mode: 'create',
      });
      refs.errors.push(...custom.errors);
      refs.errors.push(...(await customFieldReferenceErrors(em, custom.references)));
      customFields = custom.values;
    }
    if (refs.errors.length > 0)
      throw new BusinessRuleError('The ticket cannot be created', refs.errors);
    // CDESK's authorized requesters (docs/contracts.md): a client filing (portal, mail, web form)
    // and an integration filing for a client. Staff in the agent app file for whoever calls.
    if (requesterIsClient && requesterId && organizationId && (isClient || user.token)) {
      await this.requesters.assertMayFile(requesterId, organizationId, links.contractId, em);
    }

    const workflowId = type?.workflowId ?? (await this.workflows.defaultWorkflowId(em));
    const def = await this.workflows.definition(workflowId, em);
    const initial = this.workflows.initialStatus(def);
    const requestedPriority: TicketPriority = dto.priority ?? type?.defaultPriority ?? 'normal';
    const channel: TicketChannel =
      options.channel ?? (user.token ? (dto.channel ?? 'api') : isClient ? 'portal' : 'agent');
    const requestedGroupId = isClient ? null : (dto.groupId ?? null);
    const requestedAssigneeId = isClient ? null : (dto.assigneeId ?? null);
    // Assignment rules fill in what the request left open (evaluated here, written by the
    // single INSERT below together with their history line).
    const plan = await this.routing.planCreate(
      em,
      {
        subject: dto.subject,
        typeId: type?.id ?? null,
        categoryId: dto.categoryId ?? null,
        priority: requestedPriority,
        organizationId,
        projectId: project?.id ?? null,
        channel,
        customFields,
        contractId: links.contractId,
        serviceObjectId: links.serviceObjectId,
        equipmentTypeId: linkFacts.equipmentTypeId,
      },
      {
        groupId: requestedGroupId !== null,
        assigneeId: requestedAssigneeId !== null,
        priority: dto.priority !== undefined,
      },
    );
    // Pythagoras: a new ticket of a project is addressed to the project's manager.
    const assigneeId = requestedAssigneeId ?? plan.assigneeId ?? project?.activeManagerId ?? null;
    const groupId = requestedGroupId ?? plan.groupId ?? options.defaultGroupId ?? null;
    const priority = plan.priority ?? requestedPriority;
    // The SLA clocks go into the same single INSERT (policies are cached: no query here).
    const sla = await this.sla.forNewTicket(em, {
      priority,
      typeId: type?.id ?? null,
      organizationId,
      createdAt: now,
      status: initial,
      contractSlaPolicyId: linkFacts.contractSlaPolicyId,
      contractId: links.contractId,
      serviceObjectId: links.serviceObjectId,
      equipmentTypeId: linkFacts.equipmentTypeId,
    });

    const row: NewTicketRow = {
      subject: dto.subject,
      description: dto.description ?? '',
      priority,
      status: initial.key,
      statusCategory: initial.category,
      workflowId,
      typeId: type?.id ?? null,
      organizationId,
      requesterId,
      assigneeId,
      groupId,
      dueAt: isClient ? null : (dto.dueAt ?? null),
      channel,
      categoryId: dto.categoryId ?? null,
      projectId: project?.id ?? null,
      customFields,
      createdById: user.id,
      creatorIsClient: isClient,
      createdAt: now,
      nextTimerAt: this.workflows.nextTimerAt(def, initial.key, now, null),
      supportLevel: plan.supportLevel ?? null,
      distribute: assigneeId === null && groupId !== null,
      routingEvents: plan.events,
      sla,
      // Whoever files it (the client by portal, mail or web form, or staff on their behalf),
      // a client's request is unanswered until staff reply publicly (writeComment clears it).
      needsReply: requesterIsClient,
      serviceObjectId: links.serviceObjectId,
      equipmentId: links.equipmentId,
      contractId: links.contractId,
      // Warranty work when the equipment's warranty runs today, unless staff said otherwise.
      warranty: dto.warranty ?? underWarranty(linkFacts.warrantyUntil, now),
      warrantyManual: dto.warranty !== undefined,
    };
    // One statement writes the ticket and records its TicketCreated (ticket-insert.sql.ts): on
    // the pool, unless in-process listeners write with it or an Idempotency-Key claim must be
    // marked in the same transaction (the commit is what marks it).
    // A workflow that moves a ticket when it gets an assignee (HappyDesk: New → In Progress)
    // moves one filed with an assignee (requested, by a rule or the group's distribution) too:
    // a second UPDATE in the create's transaction, as the pick happens inside the INSERT.
    const movesOnAssignment =
      (assigneeId !== null || row.distribute) &&
      def.timers.some((t) => t.statusKey === initial.key && t.trigger === 'assigned');
    const suggestionSessionId = this.events.listens(TicketFiledAfterSuggestions)
      ? (dto.suggestionSessionId ?? null)
      : null;
    if (
      !options.em &&
      !movesOnAssignment &&
      !this.events.listens(TicketCreated, { requesterIsClient }) &&
      !suggestionSessionId &&
      !inIdempotentRequest()
    ) {
      return this.writer.insert(row);
    }
    const inTransaction = <T>(work: (tx: EntityManager) => Promise<T>): Promise<T> =>
      options.em ? work(options.em) : this.db.transaction(work);
    return inTransaction(async (tx) => {
      const created = await this.writer.insert(row, tx);
      await this.events.runListeners(
        tx,
        new TicketCreated(
          created.id,
          created.number,
          created.subject,
          created.organization?.id ?? null,
          created.requester?.id ?? null,
          created.group?.id ?? null,
          created.assignee?.id ?? null,
          created.priority,
          created.status,
          user.id,
          now,
          requesterIsClient,
        ),
      );
      if (suggestionSessionId) {
        await this.events.runListeners(
          tx,
          new TicketFiledAfterSuggestions(created.id, suggestionSessionId, user.id, now),
        );
      }
      if (!movesOnAssignment) return created;
      // From the row: a client's view of the ticket does not show the assignee.
      const ticket = await tx.findOneByOrFail(Ticket, { id: created.id });
      if (!ticket.assigneeId) return created;
      const write = new TicketChange(ticket.id, now);
      await this.statusTriggers.plan(
        tx,
        { ...ticket, assigneeId: null },
        ticket.assigneeId,
        'assigned',
        write,
      );
      if (write.isEmpty) return created;
      await this.writer.write(tx, write);
      return (await this.queries.findOneDto(user, { id: ticket.id }, tx)) ?? created;
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateTicketDto): Promise<TicketDto> {
    // Decided from the request alone, before any lookup, so the answer is the same for every id.
    const staffEdit = roleHasPermission(user.role, Permission.TicketsUpdate);
    if (!staffEdit) {
      const onlyOwnFields =
        roleHasPermission(user.role, Permission.TicketsEditClientFields) &&
        Object.entries(dto).every(
          ([k, v]) => k === 'version' || k === 'customFields' || v === undefined,
        );
      if (!onlyOwnFields) {
        throw new ForbiddenError(
          'Clients may change only the custom fields their form lets them edit; add a comment instead',
        );
      }
    }
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, id, { em, lock: true });
      if (ticket.version !== dto.version) throw new VersionConflictError(ticket.version);
      await this.access.assertWritable(ticket, em);
      const def = await this.workflows.definition(ticket.workflowId, em);
      const status = this.workflows.status(def, ticket.status);
      if (status?.isFinal) {
        throw new ConflictError(`The ticket is ${ticket.status} and can no longer be edited`);
      }

      const refs = new TicketReferences(em);
      const changes: Record<string, unknown> = {};
      const events: NewTicketEvent[] = [];
      const change = (field: string, column: string, oldValue: unknown, newValue: unknown) => {
        if (newValue === undefined) return;
        const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
        const oldNorm = norm(oldValue);
        const newNorm =
          typeof newValue === 'string' && column === 'due_at'
            ? new Date(newValue).toISOString()
            : newValue;
        if (oldNorm === newNorm) return;
        changes[column] = newValue;
        events.push({
          kind: 'field_changed',
          field,
          oldValue: oldNorm ?? null,
          newValue: newNorm ?? null,
        });
      };

      const typeChanged = dto.typeId !== undefined && dto.typeId !== ticket.typeId;
      let typeUsable = true;
      if (typeChanged) {
        const type = await refs.type(dto.typeId!);
        typeUsable = !!type;
        if (type && type.workflowId !== ticket.workflowId) {
          refs.fail(
            'typeId',
            'has another workflow; moving between workflows is not supported yet',
          );
        }
      }
      if (dto.categoryId) await refs.category(dto.categoryId, false);
      if (dto.projectId) await refs.project(dto.projectId);
      let custom: CustomFieldResult | null = null;
      if (typeUsable && (typeChanged || dto.customFields !== undefined)) {
        // A new type re-validates everything: its required fields, and whether the values the
        // ticket keeps fit its fields.
        custom = validateCustomFields({
          fields: await typeFieldDefinitions(em, typeChanged ? dto.typeId! : ticket.typeId),
          current: ticket.customFields ?? {},
          changes: dto.customFields ?? {},
          isClient: !staffEdit,
          mode: typeChanged ? 'retype' : 'update',
        });
        refs.errors.push(...custom.errors);
        refs.errors.push(...(await customFieldReferenceErrors(em, custom.references)));
      }
      if (dto.organizationId) await refs.organization(dto.organizationId);
      if (dto.organizationId && dto.requesterId === undefined && ticket.requesterId) {
        // Moving the ticket to another organization must not strand a requester of the old one.
        const requester = await refs.user(ticket.requesterId, 'requesterId');
        if (requester?.organizationId && requester.organizationId !== dto.organizationId) {
          refs.fail(
            'organizationId',
            "does not match the requester's organization; change the requester too",
          );
        }
      }
      if (dto.requesterId) {
        const requester = await refs.user(dto.requesterId, 'requesterId');
        const orgId = dto.organizationId !== undefined ? dto.organizationId : ticket.organizationId;
        if (requester?.organizationId && orgId && requester.organizationId !== orgId) {
          refs.fail('requesterId', "is a contact of another organization than the ticket's");
        }
      }
      // Issue 18 links as this edit leaves them. A changed link is checked; moving the ticket to
      // another organization re-checks every link it keeps (a 422, never a silent clear), and a
      // new service object the equipment that stays.
      const linked = <K extends TicketLinkField>(f: K): string | null =>
        dto[f] !== undefined ? (dto[f] ?? null) : ticket[f];
      const linkChanged = (f: TicketLinkField) => dto[f] !== undefined && dto[f] !== ticket[f];
      const linksAfter = {
        organizationId:
          dto.organizationId !== undefined ? dto.organizationId : ticket.organizationId,
        serviceObjectId: linked('serviceObjectId'),
        equipmentId: linked('equipmentId'),
        contractId: linked('contractId'),
      };
      const orgMoved =
        dto.organizationId !== undefined && dto.organizationId !== ticket.organizationId;
      const toCheck = new Set<TicketLinkField>(
        LINK_FIELDS.filter((f) => linkChanged(f) || (orgMoved && linksAfter[f] !== null)),
      );
      if (linkChanged('serviceObjectId') && linksAfter.equipmentId) toCheck.add('equipmentId');
      let linkFacts: TicketLinkFacts | null = null;
      if (toCheck.size > 0) {
        const checked = await checkTicketLinks(em, user, linksAfter, now, {
          check: toCheck,
          contractInForce: linkChanged('contractId'),
        });
        refs.errors.push(...checked.errors);
        linkFacts = checked.facts;
      }
      if (refs.errors.length > 0)
        throw new BusinessRuleError('The ticket cannot be changed', refs.errors);

      change('subject', 'subject', ticket.subject, dto.subject);
      change('description', 'description', ticket.description, dto.description);
      change('priority', 'priority', ticket.priority, dto.priority);
      change('typeId', 'type_id', ticket.typeId, dto.typeId);
      change('organizationId', 'organization_id', ticket.organizationId, dto.organizationId);
      change('requesterId', 'requester_id', ticket.requesterId, dto.requesterId);
      change('dueAt', 'due_at', ticket.dueAt, dto.dueAt);
      change('categoryId', 'category_id', ticket.categoryId, dto.categoryId);
      change('projectId', 'project_id', ticket.projectId, dto.projectId);
      for (const f of LINK_FIELDS) change(f, LINK_COLUMNS[f], ticket[f], dto[f]);
      // What routing, SLA and warranty need of the links, read once when any of them will ask.
      const facts = async (): Promise<TicketLinkFacts> =>
        (linkFacts ??= await ticketLinkFacts(em, linksAfter));
      if (dto.warranty !== undefined) {
        // Set by hand: it stays as set, whatever equipment the ticket gets later.
        change('warranty', 'warranty', ticket.warranty, dto.warranty);
        if (!ticket.warrantyManual) changes.warranty_manual = true;
      } else if ('equipment_id' in changes && !ticket.warrantyManual) {
        const warranty = underWarranty((await facts()).warrantyUntil, ticket.createdAt);
        change('warranty', 'warranty', ticket.warranty, warranty);
      }
      if (custom && custom.changes.length > 0) {
        changes.custom_fields = JSON.stringify(custom.values);
        for (const c of custom.changes) {
          events.push({
            kind: 'field_changed',
            field: `custom:${c.key}`,
            oldValue: c.oldValue,
            newValue: c.newValue,
            internal: c.internal,
          });
        }
      }
      // A column as this edit leaves it.
      const after = <T>(column: string, current: T): T =>
        column in changes ? (changes[column] as T) : current;
      if (ROUTING_COLUMNS.some((c) => c in changes)) {
        // Rules flagged applyOnUpdate look at the ticket as this edit leaves it.
        const routed = await this.routing.planUpdate(
          em,
          {
            subject: after('subject', ticket.subject),
            typeId: after('type_id', ticket.typeId),
            categoryId: after('category_id', ticket.categoryId),
            priority: after('priority', ticket.priority),
            organizationId: after('organization_id', ticket.organizationId),
            projectId: after('project_id', ticket.projectId),
            channel: ticket.channel,
            customFields: custom?.values ?? ticket.customFields ?? {},
            contractId: linksAfter.contractId,
            serviceObjectId: linksAfter.serviceObjectId,
            equipmentTypeId: (await facts()).equipmentTypeId,
            groupId: ticket.groupId,
            assigneeId: ticket.assigneeId,
            supportLevel: ticket.supportLevel,
          },
          'priority' in changes,
          now,
        );
        Object.assign(changes, routed.columns);
        events.push(...routed.events);
      }
      if (events.length === 0) return;

      const write = new TicketChange(id, now).columns(changes);
      write.bumpsVersion = true;
      write.clientSees =
        CLIENT_VISIBLE_COLUMNS.some((c) => c in changes) ||
        (custom?.changes.some((c) => !c.internal) ?? false);
      if (SLA_COLUMNS.some((c) => c in changes)) {
        // The row is locked and every other column the SLA reads is unchanged by this edit.
        const sla = await this.sla.recompute(
          em,
          {
            ...ticket,
            priority: after('priority', ticket.priority),
            typeId: after('type_id', ticket.typeId),
            organizationId: after('organization_id', ticket.organizationId),
            contractId: linksAfter.contractId,
            serviceObjectId: linksAfter.serviceObjectId,
            contractSlaPolicyId: (await facts()).contractSlaPolicyId,
            equipmentTypeId: (await facts()).equipmentTypeId,
          },
          now,
        );
        write.columns(columnsOf(sla));
      }
      write.record(user.id, events);
      const fieldChanges = events.filter((e) => e.kind === 'field_changed');
      if (fieldChanges.length > 0) {
        write.publish(
          new TicketUpdated(
            id,
            fieldChanges.map((e) => ({
              field: e.field ?? '',
              oldValue: e.oldValue ?? null,
              newValue: e.newValue ?? null,
              internal: e.internal ?? false,
            })),
            user.id,
            now,
          ),
        );
      }
      if ('assignee_id' in changes || 'group_id' in changes) {
        write.publish(
          new TicketAssigned(
            id,
            after('assignee_id', ticket.assigneeId),
            after('group_id', ticket.groupId),
            { assigneeId: ticket.assigneeId, groupId: ticket.groupId },
            null,
            now,
          ),
        );
        // A rule (applyOnUpdate) or the new group's distribution gave it an agent.
        await this.statusTriggers.plan(
          em,
          ticket,
          after('assignee_id', ticket.assigneeId),
          'assigned',
          write,
        );
      }
      if (!(await this.writer.write(em, write))) throw new NotFoundError('Ticket');
    });
    return this.queries.get(user, id);
  }
}
