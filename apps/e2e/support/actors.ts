import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loginAsApp, type ApiUser } from './api';
import { BASE_URL, newContext, screenshot } from './browser';

export type App = 'agent' | 'portal';
export type Lang = 'en' | 'ru' | 'cs';

export interface ActorSpec {
  email: string;
  app: App;
  /** UI language to start in (default English); the language select can change it later. */
  lang?: Lang;
  width?: number;
  height?: number;
  timezoneId?: string;
}

/** A signed-in user in their own browser context. */
export interface Actor {
  page: Page;
  context: BrowserContext;
  user: ApiUser;
  app: App;
  /** Full navigation to a path of the actor's app ('/tickets/12' → /agent/tickets/12 for staff). */
  open(path: string): Promise<void>;
}

const ROOT: Record<App, string> = { agent: '/agent', portal: '' };
const LOCALE_KEY = 'relaydesk.locale';

/** What only a signed-in app shows: the user menu (agent) or the sign-out button (portal). */
export function signedInMarker(page: Page, app: App) {
  return page.getByTestId(app === 'agent' ? 'user-menu' : 'logout');
}

/**
 * Opens an app already signed in: the sign-in happens through the API (as the app, so the
 * refresh token is the app's HttpOnly cookie), the cookie goes into the browser, and the SPA
 * resumes the session from it, exactly as after a reload. (Signing in through the form is
 * covered by smoke.e2e.ts, session.e2e.ts and the i18n tests.)
 */
export async function openAs(browser: Browser, spec: ActorSpec): Promise<Actor> {
  const { user, cookie } = await loginAsApp(spec.email, spec.app);
  const context = await newContext(browser, {
    width: spec.width,
    height: spec.height,
    timezoneId: spec.timezoneId,
    storageState: {
      cookies: [
        {
          ...cookie,
          domain: new URL(BASE_URL).hostname,
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Strict',
        },
      ],
      // Only a UI preference lives in storage; nothing about the session.
      origins: [
        { origin: BASE_URL, localStorage: [{ name: LOCALE_KEY, value: spec.lang ?? 'en' }] },
      ],
    },
  });
  const page = await context.newPage();
  const actor: Actor = {
    page,
    context,
    user,
    app: spec.app,
    async open(path: string) {
      await page.goto(`${ROOT[spec.app]}${path}`);
      await signedInMarker(page, spec.app).waitFor();
    },
  };
  try {
    await actor.open('/');
  } catch (e) {
    await context.close();
    throw e;
  }
  return actor;
}

/** Runs `body`, saving a screenshot of every page given if it throws. */
export async function screenshotOnFailure(
  name: string,
  pages: Record<string, Page>,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (e) {
    for (const [key, page] of Object.entries(pages)) {
      await screenshot(page, `FAILED-${name}-${key}`).catch(() => undefined);
    }
    throw e;
  }
}

/**
 * Runs a test body with several signed-in users side by side (e.g. a client and an agent),
 * saving a screenshot of each one's page if it throws, and closing their contexts after.
 */
export async function withActors<K extends string>(
  browser: Browser,
  name: string,
  specs: Record<K, ActorSpec>,
  body: (actors: Record<K, Actor>) => Promise<void>,
): Promise<void> {
  const keys = Object.keys(specs) as K[];
  const opened = await Promise.allSettled(keys.map((k) => openAs(browser, specs[k])));
  const actors = {} as Record<K, Actor>;
  opened.forEach((r, i) => {
    if (r.status === 'fulfilled') actors[keys[i]] = r.value;
  });
  try {
    const failed = opened.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    await screenshotOnFailure(name, Object.fromEntries(keys.map((k) => [k, actors[k].page])), () =>
      body(actors),
    );
  } finally {
    await Promise.all(Object.values<Actor>(actors).map((a) => a.context.close()));
  }
}

/** Switches the UI language with the language select every page has. */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId('language-select').first().selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Stops transitions and animations so screenshots and contrast checks see the final state. */
export async function freezeAnimations(page: Page): Promise<void> {
  await page.addStyleTag({
    content:
      '*,*::before,*::after{transition:none!important;animation:none!important;caret-color:transparent!important}',
  });
}
