import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../common/auth/decorators.js';
import { RateLimited } from '../../../common/http/rate-limit.js';
import { THROTTLERS } from '../../../common/http/throttling/throttlers.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import {
  PasswordResetDto,
  PasswordResetRequestAcceptedDto,
  PasswordResetRequestDto,
} from './dto/account-mails.dto.js';
import { PasswordResets } from './password-resets.service.js';

const ACCEPTED: PasswordResetRequestAcceptedDto = {
  detail:
    'If an active account uses this address, a link to set a new password is on its way to it',
};

@ApiTags('auth')
@Controller('v1/auth')
export class PasswordResetsController {
  constructor(private readonly resets: PasswordResets) {}

  @Public()
  @Post('password-reset-requests')
  @HttpCode(202)
  @ApiOperation({
    summary: '"Forgot password": mail a link to set a new password',
    description:
      'Always 202 with the same body, at once: only an active account with this address gets a ' +
      'mail, and nothing in the answer tells whether there is one. Limited per client address and ' +
      'per address asked about (429). The link works once, for PASSWORD_RESET_TTL_MINUTES; a newer ' +
      'one replaces it.',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestAcceptedDto })
  @ApiProblems(400, 429)
  @RateLimited({
    by: [THROTTLERS.passwordResetIp, THROTTLERS.passwordResetAddress],
    message: 'Too many password reset requests; wait before trying again',
  })
  request(@Body() dto: PasswordResetRequestDto): PasswordResetRequestAcceptedDto {
    this.resets.request(dto.email, dto.app);
    return ACCEPTED;
  }

  @Public()
  @Post('password-resets')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a password with the token of a reset or welcome mail',
    description:
      'The token works once and until it expires; every session of the account ends (as after ' +
      'a password change). An unknown, used or expired token is a 400 with one message for all.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 429)
  @RateLimited({
    by: [THROTTLERS.accountToken],
    message: 'Too many attempts; wait before trying again',
  })
  async reset(@Body() dto: PasswordResetDto): Promise<void> {
    await this.resets.reset(dto.token, dto.password);
  }
}
