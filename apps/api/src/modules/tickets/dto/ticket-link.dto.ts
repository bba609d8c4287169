import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import {
  STATUS_CATEGORIES,
  TICKET_LINK_RELATIONS,
  type StatusCategory,
  type TicketLinkRelation,
} from '@relaydesk/contracts';
import { TranslatedTextDto } from '../../../common/openapi/translated-text.dto.js';
import { RefDto } from './ticket.dto.js';
import { UUID_SCHEMA } from '../../../common/openapi/request-fields.js';

/** Relations a person creates; `duplicated_by` is read from the other end only. */
export const CREATABLE_LINK_RELATIONS = ['duplicate_of', 'related', 'parent', 'child'] as const;

export class CreateTicketLinkDto {
  @ApiProperty({
    enum: CREATABLE_LINK_RELATIONS,
    description:
      "What the other ticket is to this one: `parent` makes this ticket its child, `child` makes it this ticket's child, `duplicate_of` marks this ticket as a duplicate of it",
  })
  @IsIn(CREATABLE_LINK_RELATIONS)
  relation!: (typeof CREATABLE_LINK_RELATIONS)[number];

  @ApiProperty({ ...UUID_SCHEMA, description: 'The other ticket' })
  @IsUUID()
  ticketId!: string;
}

export class LinkedTicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() subject!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: TranslatedTextDto, description: 'The status name in its workflow' })
  statusName!: TranslatedTextDto;
  @ApiProperty({ enum: STATUS_CATEGORIES }) statusCategory!: StatusCategory;
}

export class TicketLinkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: TICKET_LINK_RELATIONS,
    description: 'What the linked ticket is to this one',
  })
  relation!: TicketLinkRelation;
  @ApiProperty({ type: LinkedTicketDto }) ticket!: LinkedTicketDto;
  @ApiProperty({ type: RefDto, nullable: true }) createdBy!: RefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
