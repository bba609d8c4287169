import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { problem, sendProblem } from './common/errors/problem.js';
import { jsonBodyMiddleware } from './common/http/body-parsing.js';
import { rawBodyMiddleware } from './common/http/raw-body.js';
import {
  INBOUND_MAIL_MAX_BYTES,
  INBOUND_MAIL_PATH,
  INBOUND_MAIL_TYPES,
} from './modules/intake/mail-in/http/inbound-mail-body.js';
import { closeConnectionOnUnreadBody } from './common/http/unread-body.middleware.js';
import { createValidationPipe } from './common/http/validation.js';
import { AppLogger, createRootLogger, requestLogger } from './common/logging/logger.js';
import { mountSwagger } from './common/openapi/openapi.js';
import { hostSpas } from './common/http/spa-hosting.js';
import { usePreparedStatements } from './common/database/sql.js';
import { WebFormFraming } from './modules/intake/index.js';
import { ApiTokenAuthenticator, apiTokenFirst } from './modules/auth/index.js';

export interface CreateAppOptions extends AppModuleOptions {
  logger?: Logger;
}

/** Builds the whole HTTP application; main.ts, the tests and the benchmark all start it here. */
export async function createApp(options: CreateAppOptions): Promise<NestExpressApplication> {
  const { config } = options;
  const logger = options.logger ?? createRootLogger(config.logLevel);
  usePreparedStatements(config.databasePreparedStatements);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ ...options, logger }),
    // Nest's own lines wait for nestjs-pino's logger (AppLogger), which exists once the module does.
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(AppLogger));
  configureApp(app, options, logger);
  await app.init();
  // Last in line, after Nest's routes and its /api 404: whatever no route and no SPA answered
  // (`//api/v1/tickets`, a POST outside /api, any path of an API-only deployment without the
  // web build) gets the API's problem+json 404 instead of Express's HTML page.
  app.use((_req: Request, res: Response) => sendProblem(res, problem(404, 'No such endpoint')));
  return app;
}

export function configureApp(
  app: NestExpressApplication,
  { config }: AppModuleOptions,
  logger: Logger,
): void {
  app.setGlobalPrefix('api');
  if (config.benchRoutes) {
    logger.warn(
      'RELAYDESK_BENCH_ROUTES is on: POST /api/bench/baseline writes without auth (bench only)',
    );
  }
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Installations often run on plain http inside a company network: do not force https.
          upgradeInsecureRequests: null,
          // blob: for the article images the SPAs fetch with the session's token (a browser
          // sends none for <img src>, and a token never goes in a URL) and show as blob URLs.
          imgSrc: ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  // The web form page may be framed by the sites its settings name (helmet says 'self' only).
  app.use(app.get(WebFormFraming).middleware);
  app.use(requestLogger(logger));
  // Any answer given before the body was read (401, 404, 413, 415) closes a connection with a
  // large body instead of reading all of it.
  app.use(closeConnectionOnUnreadBody);
  // Raw mail piped in by an MTA: bytes, read before (and instead of) the JSON parser, and only
  // for a valid API token (checked first: up to 25 MB is not read for an anonymous 401).
  app.use(
    INBOUND_MAIL_PATH,
    apiTokenFirst(app.get(ApiTokenAuthenticator)),
    rawBodyMiddleware(INBOUND_MAIL_TYPES, INBOUND_MAIL_MAX_BYTES, 'message'),
  );
  app.use(jsonBodyMiddleware(config.jsonBodyLimitBytes));
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      credentials: false,
      exposedHeaders: [
        'X-Request-Id',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'Retry-After',
      ],
    });
  }
  app.useGlobalPipes(createValidationPipe());
  hostSpas(app, config.webRoot);
  mountSwagger(app);
  app.enableShutdownHooks();
}
