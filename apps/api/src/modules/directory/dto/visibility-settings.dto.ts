import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { VISIBILITY_SCOPES, type VisibilityScope } from '@relaydesk/contracts';
import { IsOptionalNonNull } from '../../../common/validation/dto-decorators.js';
import { DATE_TIME_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';

const DEFAULT_SCOPE_TEXT =
  'The scope of every agent whose own `visibilityScope` is null (docs/visibility.md). `all` ' +
  'is the Okdesk way (all staff see all tickets); `groups` what Relaydesk did before scopes';
const UNASSIGNED_TEXT =
  'true: an unassigned ticket is seen by the members of the group it is routed to (and whoever ' +
  'sees it for another reason: its requester, creator, project, department), not by every agent ' +
  'in scope `groups` or `department`. Admins, dispatchers and scope `all` see it either way';

export class VisibilitySettingsDto {
  @ApiProperty({ enum: VISIBILITY_SCOPES, description: DEFAULT_SCOPE_TEXT })
  defaultScope!: VisibilityScope;
  @ApiProperty({ description: UNASSIGNED_TEXT }) unassignedGroupOnly!: boolean;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ ...DATE_TIME_SCHEMA }) updatedAt!: string;
}

export class UpdateVisibilitySettingsDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' }) version!: number;

  @ApiPropertyOptional({ enum: VISIBILITY_SCOPES, description: DEFAULT_SCOPE_TEXT })
  @IsOptionalNonNull()
  @IsIn(VISIBILITY_SCOPES)
  defaultScope?: VisibilityScope;

  @ApiPropertyOptional({ description: UNASSIGNED_TEXT })
  @IsOptionalNonNull()
  @IsBoolean()
  unassignedGroupOnly?: boolean;
}
