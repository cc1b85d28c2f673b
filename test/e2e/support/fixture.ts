/**
 * TEST ONLY — the set-up every end-to-end file shares, registered as vitest hooks: one Chromium per file
 * (`useChromium`), and per test a fresh app session — the shipped main.cjs started anew with its own
 * user-data folder, its window a page of a fresh browser context — with its page objects and the
 * accessibility findings the test collected (`useAppSession`).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AppPage } from './app-page';
import { seriousAccessibilityViolations } from './axe';
import { launchChromium, openAppSession, type AppSession, type AppSessionOptions } from './browser';
import { WorkspacePage } from './workspace-page';

export interface ChromiumFixture {
  /** The file's browser; only inside hooks and tests (it is launched in `beforeAll`). */
  readonly browser: Browser;
}

/** Launches Chromium before the file's (or describe block's) first test and closes it after the last. */
export function useChromium(): ChromiumFixture {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return {
    get browser() {
      if (browser === undefined) throw new Error('Chromium runs only inside hooks and tests');
      return browser;
    },
  };
}

export interface AppFixture {
  readonly session: AppSession;
  /** The session's page. */
  readonly page: Page;
  readonly app: AppPage;
  readonly ws: WorkspacePage;
  /** The serious and critical axe findings `checkAccessibility` collected in this test, as `label: rule`. */
  readonly a11yFindings: string[];
  /** Runs axe-core on the page as it is now and keeps what it finds (assert `a11yFindings` at the end). */
  checkAccessibility(label: string): Promise<void>;
  /** A full-window screenshot test-results/<name>.png (see WorkspacePage.screenshot). */
  screenshot(name: string): Promise<string>;
  /** A screenshot and an accessibility check of the screen as it is now, both under `name`. */
  capture(name: string): Promise<void>;
}

export interface AppFixtureOptions extends AppSessionOptions {
  /** The browser to use; by default the block launches its own (`useChromium`). */
  chromium?: ChromiumFixture;
  /** Runs once the session is open, before the test (a viewport, permissions). */
  prepare?: (session: AppSession) => Promise<void>;
}

/**
 * A fresh app session for every test of the file (or describe block) it is called in, closed after it. Read
 * its parts inside tests only: `session`, `app` and `ws` are the current test's.
 */
export function useAppSession(options: AppFixtureOptions = {}): AppFixture {
  const { chromium = useChromium(), prepare, ...sessionOptions } = options;
  let current: { session: AppSession; app: AppPage; ws: WorkspacePage } | undefined;
  const a11yFindings: string[] = [];

  beforeEach(async () => {
    a11yFindings.length = 0;
    const session = await openAppSession(chromium.browser, sessionOptions);
    current = {
      session,
      app: new AppPage(session.page, session.server.origin),
      ws: new WorkspacePage(session.page),
    };
    await prepare?.(session);
  });
  afterEach(async () => {
    await current?.session.close();
    current = undefined;
  });

  const now = () => {
    if (current === undefined) throw new Error('the app session exists only inside a test');
    return current;
  };
  const fixture: AppFixture = {
    get session() {
      return now().session;
    },
    get page() {
      return now().session.page;
    },
    get app() {
      return now().app;
    },
    get ws() {
      return now().ws;
    },
    a11yFindings,
    async checkAccessibility(label) {
      for (const finding of await seriousAccessibilityViolations(now().session.page))
        a11yFindings.push(`${label}: ${finding}`);
    },
    screenshot: (name) => now().ws.screenshot(now().app, name),
    async capture(name) {
      await fixture.screenshot(name);
      await fixture.checkAccessibility(name);
    },
  };
  return fixture;
}

/**
 * Every request of the session went to the app's own origin (answered by main's app:// handler); none left
 * the machine. (The name is from the loopback server the e2e used before it ran the shipped bundles.)
 */
export function expectOnlyLoopbackTraffic(session: AppSession): void {
  expect(session.requests.length).toBeGreaterThan(0);
  expect(session.requests.filter((url) => !url.startsWith(`${session.server.origin}/`))).toEqual([]);
}
