import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
} from 'playwright-core';
import { BROWSER_ENDPOINT_ENV, CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

export { CHROMIUM };
export const BASE_URL = process.env.RELAYDESK_E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const SCREENSHOTS = join(__dirname, '../../../.test-results/screenshots');

/**
 * Browser tests need Debian's Chromium. Locally they skip, saying why, when it is missing;
 * CI sets RELAYDESK_REQUIRE_BROWSER=1, which turns that skip into a failure.
 */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable) {
  const message = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
  if (process.env.RELAYDESK_REQUIRE_BROWSER === '1') throw new Error(`${message}; required in CI`);
  console.warn(`SKIPPING browser tests: ${message}`);
}
export const describeBrowser = browserAvailable ? describe : describe.skip;

/**
 * The run's browser: the global setup starts one Chromium for every test file (starting one per
 * file cost about a second each), and each file connects to it. A file's `browser.close()` then
 * closes the contexts it made and disconnects, leaving the browser to the next file. Without the
 * global setup (a support unit test), a browser of its own.
 */
export async function launch(): Promise<Browser> {
  const endpoint = process.env[BROWSER_ENDPOINT_ENV];
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newContext(
  browser: Browser,
  options: {
    width?: number;
    height?: number;
    locale?: string;
    timezoneId?: string;
    /** Cookies and local storage to start with, e.g. a refresh cookie so the SPA resumes a session. */
    storageState?: BrowserContextOptions['storageState'];
  } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId,
    storageState: options.storageState,
  });
  trackRequests(context);
  return context;
}

/** The live event stream stays open as long as a signed-in page: it never "finishes". */
const LIVE_STREAM = /\/api\/v1\/me\/events$/;
const inFlight = new WeakMap<Page, Set<Request>>();

function trackRequests(context: BrowserContext): void {
  const pending = (r: Request): Set<Request> | null => {
    let page: Page;
    try {
      page = r.frame().page();
    } catch {
      return null; // a service worker's request
    }
    let set = inFlight.get(page);
    if (!set) inFlight.set(page, (set = new Set()));
    return set;
  };
  context.on('request', (r) => {
    if (!LIVE_STREAM.test(r.url())) pending(r)?.add(r);
  });
  context.on('requestfinished', (r) => pending(r)?.delete(r));
  context.on('requestfailed', (r) => pending(r)?.delete(r));
}

/**
 * Playwright's `networkidle` (no request in flight for 500 ms) but for the live event stream,
 * which a signed-in page keeps open, so `networkidle` itself never comes. For pages of contexts
 * made by `newContext`.
 */
export async function settle(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForLoadState('load');
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  for (;;) {
    const busy = [...(inFlight.get(page) ?? [])];
    if (busy.length > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 500) return;
    if (Date.now() > deadline) {
      throw new Error(
        `still loading after ${timeoutMs} ms: ${busy.map((r) => r.url()).join(', ')}`,
      );
    }
    await page.waitForTimeout(50);
  }
}

/** Saves a screenshot named after the test; call it when a test fails or to look at a page. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Runs a test body with a fresh page, saving a screenshot if it throws.
 */
export async function withPage(
  browser: Browser,
  name: string,
  body: (page: Page) => Promise<void>,
  options: Parameters<typeof newContext>[1] = {},
): Promise<void> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  try {
    await body(page);
  } catch (e) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}

export const DEMO_PASSWORD = 'relaydesk';

export async function signIn(page: Page, path: string, email: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel(/e-mail|эл\. почта/i).fill(email);
  await page
    .getByLabel(/password|пароль|heslo/i)
    .first()
    .fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in|войти|přihlásit/i }).click();
}
