import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentRateLimits } from '../http/rate-limit.js';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Relaydesk API')
    .setDescription(
      'REST API of the Relaydesk help desk. Errors are RFC 9457 problem+json; lists use keyset ' +
        'pagination ({ items, nextCursor }); writes carry `version` for optimistic locking. ' +
        'Any endpoint answers 503 problem+json with Retry-After while the database is unavailable; ' +
        '`/api/health/live` and `/api/health/ready` are for load balancers.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'A short-lived access token from /auth/login or /auth/refresh: a JWS signed with HS256, ' +
        'verified for that algorithm only and for its expiry, following RFC8725 (JWT best ' +
        'current practices).',
    })
    .build();
  return documentRateLimits(
    SwaggerModule.createDocument(app, config, {
      operationIdFactory: (controllerKey, methodKey) =>
        `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
    }),
  );
}

export function mountSwagger(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Relaydesk API',
  });
}
