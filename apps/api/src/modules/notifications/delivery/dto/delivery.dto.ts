import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@relaydesk/contracts';
import { CursorField } from '../../../../common/openapi/request-fields.js';

export class DeliveryTicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1042 }) number!: number;
  @ApiProperty() subject!: string;
}

/** A delivery status notification (bounce) that came back for the message. */
export class DeliveryBounceDto {
  @ApiProperty({ format: 'date-time', description: 'When the bounce arrived' }) at!: string;
  @ApiProperty({
    description:
      'true: a permanent failure (5.x.x), the recipient address is bouncing; false: a delay (4.x.x), a note only',
  })
  permanent!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '5.1.1' }) status!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The remote server's reply (Diagnostic-Code)",
  })
  diagnostic!: string | null;
}

/** One outgoing e-mail or SMS, as staff and admins see it: never its content. */
export class DeliveryDto {
  @ApiProperty({ description: 'Numeric id; bounces name it in the VERP address', example: '1042' })
  id!: string;
  @ApiProperty({ enum: ['email', 'sms'] }) channel!: 'email' | 'sms';
  @ApiProperty({
    description: 'A notification kind or an account mail kind',
    example: 'comment_public',
  })
  kind!: string;
  @ApiProperty({ description: 'E-mail address, or phone number for SMS' }) recipient!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The recipient user’s name, if a user',
  })
  recipientName!: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ description: 'Sending attempts so far' }) attempts!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The last SMTP or gateway reply for a failure or retry; why, for a suppressed one',
  })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a pending one is tried next',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: DeliveryTicketDto, nullable: true }) ticket!: DeliveryTicketDto | null;
  @ApiProperty({
    type: DeliveryBounceDto,
    nullable: true,
    description: 'Null: no bounce came back',
  })
  bounce!: DeliveryBounceDto | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items!: DeliveryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class DeliveryPageQueryDto {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @CursorField()
  cursor?: string;
}

export class AdminDeliveryQueryDto extends DeliveryPageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, default: 'failed' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class DeliveryCountsDto {
  @ApiProperty() pending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() suppressed!: number;
}

/** The mail settings in force, for admins: never the SMTP password or the DKIM key. */
export class MailSettingsDto {
  @ApiProperty({ enum: ['smtp', 'log'] }) driver!: 'smtp' | 'log';
  @ApiProperty({ type: String, nullable: true }) host!: string | null;
  @ApiProperty({ type: Number, nullable: true }) port!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'smtps:// (TLS from the start)' })
  secure!: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: 'SMTP login (never the password)' })
  user!: string | null;
  @ApiProperty({ description: 'MAIL_FROM', example: 'Help desk <help@example.com>' }) from!: string;
  @ApiProperty({ description: 'Domain of Message-IDs and of the bounce (VERP) address' })
  domain!: string;
  @ApiProperty({ type: String, nullable: true }) replyTo!: string | null;
  @ApiProperty() dkim!: boolean;
  @ApiProperty({ type: String, nullable: true }) dkimDomain!: string | null;
  @ApiProperty({ type: String, nullable: true }) dkimSelector!: string | null;
  @ApiProperty({ description: 'Automatic mails per recipient address per hour' })
  rateLimitPerHour!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where the log driver writes .eml files',
  })
  logDirectory!: string | null;
  @ApiProperty({ type: DeliveryCountsDto, description: 'Deliveries by status, e-mail and SMS' })
  counts!: DeliveryCountsDto;
}
