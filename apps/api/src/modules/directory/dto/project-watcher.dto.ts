import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { UUID_SCHEMA } from '../../../common/openapi/request-fields.js';
import { LowerCaseIds } from '../../../common/validation/dto-decorators.js';

export const MAX_PROJECT_WATCHERS = 500;

export class ProjectWatcherDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['staff', 'client'] }) kind!: 'staff' | 'client';
  @ApiProperty({ description: 'false: deactivated since; hears of nothing' }) active!: boolean;
}

export class ProjectWatchersDto {
  @ApiProperty({ type: [ProjectWatcherDto], description: 'By name' })
  items!: ProjectWatcherDto[];
}

export class ReplaceProjectWatchersDto {
  @ApiProperty({
    type: [String],
    ...UUID_SCHEMA,
    maxItems: MAX_PROJECT_WATCHERS,
    description:
      'The whole list: active users (staff or client contacts); each other id is a 422 of its ' +
      'own. People already on the list may stay after being deactivated.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_PROJECT_WATCHERS)
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  userIds!: string[];
}
