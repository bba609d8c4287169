import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LOCALES, type Locale, type ProblemFieldError } from '@relaydesk/contracts';
import { Public } from '../../../common/auth/decorators.js';
import {
  DomainError,
  InvalidInputError,
  UnsupportedMediaTypeError,
} from '../../../common/errors/domain-errors.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { RateLimited } from '../../../common/http/rate-limit.js';
import { THROTTLERS } from '../../../common/http/throttling/throttlers.js';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
} from '../../../common/database/database-unavailable.js';
import { SatisfactionDto } from '../dto/ticket.dto.js';
import { LinkRatingDto, RATING_COMMENT_MAX, RatingLinkInfoDto } from './dto/satisfaction.dto.js';
import { LinkRatingsService } from './link-ratings.service.js';
import { RATING_TOKEN } from './rating-link.service.js';
import { redactUrl } from '../../../common/logging/redact.js';
import {
  LinkExpiredError,
  LinkInvalidError,
  RatingAlreadyRecordedError,
} from './rating-link.errors.js';
import {
  RATING_PAGE_CSP,
  ratingFormPage,
  ratingMessagePage,
  type RatingMessage,
} from './rating-page.js';

const TOKEN_PARAM = {
  name: 'token',
  description: 'The signed token from POST /tickets/{id}/rating-links',
  schema: { type: 'string', ...RATING_TOKEN },
} as const;

/**
 * The rating link's page, for requesters who are not logged in: the token in the path is the
 * only credential. Browsers get HTML (the form, then a thank-you or a readable error); API
 * callers who send or accept JSON get JSON and problem+json.
 */
@ApiTags('public')
@ApiExtraModels(RatingLinkInfoDto, SatisfactionDto)
@Public()
@Controller('v1/public/ratings')
export class PublicRatingsController {
  private readonly logger = new Logger('PublicRatings');

  constructor(private readonly ratings: LinkRatingsService) {}

  @Get(':token')
  @ApiOperation({
    summary: 'The rating page of a rating link (records nothing)',
    description:
      'HTML form in the requester’s language (no JavaScript needed); with `Accept: ' +
      'application/json`, what the page would show. Opening it never records anything, so ' +
      'mail scanners that follow links cannot vote. Errors are HTML pages for browsers.',
  })
  @ApiParam(TOKEN_PARAM)
  @ApiProduces('text/html', 'application/json')
  @ApiResponse({
    status: 200,
    description: 'The rating form (HTML), or its data (JSON)',
    content: {
      'text/html': { schema: { type: 'string' } },
      'application/json': { schema: { $ref: getSchemaPath(RatingLinkInfoDto) } },
    },
  })
  @ApiProblems(404, 410)
  async show(
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const html = req.accepts(['html', 'json']) === 'html';
    try {
      const target = await this.ratings.open(token);
      if (!html) {
        const info: RatingLinkInfoDto = {
          ticketNumber: target.ticketNumber,
          subject: target.subject,
          locale: target.locale,
          expiresAt: new Date(target.payload.exp * 1000).toISOString(),
          recorded: target.recorded,
        };
        res.status(200).json(info);
        return;
      }
      const body = target.recorded
        ? ratingMessagePage(target.locale, 'already', target.ticketNumber)
        : ratingFormPage({
            locale: target.locale,
            ticketNumber: target.ticketNumber,
            subject: target.subject,
          });
      sendPage(res, 200, body);
    } catch (error) {
      if (!html) throw error;
      this.sendErrorPage(req, res, error);
    }
  }

