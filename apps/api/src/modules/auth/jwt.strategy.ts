import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { authConfig, InjectConfig, type AuthConfig } from '../../config/config-namespaces.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { UnauthenticatedError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { AuthUserLoader } from './auth-user.loader.js';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  /** Seconds since the epoch, by the injectable clock (set by AuthService, checked here). */
  iat?: number;
  exp?: number;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @InjectConfig(authConfig) config: AuthConfig,
    private readonly loader: AuthUserLoader,
    private readonly clock: Clock,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the string
      // as a public key on every request before using it as a secret.
      // (The typings say string | Buffer; jsonwebtoken accepts a KeyObject at run time.)
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      // Expiry is checked in validate() against the injectable clock, the same clock that
      // stamped the token, so tests move time instead of waiting for tokens to expire.
      ignoreExpiration: true,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser> {
    if (typeof payload?.sub !== 'string' || typeof payload?.sid !== 'string') {
      throw new UnauthenticatedError('The access token is not valid');
    }
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= this.clock.now().getTime()) {
      throw new UnauthenticatedError('The access token has expired; refresh it');
    }
    const user = await this.loader.load(payload.sub, payload.sid);
    if (!user) throw new UnauthenticatedError('The session has ended; log in again');
    return user;
  }
}
