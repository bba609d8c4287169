import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { UUID_SCHEMA } from '../../../common/openapi/request-fields.js';
import { LowerCaseIds } from '../../../common/validation/dto-decorators.js';

export class RecordKbSuggestionOpenDto {
  @ApiProperty({
    ...UUID_SCHEMA,
    description:
      'The new-ticket form’s suggestion session: a random id the form makes when it is opened ' +
      'and sends again as `suggestionSessionId` when the ticket is filed',
  })
  @LowerCaseIds()
  @IsUUID()
  sessionId!: string;

  @ApiProperty({ ...UUID_SCHEMA, description: 'The suggested article the client opened' })
  @LowerCaseIds()
  @IsUUID()
  articleId!: string;
}
