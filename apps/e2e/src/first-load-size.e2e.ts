import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launch, withPage } from '../support/browser';

/**
 * What a phone downloads before it can sign in: every response of the first screen (HTML,
 * scripts, styles, fonts, icons, API calls) as it crossed the wire, compressed, headers included
 * (Chromium's encodedDataLength, via the DevTools protocol).
 */
interface Transfer {
  url: string;
  type: string;
  encoding: string;
  bytes: number;
}

async function firstScreenTransfers(page: Page, path: string): Promise<Transfer[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = new Map<string, Omit<Transfer, 'bytes'>>();
  const transfers: Transfer[] = [];
  cdp.on('Network.responseReceived', (e) => {
    const encoding = Object.entries(e.response.headers).find(
      ([name]) => name.toLowerCase() === 'content-encoding',
    )?.[1];
    seen.set(e.requestId, { url: e.response.url, type: e.type, encoding: encoding ?? 'identity' });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const response = seen.get(e.requestId);
    if (response) transfers.push({ ...response, bytes: e.encodedDataLength });
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: /sign in/i }).waitFor();
  return transfers;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describeBrowser('the first screen is small enough for a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it.each([
    { app: 'portal', path: '/', budget: 150 * 1024 },
    { app: 'agent', path: '/agent/', budget: 300 * 1024 },
  ])(
    'the $app sign-in page transfers less than its budget',
    async ({ app, path, budget }) => {
      await withPage(
        browser,
        `first-load-${app}`,
        async (page) => {
          const transfers = await firstScreenTransfers(page, path);
          const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
          const report = transfers
            .map((t) => `${kb(t.bytes).padStart(9)}  ${t.encoding.padEnd(8)} ${t.type} ${t.url}`)
            .join('\n');
          // Printed so a failure (or a look at the log) shows where the bytes go.
          console.log(
            `${app} sign-in page: ${kb(total)} in ${transfers.length} responses\n${report}`,
          );
          expect(transfers.some((t) => t.type === 'Script')).toBe(true);
          expect(transfers.some((t) => t.type === 'Stylesheet')).toBe(true);
          expect({ app, total: kb(total), withinBudget: total < budget }).toEqual({
            app,
            total: kb(total),
            withinBudget: true,
          });
        },
        { width: 390, height: 844 },
      );
    },
    60_000,
  );
});
