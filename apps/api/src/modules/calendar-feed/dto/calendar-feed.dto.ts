import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedStatusDto {
  @ApiProperty({ description: 'Whether the user has a feed address that works' }) exists!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the current address was made',
  })
  createdAt!: string | null;
}

export class CalendarFeedCreatedDto {
  @ApiProperty({
    description:
      'The feed’s address, shown this once (only a hash is kept): paste it into Outlook or Google ' +
      'Calendar. It holds the token: treat it as a password; POST again to rotate, DELETE to revoke.',
  })
  url!: string;
  @ApiProperty({ description: 'The same address relative to the server, /api/v1/calendar-feeds/…' })
  path!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
