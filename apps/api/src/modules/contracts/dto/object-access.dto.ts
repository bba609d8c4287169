import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

/** More objects than this is no limit worth keeping per contact: leave the contact unlimited. */
export const MAX_CONTACT_OBJECTS = 500;

export class ObjectAccessEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ContactObjectAccessDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({
    type: [ObjectAccessEntryDto],
    description:
      'The service objects the contact is limited to, by name. Empty: no limit, the contact sees the whole organization',
  })
  serviceObjects!: ObjectAccessEntryDto[];
}

export class UpdateContactObjectAccessDto {
  @ApiProperty({
    type: [String],
    maxItems: MAX_CONTACT_OBJECTS,
    items: { type: 'string', format: 'uuid', maxLength: 36 },
    description:
      'The whole set: service objects of the contact’s organization (422 per entry otherwise). Empty lifts the limit',
  })
  @IsArray()
  @ArrayMaxSize(MAX_CONTACT_OBJECTS)
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  serviceObjectIds!: string[];
}
