/**
 * What a log line may say about a request address. Some addresses carry their own credential:
 * the calendar feed (calendar apps cannot send headers), the signed rating link (mailed to a
 * requester) and the one-click unsubscribe link of notification mails. Logs are read by more people than those credentials are meant for, and shipped to
 * more places, so the secret part never reaches them.
 */
export const REDACTED = '[redacted]';

/** Path segments after these are credentials (the feed keeps its `.ics` suffix). */
const TOKEN_PATHS: [RegExp, string][] = [
  [/(\/calendar-feeds\/)[^/?#]+?(\.ics)?(?=$|[/?#])/, `$1${REDACTED}$2`],
  [/(\/public\/ratings\/)[^/?#]+/, `$1${REDACTED}`],
  // One-click unsubscribe links of notification mails: the token names a user and a kind.
  [/(\/unsubscribe\/)[^/?#]+/, `$1${REDACTED}`],
  // The web form's confirmation link: whoever holds it files the request in the sender's name.
  [/(\/web-form\/confirm\/)[^/?#]+/, `$1${REDACTED}`],
];

/**
 * An API token (`rd_` + 43 base64url characters) wherever it appears in an address, whatever the
 * parameter's name: a client that puts it in `?q=` must not leak it either.
 */
const API_TOKEN = /rd_[A-Za-z0-9_-]{20,}/g;

/** Any other segment this long that is not a UUID is treated as a token too. */
const LONG_SEGMENT = /^[A-Za-z0-9_.~%-]{32,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Query parameters whose values are never logged. */
const SECRET_PARAM = /token|secret|password|passwd|key|code|sig|auth|session|cookie/i;

export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  url = url.replace(API_TOKEN, REDACTED);
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  for (const [pattern, replacement] of TOKEN_PATHS) path = path.replace(pattern, replacement);
  path = path
    .split('/')
    .map((segment) => (LONG_SEGMENT.test(segment) && !UUID.test(segment) ? REDACTED : segment))
    .join('/');
  if (!query) return path;
  const params = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // a malformed name is logged as sent, its value still judged by the raw name
    }
    return eq !== -1 && SECRET_PARAM.test(decoded) ? `${name}=${REDACTED}` : pair;
  });
  return `${path}?${params.join('&')}`;
}

/**
 * Body fields that are credentials (login, refresh, password change, rating forms, the account
 * links' `token`), and `actionUrl`, the link of an account mail in a queued delivery's data.
 */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'refreshToken',
  'accessToken',
  'token',
  'actionUrl',
];

/**
 * Header names and body fields never logged, in any form pino may meet them: the request
 * serializer writes neither headers nor bodies, and these catch an object logged by hand.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.body.${f}`]),
];
