/**
 * TEST ONLY — the browser side of an end-to-end test: Debian Chromium through playwright-core, and per test a
 * session of the shipped app — the built main.cjs evaluated afresh under the stand-in Electron with a fresh
 * user-data folder, its window a page of a fresh browser context (app-in-chromium.ts) — with a record of
 * every request and console error the pages produced.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { CaseStore } from '../../../host/store/case-store';
import { PassphraseKeyProvider } from '../../../host/store/keys';
import type { StandInElectron, StandInWindow } from '../../support/electron/stand-in';
import { startMainBundle } from '../../support/electron/start-main';
import { REPO_ROOT } from '../../support/paths';
import { ChromiumWindows } from './app-in-chromium';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export { REPO_ROOT };
export const BUNDLE_DIR = path.join(REPO_ROOT, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Debian Chromium with a fresh profile: playwright-core creates a new temporary user-data folder for every
 * launch and deletes it on close. One browser serves a test file; each test gets its own context.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** The running main process of a session, and the folders and records the tests read. */
export interface MainProcess {
  /** The origin the app's pages have in Chromium (app://bundle in the app). */
  origin: string;
  /** app.getPath('userData'): a fresh temp folder, removed when the session closes. */
  userDataDir: string;
  /** Every URL main opened in the browser (shell.openExternal, after its allow-check). */
  openedExternally: string[];
  /** What the packet's folder dialog answers (inside userDataDir). */
  packetParentDir: string;
  /** Paths main showed in Explorer / Finder (shell.showItemInFolder). */
  shownInFolder: string[];
  /** The detail text of each "replace the existing packet?" message box; the test's answer is Replace. */
  replaceConfirmations: string[];
  /** Where the Save dialog of `reminders:export` puts calendar files (inside userDataDir). */
  calendarDir: string;
  /** Where the Save dialogs of PDFs (`signing:print`'s copy to sign) put them (inside userDataDir). */
  signingDir: string;
  /** Everything main did to Electron: windows, handlers, menus, dialogs (test/support/electron). */
  electron: StandInElectron;
  /** main's window. */
  window: StandInWindow;
  /**
   * Clicks the application menu's item `id` (a menu command's name) as the user would; resolves to how many
   * of the page's listeners received what main sent. Throws when the menu has no such item.
   */
  clickMenuItem(id: string): Promise<number>;
  /** Every call the pages made to main through the preload, in order: channel and request. */
  invoked: readonly { channel: string; request: unknown }[];
  /**
   * Resolves with the request of the next call to `channel` (from now on) that `matches`; rejects after
   * `timeoutMs` (default 30 s). Start waiting before the action that makes the call.
   */
  nextInvoke(channel: string, matches?: (request: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  /** main: its folders and records. (Named `server` since the e2e used a loopback server; same fields.) */
  server: MainProcess;
  /** Every URL any page of the session requested, in order. */
  requests: string[];
  /** Requests Chromium refused before they left the page because the CSP forbids them. */
  blockedByCsp: string[];
  /** Console errors and uncaught exceptions (a CSP violation shows up here). */
  consoleErrors: string[];
  /** Closes the window and the browser context and removes the user-data folder. */
  close(): Promise<void>;
}

/** What main finds on this machine. */
export interface MainOptions {
  /**
   * The OS keychain: `available` (the default) or Linux's `basicText` (no secret service); `passphrase`
   * pre-creates a store guarded by it, holding one case named `Guarded case`.
   */
  encryption?: { keychain: 'available' | 'basicText'; passphrase?: string };
  /** The native Save/Open dialogs of `.icpcase` export and import pick this file in the user-data folder. */
  caseFileName?: string;
}

export interface AppSessionOptions {
  /** The OS locale main reports (app.getLocale()). */
  systemLocale?: string;
  /** The machine main runs on: keychain, the file the .icpcase dialogs pick. */
  server?: MainOptions;
}

const sessions = new WeakMap<Page, AppSession>();

/** The session a page belongs to (page objects use it to reach main, e.g. its menu). */
export function sessionOf(page: Page): AppSession {
  const session = sessions.get(page);
  if (session === undefined) throw new Error('this page is not the window of an app session');
  return session;
}

function filterExtensions(options: OpenDialogOptions | SaveDialogOptions): string[] {
  return (options.filters ?? []).flatMap((filter) => filter.extensions);
}

/**
 * A fresh main (main.cjs evaluated anew, with its own user-data folder) whose window is a page of a fresh
 * browser context; resolves once that window has loaded the app.
 */
export async function openAppSession(browser: Browser, options: AppSessionOptions = {}): Promise<AppSession> {
  const machine = options.server ?? {};
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'icp-e2e-userdata-'));
  const packetParentDir = path.join(userDataDir, 'packets');
  const calendarDir = path.join(userDataDir, 'calendar');
  await mkdir(packetParentDir, { recursive: true });
  await mkdir(calendarDir, { recursive: true });
  const signingDir = path.join(userDataDir, 'for-signing');
  await mkdir(signingDir, { recursive: true });
  if (machine.encryption?.passphrase) {
    const store = new CaseStore({
      root: path.join(userDataDir, 'store'),
      keyProvider: new PassphraseKeyProvider(machine.encryption.passphrase, { costLog2: 10 }),
    });
    await store.create({ name: 'Guarded case' });
  }
  const caseFile = machine.caseFileName ? path.join(userDataDir, machine.caseFileName) : undefined;
  const replaceConfirmations: string[] = [];

  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const blockedByCsp: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('requestfailed', (request) => {
    // Chromium reports these as 'csp' (net::ERR_BLOCKED_BY_CSP in other builds).
    const reason = request.failure()?.errorText ?? '';
    if (reason === 'csp' || reason.includes('BLOCKED_BY_CSP')) blockedByCsp.push(request.url());
  });
  context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  context.on('weberror', (error) => consoleErrors.push(error.error().message));

