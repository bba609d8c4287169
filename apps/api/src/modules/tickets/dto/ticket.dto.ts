import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RATING_VIAS,
  STATUS_CATEGORIES,
  type CustomFieldValues,
  type RatingVia,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type StatusCategory,
  type TicketChannel,
  type TicketPriority,
} from '@relaydesk/contracts';
import { TranslatedTextDto } from '../../../common/openapi/translated-text.dto.js';
import { TicketTypeFieldDto } from '../ticket-types/dto/ticket-type-field.dto.js';
import { TicketSlaDto } from '../../sla/index.js';

export class RefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class TicketTypeRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
}

export class CategoryRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
}

export class SatisfactionDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ enum: RATING_VIAS }) via!: RatingVia;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

const STAFF_ONLY = 'Staff only: absent for clients.';

/** A ticket's equipment item: its model label and numbers. */
export class TicketEquipmentRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Manufacturer and model' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) serialNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) inventoryNumber!: string | null;
}

/** A ticket's contract: its number and title. */
export class TicketContractRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
}

/** The SLA clock a list row shows: the deadline its "time left" counts down to. */
export class TicketSummarySlaDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolutionDueAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: `Since when the clocks stand still (pausing status, or resolved); null: running. ${STAFF_ONLY}`,
  })
  pausedAt?: string | null;
}

/** What the requester is promised (SLA deadlines while they run); safe for clients. */
export class TicketPromiseDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The first answer is due by then; null once answered, finished or without SLA',
  })
  firstResponseBy!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'A solution is due by then; null once resolved, closed or without SLA',
  })
  resolutionBy!: string | null;
  @ApiProperty({
    description: 'The clocks stand still (a pausing status, e.g. waiting for the customer)',
  })
  paused!: boolean;
}

/**
 * A ticket as lists show it (queues, search, calendar, pickers): what a row displays and what
 * it links to, with the names of what it refers to. Everything else (description, custom
 * fields, category, project, the SLA policy and breach times, version...) is in
 * GET /tickets/{id}. Optional fields are staff-only: a client's ticket has none of them.
 */
export class TicketSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1042 }) number!: number;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority!: TicketPriority;
  @ApiProperty({ description: 'Status key in the ticket workflow' }) status!: string;
  @ApiProperty({ type: TranslatedTextDto, description: 'The status name in the ticket workflow' })
  statusName!: TranslatedTextDto;
  @ApiProperty({ enum: STATUS_CATEGORIES }) statusCategory!: StatusCategory;
  @ApiProperty({ type: TicketTypeRefDto, nullable: true }) type!: TicketTypeRefDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) organization!: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) requester!: RefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Issue 18 link' })
  serviceObjectId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Issue 18 link' })
  equipmentId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Issue 18 link' })
  contractId!: string | null;
  @ApiPropertyOptional({ type: RefDto, nullable: true, description: STAFF_ONLY })
  assignee?: RefDto | null;
  @ApiPropertyOptional({ type: RefDto, nullable: true, description: STAFF_ONLY })
  group?: RefDto | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: STAFF_ONLY,
  })
  dueAt?: string | null;
  @ApiProperty({
    type: TicketSummarySlaDto,
    description: 'The Overdue queue uses resolutionDueAt when dueAt is not set',
  })
  sla!: TicketSummarySlaDto;
  @ApiProperty({
    type: TicketPromiseDto,
    description: 'The promised response and resolution times, as the requester sees them',
  })
  promise!: TicketPromiseDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'The last change; for a client, the last change a client sees (internal notes and files, assignment and SLA recomputes do not count), and sort=updatedAt orders by it',
  })
  updatedAt!: string;
}

/**
 * The fields of one ticket but the description, custom fields and rating (see TicketDto).
 * Optional fields are staff-only: a client's ticket has none of them, so a client-facing caller
 * that reads one gets `undefined` and the generated types say so.
 */
export class TicketFieldsDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1042 }) number!: number;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority!: TicketPriority;
  @ApiProperty({ description: 'Status key in the ticket workflow' }) status!: string;
  @ApiProperty({ type: TranslatedTextDto, description: 'The status name in the ticket workflow' })
  statusName!: TranslatedTextDto;
  @ApiProperty({ enum: STATUS_CATEGORIES }) statusCategory!: StatusCategory;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) typeId!: string | null;
  @ApiProperty({ type: TicketTypeRefDto, nullable: true }) type!: TicketTypeRefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) organization!: RefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) requesterId!: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) requester!: RefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) serviceObjectId!: string | null;
  @ApiProperty({ type: RefDto, nullable: true, description: 'The service object (site)' })
  serviceObject!: RefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) equipmentId!: string | null;
  @ApiProperty({ type: TicketEquipmentRefDto, nullable: true })
  equipment!: TicketEquipmentRefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) contractId!: string | null;
  @ApiProperty({ type: TicketContractRefDto, nullable: true })
  contract!: TicketContractRefDto | null;
  @ApiProperty({
    description:
      "Warranty work: set when the equipment's warranty runs on the ticket's creation date, unless staff set it",
  })
  warranty!: boolean;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: STAFF_ONLY })
  assigneeId?: string | null;
  @ApiPropertyOptional({ type: RefDto, nullable: true, description: STAFF_ONLY })
  assignee?: RefDto | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: STAFF_ONLY })
  groupId?: string | null;
  @ApiPropertyOptional({ type: RefDto, nullable: true, description: STAFF_ONLY })
  group?: RefDto | null;
  @ApiPropertyOptional({
    type: Number,
    enum: [1, 2, 3],
    nullable: true,
    description: `Support level (L1-L3): its group’s, or set by a rule or an escalation. ${STAFF_ONLY}`,
  })
  supportLevel?: 1 | 2 | 3 | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) categoryId!: string | null;
  @ApiProperty({ type: CategoryRefDto, nullable: true }) category!: CategoryRefDto | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: STAFF_ONLY })
  projectId?: string | null;
  @ApiPropertyOptional({ type: RefDto, nullable: true, description: STAFF_ONLY })
  project?: RefDto | null;
  @ApiProperty({ format: 'date-time', description: 'When the ticket entered its status' })
  statusChangedAt!: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: STAFF_ONLY,
  })
  dueAt?: string | null;
  @ApiProperty({
    type: TicketSlaDto,
    description:
      'SLA clocks; the Overdue queue uses resolutionDueAt when dueAt is not set. Clients get the promised times only (firstResponseDueAt, resolutionDueAt)',
  })
  sla!: TicketSlaDto;
  @ApiProperty({
    type: TicketPromiseDto,
    description: 'The promised response and resolution times, as the requester sees them',
  })
  promise!: TicketPromiseDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) postponedUntil!:
    string | null;
  @ApiPropertyOptional({ description: `The desk owes the client an answer. ${STAFF_ONLY}` })
  needsReply?: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstRespondedAt!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ enum: TICKET_CHANNELS }) channel!: TicketChannel;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdById!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'The last change; for a client, the last change a client sees (internal notes and files, assignment and SLA recomputes do not count), and sort=updatedAt orders by it',
  })
  updatedAt!: string;
  @ApiProperty({ description: 'Send it back with every write (optimistic locking)' })
  version!: number;
}

