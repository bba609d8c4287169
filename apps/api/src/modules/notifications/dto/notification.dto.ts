import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@relaydesk/contracts';
import { QueryBoolean } from '../../../common/validation/dto-decorators.js';
import { CursorField } from '../../../common/openapi/request-fields.js';

export class NotificationTicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1042 }) number!: number;
  @ApiProperty() subject!: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({
    type: NotificationTicketDto,
    nullable: true,
    description: 'The ticket it is about; notifications of tickets you cannot see are not listed',
  })
  ticket!: NotificationTicketDto | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Details by kind: the fields its e-mail is made from (ticket, actorName, timeZone, and per kind e.g. `clock`, `dueAt`, `reminderPercent` for SLA kinds, `body` for comments, `category` and `question` for status changes), without secrets such as rating links; deputyship kinds add `deputyshipId` (and `endedAt` for an end)',
  })
  data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ description: 'Unread notifications of tickets you can see' }) unread!: number;
}

export class NotificationListQueryDto {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @CursorField()
  cursor?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only unread ones' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unread?: boolean;
}