  const windows = new ChromiumWindows(context);
  const started = await startMainBundle({
    appPath: REPO_ROOT,
    userDataDir,
    locale: options.systemLocale ?? 'en-US',
    keychain: machine.encryption?.keychain ?? 'available',
    windows,
    prepare: (electron) => windows.attach(electron),
    timeoutMs: 30_000,
    dialogs: {
      // The packet's folder picker chooses packetParentDir; the .icpcase dialogs the test's file, if any.
      open: (o) =>
        o.properties?.includes('openDirectory') ? [packetParentDir] : caseFile ? [caseFile] : undefined,
      // Calendar files go to calendarDir, PDFs (the copy to print for signing) to signingDir.
      save: (o) =>
        filterExtensions(o).includes('ics')
          ? path.join(calendarDir, path.basename(o.defaultPath ?? 'reminders.ics'))
          : filterExtensions(o).includes('pdf')
            ? path.join(signingDir, path.basename(o.defaultPath ?? 'document.pdf'))
            : caseFile,
      messageBox: (o) => {
        replaceConfirmations.push(o.detail ?? o.message);
        return 0;
      },
    },
  });
  const { electron } = started;
  const window = electron.record.windows[0];
  if (started.loadError !== undefined || window === undefined) {
    await context.close();
    await windows.detach();
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(
      `main.cjs did not open its window: ${String(started.loadError ?? 'no window')}; ` +
        `misses ${JSON.stringify(electron.record.misses)}, exits ${JSON.stringify(electron.record.exits)}`,
    );
  }
  const page = windows.pageOf(window);

  const server: MainProcess = {
    origin: windows.origin,
    userDataDir,
    openedExternally: electron.record.openedExternally,
    packetParentDir,
    shownInFolder: electron.record.shownInFolder,
    replaceConfirmations,
    calendarDir,
    signingDir,
    electron,
    window,
    invoked: windows.invoked,
    nextInvoke: (channel, matches = () => true, timeoutMs = 30_000) =>
      windows.nextInvoke(channel, matches, timeoutMs),
    async clickMenuItem(id) {
      if (!electron.clickMenuItem(id)) throw new Error(`the application menu has no item "${id}"`);
      return windows.lastDelivery(window);
    },
  };
  const session: AppSession = {
    page,
    context,
    server,
    requests,
    blockedByCsp,
    consoleErrors,
    close: async () => {
      await started.stop();
      await context.close();
      await windows.detach();
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      // What main reached for that the stand-in lacks, or a promise it left rejected, fails the test.
      const problems = [
        ...electron.record.misses.map((name) => `main used ${name}, which the stand-in Electron lacks`),
        ...started.rejections.map((reason) => `unhandled rejection in main: ${String(reason)}`),
        ...electron.record.exits.map((code) => `main called app.exit(${code})`),
      ];
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  };
  sessions.set(page, session);
  return session;
}
