import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

const ONE_YEAR = 365 * 24 * 3600;

/** Requests for the API, which neither the file handlers nor the SPA fallback answer. */
const isApiRequest = (req: Request) => req.originalUrl.startsWith('/api');

/**
 * Serves the built SPAs from the same origin as the API: the agent workspace under /agent/,
 * the client portal at /. Hashed assets are cached for a year; index.html never, so a deploy
 * is picked up on the next navigation. Paths that look like files and are missing fall through
 * to a 404, so a stale asset URL never gets an HTML page by mistake.
 */
export function hostSpas(
  app: NestExpressApplication,
  webRoot: string,
): { agent: boolean; portal: boolean } {
  const apps = [
    { prefix: '/agent', dir: join(webRoot, 'agent', 'dist') },
    { prefix: '', dir: join(webRoot, 'portal', 'dist') },
  ].filter((a) => existsSync(join(a.dir, 'index.html')));

  const staticOptions = {
    index: false,
    fallthrough: true,
    setHeaders: (res: Response, path: string) => {
      res.setHeader(
        'Cache-Control',
        /[\\/]assets[\\/]/.test(path) ? `public, max-age=${ONE_YEAR}, immutable` : 'no-cache',
      );
    },
  };
  // API paths never reach the file system: express.static would otherwise stat a file for
  // every GET /api/... before falling through (a syscall per request, seen in profiles).
  for (const a of apps) {
    const serve = express.static(a.dir, staticOptions);
    app.use(a.prefix || '/', (req: Request, res: Response, next: NextFunction) => {
      if (isApiRequest(req)) return next();
      serve(req, res, next);
    });
  }

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiRequest(req)) return next();
    if (/\.[a-z0-9]+$/i.test(req.path)) return next();
    const target = apps.find(
      (a) => a.prefix === '' || req.path === a.prefix || req.path.startsWith(`${a.prefix}/`),
    );
    if (!target) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(target.dir, 'index.html'));
  });
  return {
    agent: apps.some((a) => a.prefix === '/agent'),
    portal: apps.some((a) => a.prefix === ''),
  };
}
