import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from '@relaydesk/contracts';

/** Every kind on every channel: more cells than that in one request is not an edit. */
export const MAX_PREFERENCE_CELLS = NOTIFICATION_KINDS.length * NOTIFICATION_CHANNELS.length;

export class NotificationPreferenceCellDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel!: NotificationChannel;
  @ApiProperty({ description: 'Whether this kind reaches you on this channel' })
  enabled!: boolean;
  @ApiProperty({
    description: 'true: you have not chosen, the installation default applies (and may change)',
  })
  default!: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({
    type: [NotificationPreferenceCellDto],
    description: 'Each kind you can hear of, on each channel, in the order of the kinds',
  })
  items!: NotificationPreferenceCellDto[];
  @ApiProperty({
    description:
      'You have a valid phone number (E.164) and agreed to SMS: only then may SMS cells be turned on',
  })
  smsAvailable!: boolean;
}

export class NotificationPreferenceChangeDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS)
  kind!: NotificationKind;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS })
  @IsIn(NOTIFICATION_CHANNELS)
  channel!: NotificationChannel;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Your choice; null goes back to the installation default',
  })
  @ValidateIf((_object: unknown, value: unknown) => value !== null)
  @IsBoolean()
  enabled!: boolean | null;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({
    type: [NotificationPreferenceChangeDto],
    minItems: 1,
    maxItems: MAX_PREFERENCE_CELLS,
    description: 'The cells you change; cells left out keep what they are',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PREFERENCE_CELLS)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceChangeDto)
  cells!: NotificationPreferenceChangeDto[];
}

export class NotificationDefaultDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel!: NotificationChannel;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'Client contacts can hear of this kind (else staff only)' })
  clients!: boolean;
}

export class NotificationDefaultsDto {
  @ApiProperty({ type: [NotificationDefaultDto] }) items!: NotificationDefaultDto[];
}

export class NotificationDefaultChangeDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS)
  kind!: NotificationKind;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS })
  @IsIn(NOTIFICATION_CHANNELS)
  channel!: NotificationChannel;

  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

export class UpdateNotificationDefaultsDto {
  @ApiProperty({
    type: [NotificationDefaultChangeDto],
    minItems: 1,
    maxItems: MAX_PREFERENCE_CELLS,
    description: 'The cells you change; the others keep their value',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PREFERENCE_CELLS)
  @ValidateNested({ each: true })
  @Type(() => NotificationDefaultChangeDto)
  cells!: NotificationDefaultChangeDto[];
}