  @Post(':token')
  @ApiOperation({
    summary: 'Record the rating of a rating link (once)',
    description:
      'The page’s form (application/x-www-form-urlencoded, answered with an HTML page) or ' +
      'JSON (answered with JSON). The ticket’s status does not change. A link records one ' +
      'answer: a second submit is 409 ("already recorded" page in a browser); an expired link ' +
      'is 410, a forged or altered one 404.',
  })
  @ApiParam(TOKEN_PARAM)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: LinkRatingDto })
  @ApiProduces('application/json', 'text/html')
  @ApiResponse({
    status: 201,
    description: 'Recorded: the rating (JSON), or a thank-you page (HTML)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SatisfactionDto) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 404, 409, 410, 413, 415, 429)
  @RateLimited({
    by: [THROTTLERS.rating],
    message: 'Too many ratings from this address; wait before trying again',
  })
  async rate(
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const fromForm =
      req.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded';
    const html = req.accepts(fromForm ? ['html', 'json'] : ['json', 'html']) === 'html';
    try {
      if (req.is(['application/json', 'application/x-www-form-urlencoded']) === false) {
        throw new UnsupportedMediaTypeError('Send the rating as JSON or as the page’s form');
      }
      const input = parseRating(req.body);
      const stored = await this.ratings.rate(token, input.rating, input.comment);
      if (!html) {
        const dto: SatisfactionDto = {
          rating: stored.rating,
          comment: stored.comment,
          via: stored.via,
          createdAt: new Date(stored.createdAt).toISOString(),
        };
        res.status(201).json(dto);
        return;
      }
      const target = await this.ratings.open(token);
      sendPage(res, 201, ratingMessagePage(target.locale, 'thanks', target.ticketNumber));
    } catch (error) {
      if (!html) throw error;
      if (error instanceof InvalidInputError) {
        await this.resendForm(req, res, token);
        return;
      }
      this.sendErrorPage(req, res, error);
    }
  }

  /** The form again, with what the requester chose and why it was not taken. */
  private async resendForm(req: Request, res: Response, token: string): Promise<void> {
    try {
      const target = await this.ratings.open(token);
      const body = (req.body ?? {}) as Record<string, unknown>;
      sendPage(
        res,
        400,
        ratingFormPage({
          locale: target.locale,
          ticketNumber: target.ticketNumber,
          subject: target.subject,
          error: 'badInput',
          comment: typeof body.comment === 'string' ? body.comment : undefined,
        }),
      );
    } catch (error) {
      this.sendErrorPage(req, res, error);
    }
  }

  /** A readable page instead of problem+json, for people with a browser; never a stack trace. */
  private sendErrorPage(req: Request, res: Response, error: unknown): void {
    const locale: Locale = (req.acceptsLanguages(...LOCALES) || 'en') as Locale;
    let status = 500;
    let message: RatingMessage = 'failed';
    if (error instanceof LinkInvalidError) [status, message] = [404, 'invalid'];
    else if (error instanceof LinkExpiredError) [status, message] = [410, 'expired'];
    else if (error instanceof RatingAlreadyRecordedError) [status, message] = [409, 'already'];
    else if (error instanceof DomainError) status = error.status;
    else if (isDatabaseUnavailable(error)) {
      // The database is away for now, as for the rest of the API: 503, try again later.
      status = 503;
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    } else
      this.logger.error({ err: error, url: redactUrl(req.originalUrl) }, 'Rating link page failed');
    sendPage(res, status, ratingMessagePage(locale, message));
  }
}

function sendPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Security-Policy': RATING_PAGE_CSP,
      // The token in the address is a credential: keep it out of caches and Referer headers.
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex, nofollow',
    })
    .type('html')
    .send(html);
}

/**
 * The rating and comment from JSON or from the form (where everything is a string). Checked by
 * hand rather than by the validation pipe, so a browser gets the form back instead of JSON.
 */
function parseRating(body: unknown): { rating: number; comment: string | null } {
  const errors: ProblemFieldError[] = [];
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<
    string,
    unknown
  >;
  for (const key of Object.keys(b)) {
    if (key !== 'rating' && key !== 'comment') {
      errors.push({ field: key, message: 'is not a field of this form' });
    }
  }
  const raw = b.rating;
  const rating =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^[1-5]$/.test(raw)
        ? Number(raw)
        : NaN;
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    errors.push({ field: 'rating', message: 'must be a whole number from 1 to 5' });
  }
  let comment: string | null = null;
  if (b.comment !== undefined && b.comment !== null) {
    if (typeof b.comment !== 'string') {
      errors.push({ field: 'comment', message: 'must be text' });
    } else if (b.comment.length > RATING_COMMENT_MAX) {
      errors.push({
        field: 'comment',
        message: `must be at most ${RATING_COMMENT_MAX} characters`,
      });
    } else if (b.comment.includes('\u0000')) {
      errors.push({ field: 'comment', message: 'contains a NUL byte' });
    } else if (b.comment.trim()) {
      comment = b.comment;
    }
  }
  if (errors.length > 0) throw new InvalidInputError('The rating has invalid fields', errors);
  return { rating, comment };
}
