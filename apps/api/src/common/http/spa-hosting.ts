import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

const ONE_YEAR = 365 * 24 * 3600;
const IMMUTABLE = `public, max-age=${ONE_YEAR}, immutable`;

/** Pre-compressed copies the web build writes next to each file (scripts/lib/vite-precompress.mjs). */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

/** Requests for the API, which neither the file handler nor the SPA fallback answer. */
const isApiRequest = (req: Request) => req.originalUrl.startsWith('/api');

/**
 * The content codings an Accept-Encoding header allows, best first: br before gzip (what we
 * prefer, whatever the client's order), `q=0` refuses one, `*` stands for those not named.
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (token) q.set(token, weight ? Number(weight[1]) : 1);
  }
  return ENCODINGS.map((e) => e.name).filter((name) => (q.get(name) ?? q.get('*') ?? 0) > 0);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The URL path inside an app's dist folder, or null when it is not a plain, visible file path. */
function relativeFilePath(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0'))) return null;
  return segments.join('/');
}

/**
 * Sends `file` in the best encoding the client accepts that the build pre-compressed, with the
 * original's Content-Type. send() handles HEAD, ETag/Last-Modified and ranges of what it sends.
 */
async function sendFile(
  req: Request,
  res: Response,
  next: NextFunction,
  file: string,
  cacheControl: string,
): Promise<void> {
  let chosen = file;
  for (const name of acceptedEncodings(req.headers['accept-encoding'])) {
    const suffix = ENCODINGS.find((e) => e.name === name)!.suffix;
    if (await isFile(file + suffix)) {
      chosen = file + suffix;
      res.setHeader('Content-Encoding', name);
      break;
    }
  }
  res.vary('Accept-Encoding');
  res.type(extname(file));
  res.setHeader('Cache-Control', cacheControl);
  res.sendFile(chosen, { cacheControl: false, dotfiles: 'allow' }, (err?: Error) => {
    if (err && !res.headersSent) next(err);
  });
}

/**
 * Serves the built SPAs from the same origin as the API: the agent workspace under /agent/,
 * the client portal at /. Hashed files under assets/ are cached for a year; everything else
 * (index.html) is revalidated, so a deploy is picked up on the next navigation. Files go out
 * brotli- or gzip-compressed as the build left them. A missing file under assets/ is a plain
 * 404, so a stale asset URL never gets an HTML page by mistake; other paths that look like
 * files fall through to the API's 404, and the rest get the app's index.html.
 */
export function hostSpas(
  app: NestExpressApplication,
  webRoot: string,
): { agent: boolean; portal: boolean } {
  const apps = [
    { prefix: '/agent', dir: join(webRoot, 'agent', 'dist') },
    { prefix: '', dir: join(webRoot, 'portal', 'dist') },
  ].filter((a) => existsSync(join(a.dir, 'index.html')));

  const serve = async (req: Request, res: Response, next: NextFunction) => {
    const target = apps.find(
      (a) => a.prefix === '' || req.path === a.prefix || req.path.startsWith(`${a.prefix}/`),
    );
    if (!target) return next();
    const rel = relativeFilePath(req.path.slice(target.prefix.length));
    const isAsset = rel !== null && rel.startsWith('assets/');
    if (rel && (await isFile(join(target.dir, rel)))) {
      return sendFile(req, res, next, join(target.dir, rel), isAsset ? IMMUTABLE : 'no-cache');
    }
    if (rel === null || isAsset) {
      res.status(404).setHeader('Cache-Control', 'no-cache');
      res.type('text/plain').send('Not Found');
      return;
    }
    if (/\.[a-z0-9]+$/i.test(req.path)) return next();
    return sendFile(req, res, next, join(target.dir, 'index.html'), 'no-cache');
  };

  // API paths never reach the file system (a stat per GET /api/... showed up in profiles).
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiRequest(req)) return next();
    serve(req, res, next).catch(next);
  });
  return {
    agent: apps.some((a) => a.prefix === '/agent'),
    portal: apps.some((a) => a.prefix === ''),
  };
}
