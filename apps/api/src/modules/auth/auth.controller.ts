import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiNoContentResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Public } from '../../common/auth/decorators.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { RateLimited } from '../../common/http/rate-limit.js';
import { THROTTLERS } from '../../common/http/throttling/throttlers.js';
import { InvalidInputError, UnauthenticatedError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { AuthService, type IssuedTokens } from './auth.service.js';
import {
  clearRefreshCookie,
  readRefreshCookie,
  setRefreshCookie,
  type WebApp,
} from './refresh-cookie.js';
import { ProfileService } from './profile.service.js';
import {
  ChangePasswordDto,
  LoginDto,
  LogoutDto,
  MeDto,
  RefreshDto,
  TokenPairDto,
  UpdateMeDto,
} from './dto/auth.dto.js';

const SETS_REFRESH_COOKIE = {
  'Set-Cookie': {
    description:
      "Only when the request named a web app (`app`): that app's refresh token, " +
      '`rd_refresh_<app>=<token>; Max-Age=<seconds>; Path=/api/v1/auth; HttpOnly; SameSite=Strict` ' +
      '(and `Secure` over https)',
    schema: { type: 'string' as const },
  },
};

const CLEARS_REFRESH_COOKIE = {
  'Set-Cookie': {
    description: "Only with `app`: clears that app's refresh cookie",
    schema: { type: 'string' as const },
  },
};

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in with e-mail and password',
    description:
      'API clients get the refresh token in the body. The web apps send `app`: the refresh ' +
      "token then goes into that app's HttpOnly cookie and is left out of the body.",
  })
  @ApiOkResponse({ type: TokenPairDto, headers: SETS_REFRESH_COOKIE })
  @ApiProblems(400, 401, 429)
  @RateLimited({
    by: [THROTTLERS.login, THROTTLERS.account],
    message: 'Too many login attempts; wait before trying again',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenPairDto> {
    const tokens = await this.auth.login(dto.email, dto.password, {
      ip: req.ip ?? 'unknown',
      userAgent: req.get('user-agent') ?? null,
    });
    return this.answer(req, res, dto.app, tokens);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair (rotation)',
    description:
      "Send `refreshToken` (API clients), or only `app` to use that web app's refresh cookie. " +
      'A used token presented again revokes the session, except the immediately previous ' +
      'token within REFRESH_REUSE_GRACE_SECONDS of its use while the token it was rotated ' +
      'into is unused (a reload that lost the answer): it gets a new pair, and that unused ' +
      'token stops working. No refresh succeeds after the ' +
      "session's absolute lifetime (SESSION_MAX_AGE_DAYS), however recently it rotated.",
  })
  @ApiOkResponse({ type: TokenPairDto, headers: SETS_REFRESH_COOKIE })
  @ApiProblems(400, 401, 429)
  @RateLimited({
    by: [THROTTLERS.refresh],
    message: 'Too many token refreshes; wait before trying again',
  })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenPairDto> {
    // The cookie is read only for a JSON body that names the app (see refresh-cookie.ts: CSRF).
    const token = dto.refreshToken ?? (dto.app ? readRefreshCookie(req, dto.app) : null);
    if (!dto.app && !dto.refreshToken) throw new InvalidInputError('Send refreshToken or app');
    if (!token) {
      throw new UnauthenticatedError('No refresh cookie for this app; log in again');
    }
    try {
      return this.answer(req, res, dto.app, await this.auth.refresh(token));
    } catch (e) {
      // A dead cookie is of no use to the browser: drop it with the 401.
      if (dto.app && e instanceof UnauthenticatedError) clearRefreshCookie(req, res, dto.app);
      throw e;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End the current session: its access and refresh tokens stop working',
    description: "With `app`, that web app's refresh cookie is cleared too.",
  })
  @ApiBody({ type: LogoutDto, required: false })
  @ApiNoContentResponse({ headers: CLEARS_REFRESH_COOKIE })
  @ApiProblems(400, 401)
  async logout(
    @CurrentUser() user: AuthUser,
    @Body() dto: LogoutDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(user.sessionId);
    if (dto.app) clearRefreshCookie(req, res, dto.app);
  }

  private answer(
    req: Request,
    res: Response,
    app: WebApp | undefined,
    { refreshExpiresAt, ...tokens }: IssuedTokens,
  ): TokenPairDto {
    if (!app) return tokens;
    setRefreshCookie(req, res, app, tokens.refreshToken, refreshExpiresAt, this.clock.now());
    const { refreshToken: _inCookie, ...body } = tokens;
    return body;
  }
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly auth: AuthService,
    private readonly profile: ProfileService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The current user with their permissions' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(401)
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.profile.me(user);
  }

  @Patch()
  @ApiOperation({
    summary: 'Change own name, phone, SMS opt-in, UI language or out-of-office period',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(400, 401, 422)
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.profile.update(user, dto);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change own password; other sessions are logged out' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 422, 429)
  @RateLimited({
    by: [THROTTLERS.login, THROTTLERS.account],
    message: 'Too many password attempts; wait before trying again',
  })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Req() req: Request,
  ): Promise<void> {
    await this.auth.changePassword(
      user.id,
      user.sessionId,
      dto.currentPassword,
      dto.newPassword,
      req.ip ?? 'unknown',
    );
  }

  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out everywhere',
    description:
      'Ends every session of the caller, this one included: all their access and refresh ' +
      'tokens stop working at once. The calendar feed link is not a session and has its own revocation.',
  })
  @ApiNoContentResponse()
  @ApiProblems(401)
  async revokeAllSessions(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.revokeAllSessions(user.id);
  }
}
