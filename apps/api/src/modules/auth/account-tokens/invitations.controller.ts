import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions } from '../../../common/auth/decorators.js';
import { IdParam } from '../../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { InvitationDto } from './dto/account-mails.dto.js';
import { Invitations } from './invitations.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
export class InvitationsController {
  constructor(private readonly invitations: Invitations) {}

  @Post(':id/invitations')
  @HttpCode(202)
  @RequirePermissions(Permission.ClientUsersManage)
  @ApiOperation({
    summary: 'Send a user a new welcome mail with a link to set their password',
    description:
      'For active users who have not set a password yet (422 otherwise). Earlier welcome links ' +
      'stop working. Admins invite anyone; dispatchers only client users (403).',
  })
  @ApiAcceptedResponse({ type: InvitationDto })
  @ApiProblems(401, 403, 404, 422)
  async resend(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<InvitationDto> {
    const expiresAt = await this.invitations.resend(caller, id);
    return { expiresAt: expiresAt.toISOString() };
  }
}
