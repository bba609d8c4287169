import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { rateLimitConfig, type RateLimitConfig } from '../../../config/config-namespaces.js';
import { skipsThrottler } from '../rate-limit.js';
import { PostgresThrottlerStorage, RateLimitSweep } from './postgres-throttler.storage.js';
import { throttlerDefinitions } from './throttlers.js';

/** The storage as a provider of its own: auth gives hits back through it, and its sweep is a loop. */
@Global()
@Module({
  providers: [PostgresThrottlerStorage, RateLimitSweep],
  exports: [PostgresThrottlerStorage],
})
export class RateLimitStorageModule {}

/**
 * @nestjs/throttler with the PostgreSQL storage and the named limits of the public endpoints.
 * No global guard: operations opt in with @RateLimited(), which names the throttlers they use.
 */
@Module({
  imports: [
    RateLimitStorageModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [PostgresThrottlerStorage, rateLimitConfig.token],
      useFactory: (storage: PostgresThrottlerStorage, config: RateLimitConfig) => ({
        storage,
        throttlers: throttlerDefinitions(config).map((t) => ({
          ...t,
          skipIf: (context) => skipsThrottler(context, t.name),
        })),
      }),
    }),
  ],
})
export class RateLimitModule {}
