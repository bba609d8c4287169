import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { WebFormSettingsService } from './web-form-settings.service.js';

/** The portal's form page (the one page other sites may frame) and the script that embeds it. */
const FORM_PAGE = /^\/form\/?$/;
const EMBED_SCRIPT = '/form/embed.js';

/**
 * Opens the form page, and only it, to framing by the sites the settings list: helmet's CSP says
 * `frame-ancestors 'self'` (and X-Frame-Options SAMEORIGIN) for every answer; for /form the
 * directive names the allowed origins too, read per request so every instance follows a change
 * at once. The embed script is served to other sites' pages, so it may be loaded cross-origin.
 * Mounted after helmet and before the SPA hosting (create-app.ts).
 */
@Injectable()
export class WebFormFraming {
  constructor(private readonly settings: WebFormSettingsService) {}

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === EMBED_SCRIPT) {
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      return next();
    }
    if (!FORM_PAGE.test(req.path)) return next();
    this.settings.current().then((s) => {
      res.setHeader('Content-Security-Policy', withFrameAncestors(cspOf(res), s.allowedOrigins));
      res.removeHeader('X-Frame-Options');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      next();
    }, next);
  };
}

function cspOf(res: Response): string {
  const value = res.getHeader('Content-Security-Policy');
  return typeof value === 'string' ? value : "frame-ancestors 'self'";
}

/** The CSP with its frame-ancestors replaced by 'self' plus the origins (already validated). */
export function withFrameAncestors(csp: string, origins: readonly string[]): string {
  const directive = ["frame-ancestors 'self'", ...origins].join(' ');
  const parts = csp
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !/^frame-ancestors(\s|$)/i.test(p));
  return [...parts, directive].join(';');
}
