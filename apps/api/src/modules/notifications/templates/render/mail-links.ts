import type { MailAudience } from '../mail-data.js';

// Where the API serves the SPAs (common/http/spa-hosting.ts): the agent app under /agent, the
// portal at the root. Both open a ticket by its number (/tickets/:number) and have /profile.

function base(publicUrl: string, audience: MailAudience): string {
  const root = publicUrl.replace(/\/+$/, '');
  return audience === 'staff' ? `${root}/agent` : root;
}

export function ticketUrl(publicUrl: string, audience: MailAudience, ticketNumber: number): string {
  return `${base(publicUrl, audience)}/tickets/${ticketNumber}`;
}

/** The agent app's work report, filtered to one contract (the allowance warnings). */
export function workReportUrl(publicUrl: string, contractId: string): string {
  return `${base(publicUrl, 'staff')}/work-report?contractId=${encodeURIComponent(contractId)}`;
}

/** The profile page holds the notification settings in both SPAs. */
export function settingsUrl(publicUrl: string, audience: MailAudience): string {
  return `${base(publicUrl, audience)}/profile`;
}

/**
 * Accept and Reject are answered on the portal's ticket page (its resolution panel). The query
 * names the choice; the page does not read it yet, so today the link opens the page with both
 * buttons on it.
 */
export function decisionUrl(
  publicUrl: string,
  ticketNumber: number,
  decision: 'accept' | 'reject',
): string {
  return `${base(publicUrl, 'client')}/tickets/${ticketNumber}?decision=${decision}`;
}

/** The portal's page of a knowledge-base article (the automatic answer's links). */
export function kbArticleUrl(publicUrl: string, articleId: string): string {
  return `${base(publicUrl, 'client')}/kb/articles/${encodeURIComponent(articleId)}`;
}

/**
 * "This solved my problem" opens the portal's ticket page with the article named; the page
 * asks for the click that closes the ticket (a GET decides nothing: link scanners follow
 * links), and the requester must be signed in, so the link carries no secret.
 */
export function kbSolvedUrl(publicUrl: string, ticketNumber: number, articleId: string): string {
  return `${base(publicUrl, 'client')}/tickets/${ticketNumber}?solvedBy=${encodeURIComponent(articleId)}`;
}

/**
 * Only http(s) links go into a mail: anything else (javascript:, data:) from a bad
 * configuration or bad data stops the render rather than reach a reader.
 */
export function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('A mail link is not a URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`A mail link must be http(s), not ${parsed.protocol}`);
  }
  return url;
}
