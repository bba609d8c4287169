import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser } from '../../../common/auth/decorators.js';
import { RateLimited } from '../../../common/http/rate-limit.js';
import { THROTTLERS } from '../../../common/http/throttling/throttlers.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import {
  EmailChangeDto,
  EmailChangeRequestedDto,
  EmailConfirmationDto,
} from './dto/account-mails.dto.js';
import { EmailChanges } from './email-changes.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('v1/me')
export class EmailChangesController {
  constructor(private readonly changes: EmailChanges) {}

  @Post('email-changes')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Change own e-mail address: mails a confirmation link to the new address',
    description:
      'Needs the current password (422 when wrong; guesses count against the login limits, 429). ' +
      'The address changes only when the link is confirmed (POST /me/email-confirmations) within ' +
      'EMAIL_CHANGE_TTL_HOURS; an address another account uses is a 409.',
  })
  @ApiAcceptedResponse({ type: EmailChangeRequestedDto })
  @ApiProblems(400, 401, 409, 422, 429)
  @RateLimited({
    by: [THROTTLERS.login, THROTTLERS.account],
    message: 'Too many password attempts; wait before trying again',
  })
  async request(
    @CurrentUser() user: AuthUser,
    @Body() dto: EmailChangeDto,
    @Req() req: Request,
  ): Promise<EmailChangeRequestedDto> {
    const expiresAt = await this.changes.request(
      user,
      dto.newEmail,
      dto.currentPassword,
      req.ip ?? 'unknown',
    );
    return { newEmail: dto.newEmail.trim(), expiresAt: expiresAt.toISOString() };
  }

  @Post('email-confirmations')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Confirm an e-mail change with the token mailed to the new address',
    description:
      "The token must be the caller's own, unused and unexpired (400 otherwise, one message for " +
      'all); 409 when another account took the address meanwhile.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 409, 429)
  @RateLimited({
    by: [THROTTLERS.accountToken],
    message: 'Too many attempts; wait before trying again',
  })
  async confirm(@CurrentUser() user: AuthUser, @Body() dto: EmailConfirmationDto): Promise<void> {
    await this.changes.confirm(user, dto.token);
  }
}
