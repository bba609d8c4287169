// Debian's Chromium and how the browser tests start it: shared by the global setup (which starts
// one browser for the whole run) and support/browser.ts (which connects each test file to it).
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the global setup tells the test files its browser listens. */
export const BROWSER_ENDPOINT_ENV = 'RELAYDESK_E2E_BROWSER_WS';
