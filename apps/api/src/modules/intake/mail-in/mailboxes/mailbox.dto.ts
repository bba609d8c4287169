import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import {
  FIELD_LIMITS,
  IntField,
  IsOptionalOrNull,
  PASSWORD_SCHEMA,
  UUID_SCHEMA,
  VersionField,
} from '../../../../common/openapi/request-fields.js';
import { IsNotBlank, IsOptionalNonNull } from '../../../../common/validation/dto-decorators.js';
import {
  MAILBOX_TLS_MODES,
  UNKNOWN_SENDER_POLICIES,
  type MailboxTlsMode,
  type UnknownSenderPolicy,
} from './support-mailbox.entity.js';

const HOST_MAX = 255;
const FOLDER_MAX = 200;
/** A host name or an IP address literal: letters, digits, dots, dashes, colons (IPv6). */
const HOST = /^[A-Za-z0-9.:[\]-]+$/;
/** No control characters in a folder name (IMAP mailbox names are UTF-7 encoded by imapflow). */
const FOLDER = /^[^\u0000-\u001f\u007f]+$/;

/** The poller's view of the mailbox, for the admin list. */
export class MailboxStatusDto {
  @ApiProperty({ nullable: true, type: String, description: 'UIDVALIDITY seen last (decimal)' })
  uidValidity!: string | null;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'Highest UID handled' })
  lastUid!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastPolledAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastSuccessAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last poll failed' })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastErrorAt!: string | null;
}

