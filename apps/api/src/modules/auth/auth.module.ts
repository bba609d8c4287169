import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { PermissionsGuard } from '../../common/auth/permissions.guard.js';
import { ScopeGuard } from '../../common/auth/scope.guard.js';
import { ApiTokenAuthenticator } from './service-accounts/api-token-authenticator.js';
import { ApiTokenRateLimitGuard } from './service-accounts/api-token-rate-limit.guard.js';
import { ApiTokensService } from './service-accounts/api-tokens.service.js';
import { ServiceAccountsController } from './service-accounts/service-accounts.controller.js';
import { ServiceAccountsService } from './service-accounts/service-accounts.service.js';
import { AuthController, MeController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthUserLoader } from './auth-user.loader.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { ContractsModule } from '../contracts/index.js';
import { DirectoryModule } from '../directory/index.js';
import { ProfileService } from './profile.service.js';
import { AccountTokensModule } from './account-tokens/account-tokens.module.js';

@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
    DirectoryModule,
    AccountTokensModule,
    ContractsModule,
  ],
  controllers: [AuthController, MeController, ServiceAccountsController],
  providers: [
    AuthService,
    AuthUserLoader,
    JwtStrategy,
    LoginThrottleService,
    ProfileService,
    ApiTokenAuthenticator,
    ApiTokensService,
    ServiceAccountsService,
    // Order matters: authenticate first (a session or an API token), count a token's request,
    // check a token's scope, then the declared permissions of the caller's role.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: ApiTokenRateLimitGuard },
    { provide: APP_GUARD, useClass: ScopeGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
  // AuthUserLoader: routes authenticated by a token of the user's own (the calendar feed) load
  // the same AuthUser a logged-in request gets.
  exports: [AuthUserLoader],
})
export class AuthModule {}
