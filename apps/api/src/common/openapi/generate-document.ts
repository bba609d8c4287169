import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../../app.module.js';
import { loadConfig } from '../../config/app-config.js';
import { buildOpenApiDocument } from './openapi.js';

/**
 * The OpenAPI document straight from the code, without a database: Nest's preview mode reads
 * the modules' metadata but instantiates nothing. Used by `npm run openapi` and the drift test.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig(
    {},
    {
      databaseUrl: 'postgres://preview@localhost/none',
      schedulerEnabled: false,
      benchRoutes: false,
    },
  );
  const app = await NestFactory.create(AppModule.forRoot({ config }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Stable text for the committed file: sorted keys, two-space indent, trailing newline. */
export function serializeOpenApiDocument(doc: OpenAPIObject): string {
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return `${JSON.stringify(sortKeys(doc), null, 2)}\n`;
}
