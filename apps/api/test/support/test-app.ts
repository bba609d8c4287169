import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import { pino, type Logger } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import {
  FanOutWorker,
  type DrainResult,
} from '../../src/modules/notifications/fan-out/fan-out.worker';
import { FakeClock } from './fake-clock';
import { createTestDatabase } from './test-database';
import { Factory } from './factory';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-000000';

export interface TestApp {
  app: NestExpressApplication;
  db: DataSource;
  clock: FakeClock;
  config: AppConfig;
  factory: Factory;
  http: () => ReturnType<typeof request>;
  /** An access token for `userId`, with a real session row behind it. */
  tokenFor: (userId: string) => Promise<string>;
  /** Another instance of the API on the same database, as when the API is scaled out. */
  secondInstance: () => Promise<NestExpressApplication>;
  /**
   * Runs the notification fan-out now (the scheduler is off): the in-app notifications and
   * deliveries of every event committed so far exist when it resolves.
   */
  drainNotifications: () => Promise<DrainResult>;
  close: () => Promise<void>;
}

/**
 * Boots the real application on a database of its own. No part of it is mocked: only the clock
 * is one the test moves, and the scheduler is off so timed work runs when the test calls it.
 */
export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  /** A logger to read what the app logs (silent by default). */
  logger: Logger = pino({ level: 'silent' }),
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig(
    {},
    {
      databaseUrl: database.url,
      jwtSecret: TEST_JWT_SECRET,
      schedulerEnabled: false,
      demoData: false,
      // Generous per-address limits: most tests send everything from one address. The limit
      // tests set their own.
      loginMaxAttemptsPerIp: 100000,
      refreshMaxPerIp: 100000,
      ratingMaxPerIp: 100000,
      unsubscribeMaxPerIp: 100000,
      passwordResetMaxPerIp: 100000,
      accountTokenMaxPerIp: 100000,
      logLevel: 'silent',
      dataDir: `/tmp/relaydesk-test-data-${process.env.JEST_WORKER_ID ?? '0'}`,
      ...overrides,
    },
  );
  const clock = new FakeClock();
  const app = await createApp({ config, clock, logger });
  const db = app.get(DataSource);
  const jwt = app.get(JwtService);
  const factory = new Factory(db);
  const others: NestExpressApplication[] = [];

  return {
    app,
    db,
    clock,
    config,
    factory,
    http: () => request(app.getHttpServer()),
    tokenFor: async (userId) => {
      const [{ id }] = (await db.query(
        'INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id',
        [userId],
      )) as { id: string }[];
      // Stamped by the test's clock, and valid for longer than any test moves it forward.
      return jwt.signAsync(
        { sub: userId, sid: id, iat: Math.floor(clock.now().getTime() / 1000) },
        { secret: TEST_JWT_SECRET, expiresIn: 20 * 365 * 86400, algorithm: 'HS256' },
      );
    },
    secondInstance: async () => {
      const other = await createApp({ config, clock, logger: pino({ level: 'silent' }) });
      others.push(other);
      return other;
    },
    drainNotifications: () => app.get(FanOutWorker).drain(),
    close: async () => {
      for (const other of others) await other.close();
      await app.close();
      await database.drop();
    },
  };
}