export class TicketDto extends TicketFieldsDto {
  @ApiProperty() description!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Custom field values by field key (clients get only client-visible fields): strings, numbers, booleans, string arrays (multi_select) or null',
  })
  customFields!: CustomFieldValues;
  @ApiProperty({
    type: SatisfactionDto,
    nullable: true,
    description: "The requester's latest rating",
  })
  satisfaction!: SatisfactionDto | null;
}

export class TicketPageDto {
  @ApiProperty({ type: [TicketSummaryDto] }) items!: TicketSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** Queue sizes; clients get createdByMe, open and closed only (the rest are staff queues). */
export class TicketCountsDto {
  @ApiPropertyOptional({ description: STAFF_ONLY }) unassigned?: number;
  @ApiPropertyOptional({
    description: 'Dispatchers and admins only: no group and no assignee (view=undistributed)',
  })
  undistributed?: number;
  @ApiPropertyOptional({ description: STAFF_ONLY }) mine?: number;
  @ApiProperty() createdByMe!: number;
  @ApiProperty() open!: number;
  @ApiProperty() closed!: number;
  @ApiPropertyOptional({ description: STAFF_ONLY }) needsReply?: number;
  @ApiPropertyOptional({ description: STAFF_ONLY }) overdue?: number;
  @ApiPropertyOptional({
    description:
      'Clients only: their tickets in the status category informational, neither open nor closed',
  })
  informational?: number;
}

export class TicketTypeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty({ description: 'Clients may create and see tickets of public types' })
  isPublic!: boolean;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ enum: TICKET_PRIORITIES }) defaultPriority!: TicketPriority;
  @ApiProperty() active!: boolean;
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
  @ApiProperty({
    type: [TicketTypeFieldDto],
    description: 'Custom fields by position; clients get the client-visible active ones only',
  })
  fields!: TicketTypeFieldDto[];
}

export class TransitionOptionDto {
  @ApiProperty() to!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty({ enum: STATUS_CATEGORIES }) category!: StatusCategory;
  @ApiProperty() requiresPostpone!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'How far ahead postponeUntil may be, in days',
  })
  postponeMaxDays!: number | null;
  @ApiProperty() commentRequired!: boolean;
  @ApiProperty({ description: 'duplicateOfId is required' }) requiresDuplicateOf!: boolean;
  @ApiProperty({ type: [String], description: 'Fields that must be filled (custom:<key> too)' })
  requiredFields!: string[];
  @ApiProperty({
    type: [String],
    description: 'Of requiredFields, those this ticket has not filled yet',
  })
  missingFields!: string[];
}

export class TicketEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: String, nullable: true }) field!: string | null;
  @ApiPropertyOptional({ description: 'Previous value (any JSON)', nullable: true })
  oldValue!: unknown;
  @ApiPropertyOptional({ description: 'New value (any JSON)', nullable: true }) newValue!: unknown;
  @ApiProperty({ type: RefDto, nullable: true, description: 'null: the system did it' })
  actor!: RefDto | null;
  @ApiProperty({
    type: RefDto,
    nullable: true,
    description: 'The assignee the actor stood in for, as their active deputy; null otherwise',
  })
  onBehalfOf!: RefDto | null;
  @ApiProperty() internal!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: TranslatedTextDto,
    nullable: true,
    description:
      'status_changed lines: the old status as the ticket’s workflow names it (null on other lines, or when the workflow no longer has it)',
  })
  oldStatusName!: TranslatedTextDto | null;
  @ApiProperty({
    type: TranslatedTextDto,
    nullable: true,
    description: 'status_changed lines: the new status as the ticket’s workflow names it',
  })
  newStatusName!: TranslatedTextDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'serviceObjectId, equipmentId and contractId lines: the old one named as the reader may see it (null: none, not visible to the reader, or another kind of line)',
  })
  oldValueName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The same for the new one' })
  newValueName!: string | null;
}

export class TicketEventPageDto {
  @ApiProperty({ type: [TicketEventDto] }) items!: TicketEventDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty() body!: string;
  @ApiProperty() internal!: boolean;
  @ApiProperty({ type: RefDto, nullable: true }) author!: RefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CommentPageDto {
  @ApiProperty({ type: [CommentDto] }) items!: CommentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
