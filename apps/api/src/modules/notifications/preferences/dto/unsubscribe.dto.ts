import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@relaydesk/contracts';

export class UnsubscribedDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, description: 'The kind whose e-mails are now off' })
  kind!: NotificationKind;
  @ApiProperty({ enum: ['email'], description: 'Only e-mail: the bell and SMS stay as they were' })
  channel!: 'email';
  @ApiProperty({ enum: [false] }) enabled!: false;
}
