import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import { Public } from '../../../common/auth/decorators.js';
import { NotFoundError } from '../../../common/errors/domain-errors.js';
import { RateLimited } from '../../../common/http/rate-limit.js';
import { THROTTLERS } from '../../../common/http/throttling/throttlers.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { UnsubscribedDto } from './dto/unsubscribe.dto.js';
import {
  invalidLinkPage,
  UNSUBSCRIBE_PAGE_CSP,
  unsubscribedPage,
  unsubscribeFormPage,
} from './unsubscribe-page.js';
import { UNSUBSCRIBE_TOKEN } from './unsubscribe-token.js';
import { UnsubscribeService } from './unsubscribe.service.js';

const TOKEN_PARAM = {
  name: 'token',
  description: 'The signed token of the `List-Unsubscribe` header of a notification mail',
  schema: { type: 'string', ...UNSUBSCRIBE_TOKEN },
} as const;

/**
 * The unsubscribe link of every notification mail (`List-Unsubscribe` with
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`): no login, the token is the credential.
 * Mail clients POST; a person who opens the link gets a page whose button POSTs.
 */
@ApiTags('public')
@ApiExtraModels(UnsubscribedDto)
@Public()
@Controller('v1/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get(':token')
  @ApiOperation({
    summary: 'The unsubscribe page of a mail (changes nothing)',
    description:
      'An HTML page in the user’s language with a button that POSTs to the same address. ' +
      'Opening it never unsubscribes: link scanners and previews follow GET links.',
  })
  @ApiParam(TOKEN_PARAM)
  @ApiProduces('text/html')
  @ApiResponse({
    status: 200,
    description: 'The page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(404)
  async show(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    try {
      const target = await this.unsubscribe.open(token);
      sendPage(res, 200, unsubscribeFormPage(target.locale, target.kind));
    } catch (error) {
      this.answerError(error, req, res, req.accepts(['html', 'json']) === 'html');
    }
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'One-click unsubscribe (RFC 8058): turn off e-mail of one kind',
    description:
      'The body is ignored (mail clients send `List-Unsubscribe=One-Click` form-encoded; it ' +
      'may be empty). Turns off the e-mail channel of the token’s kind for the token’s user ' +
      'and nothing else; again is the same. Answers JSON, or a page for a browser’s form. A ' +
      'forged or damaged token is a 404 that says no more.',
  })
  @ApiParam(TOKEN_PARAM)
  @ApiProduces('application/json', 'text/html')
  @ApiResponse({
    status: 200,
    description: 'Unsubscribed',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(UnsubscribedDto) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(404, 415, 429)
  @RateLimited({
    by: [THROTTLERS.unsubscribe],
    message: 'Too many unsubscribe requests from this address; wait before trying again',
  })
  async confirm(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    const html = req.accepts(['json', 'html']) === 'html';
    try {
      const target = await this.unsubscribe.unsubscribe(token);
      if (html) {
        sendPage(res, 200, unsubscribedPage(target.locale, target.kind));
        return;
      }
      const body: UnsubscribedDto = { kind: target.kind, channel: 'email', enabled: false };
      res.status(200).set('Cache-Control', 'no-store').json(body);
    } catch (error) {
      this.answerError(error, req, res, html);
    }
  }

  /** A browser gets a readable page for a bad link; anything else goes to the problem filter. */
  private answerError(error: unknown, req: Request, res: Response, html: boolean): void {
    if (!(error instanceof NotFoundError) || !html) throw error;
    const locale = (req.acceptsLanguages(...LOCALES) || 'en') as Locale;
    sendPage(res, 404, invalidLinkPage(locale));
  }
}

function sendPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Security-Policy': UNSUBSCRIBE_PAGE_CSP,
      // The token in the address is a credential: keep it out of caches and Referer headers.
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex, nofollow',
    })
    .type('html')
    .send(html);
}
