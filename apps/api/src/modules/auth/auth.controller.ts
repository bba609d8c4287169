import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiNoContentResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public } from '../../common/auth/decorators.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { AuthService } from './auth.service.js';
import { ProfileService } from './profile.service.js';
import {
  ChangePasswordDto,
  LoginDto,
  MeDto,
  RefreshDto,
  TokenPairDto,
  UpdateMeDto,
} from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with e-mail and password' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 429)
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<TokenPairDto> {
    return this.auth.login(dto.email, dto.password, {
      ip: req.ip ?? 'unknown',
      userAgent: req.get('user-agent') ?? null,
    });
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair (rotation)' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the current session: its access and refresh tokens stop working' })
  @ApiNoContentResponse()
  @ApiProblems(401)
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user.sessionId);
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
  @ApiOperation({ summary: 'Change own name, phone, UI language or out-of-office period' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(400, 401, 422)
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.profile.update(user, dto);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change own password; other sessions are logged out' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 422)
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(user.id, user.sessionId, dto.currentPassword, dto.newPassword);
  }
}