export class MailboxDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The address it serves (lower case)' }) address!: string;
  @ApiProperty() imapHost!: string;
  @ApiProperty({ type: 'integer' }) imapPort!: number;
  @ApiProperty({ enum: MAILBOX_TLS_MODES }) imapTls!: MailboxTlsMode;
  @ApiProperty() imapUser!: string;
  @ApiProperty({ description: 'The password is write-only: this says one is stored' })
  passwordSet!: boolean;
  @ApiProperty() folder!: string;
  @ApiProperty() processedFolder!: string;
  @ApiProperty() failedFolder!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) defaultTypeId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) defaultGroupId!: string | null;
  @ApiProperty({ nullable: true, enum: TICKET_PRIORITIES }) defaultPriority!: TicketPriority | null;
  @ApiProperty({ enum: UNKNOWN_SENDER_POLICIES }) unknownSenderPolicy!: UnknownSenderPolicy;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: MailboxStatusDto }) status!: MailboxStatusDto;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class MailboxFields {
  @ApiPropertyOptional({ maxLength: FOLDER_MAX, default: 'INBOX' })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(FOLDER_MAX)
  @Matches(FOLDER, { message: '$property must be a folder name' })
  folder?: string;

  @ApiPropertyOptional({ maxLength: FOLDER_MAX, default: 'Processed' })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(FOLDER_MAX)
  @Matches(FOLDER, { message: '$property must be a folder name' })
  processedFolder?: string;

  @ApiPropertyOptional({ maxLength: FOLDER_MAX, default: 'Failed' })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(FOLDER_MAX)
  @Matches(FOLDER, { message: '$property must be a folder name' })
  failedFolder?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA, nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('loose')
  defaultTypeId?: string | null;

  @ApiPropertyOptional({ ...UUID_SCHEMA, nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('loose')
  defaultGroupId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, nullable: true })
  @IsOptionalOrNull()
  @IsIn(TICKET_PRIORITIES)
  defaultPriority?: TicketPriority | null;

  @ApiPropertyOptional({ enum: UNKNOWN_SENDER_POLICIES, default: 'quarantine' })
  @IsOptionalNonNull()
  @IsIn(UNKNOWN_SENDER_POLICIES)
  unknownSenderPolicy?: UnknownSenderPolicy;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class CreateMailboxDto extends MailboxFields {
  @ApiProperty({ maxLength: FIELD_LIMITS.name })
  @IsString()
  @IsNotBlank()
  @MaxLength(FIELD_LIMITS.name)
  name!: string;

  @ApiProperty({ maxLength: FIELD_LIMITS.email, example: 'support@helpdesk.example' })
  @IsString()
  @MaxLength(FIELD_LIMITS.email)
  @IsEmail({ allow_display_name: false, require_tld: false })
  address!: string;

  @ApiProperty({ maxLength: HOST_MAX, example: 'imap.example.com' })
  @IsString()
  @MinLength(1)
  @MaxLength(HOST_MAX)
  @Matches(HOST, { message: '$property must be a host name or an IP address' })
  imapHost!: string;

  @IntField({ min: 1, max: 65535, example: 993 })
  imapPort!: number;

  @ApiProperty({ enum: MAILBOX_TLS_MODES, description: 'tls: 993; starttls: 143 upgraded' })
  @IsIn(MAILBOX_TLS_MODES)
  imapTls!: MailboxTlsMode;

  @ApiProperty({ maxLength: FIELD_LIMITS.email })
  @IsString()
  @IsNotBlank()
  @MaxLength(FIELD_LIMITS.email)
  imapUser!: string;

  @ApiProperty({ ...PASSWORD_SCHEMA, writeOnly: true, description: 'Stored encrypted' })
  @IsString()
  @MinLength(1)
  @MaxLength(FIELD_LIMITS.password)
  imapPassword!: string;
}

export class UpdateMailboxDto extends MailboxFields {
  @VersionField()
  version!: number;

  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.name })
  @IsOptionalNonNull()
  @IsString()
  @IsNotBlank()
  @MaxLength(FIELD_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.email })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(FIELD_LIMITS.email)
  @IsEmail({ allow_display_name: false, require_tld: false })
  address?: string;

  @ApiPropertyOptional({
    maxLength: HOST_MAX,
    description: 'A new host needs the password again: a stored one never goes to another server',
  })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(HOST_MAX)
  @Matches(HOST, { message: '$property must be a host name or an IP address' })
  imapHost?: string;

  @IntField({ min: 1, max: 65535, optional: 'non-null' })
  imapPort?: number;

  @ApiPropertyOptional({ enum: MAILBOX_TLS_MODES })
  @IsOptionalNonNull()
  @IsIn(MAILBOX_TLS_MODES)
  imapTls?: MailboxTlsMode;

  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.email })
  @IsOptionalNonNull()
  @IsString()
  @IsNotBlank()
  @MaxLength(FIELD_LIMITS.email)
  imapUser?: string;

  @ApiPropertyOptional({
    ...PASSWORD_SCHEMA,
    writeOnly: true,
    description: 'Left out: the stored password stays',
  })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(FIELD_LIMITS.password)
  imapPassword?: string;
}

export class MailboxTestResultDto {
  @ApiProperty({ description: 'Logged in and opened the folder' }) ok!: boolean;
  @ApiPropertyOptional({ description: 'What went wrong, in words an admin can act on' })
  error?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Messages in the folder' })
  messages?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Unseen messages in the folder' })
  unseen?: number;
  @ApiPropertyOptional({ description: 'UIDVALIDITY of the folder (decimal)' })
  uidValidity?: string;
  @ApiPropertyOptional({ description: 'The server offers IDLE (new mail is seen at once)' })
  idle?: boolean;
  @ApiProperty({ type: 'integer' }) durationMs!: number;
}

/** A message the ingest could not process: kept with its raw bytes and the error. */
export class FailedMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Message-ID without brackets (synthetic when it had none)' })
  messageId!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ nullable: true, type: String }) fromAddress!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed' }) error!:
    string | null;
  @ApiProperty({ type: 'integer', format: 'int64', nullable: true, description: 'IMAP UID' })
  uid!: number | null;
  @ApiProperty({ type: 'integer', description: 'Size of the raw message in bytes' }) size!: number;
}
