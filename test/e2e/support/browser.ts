/**
 * TEST ONLY — the browser side of an end-to-end test: Debian Chromium through playwright-core, and per test a
 * session of a loopback server with a fresh user-data folder, a fresh browser context with the bridge
 * injected before any page script, and a record of every request and console error the page produced.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLoopbackServer, type LoopbackServer, type LoopbackServerOptions } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
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

let bridgeScript: Promise<string> | undefined;

/** The bridge client, bundled for the browser once per run; it is injected, never built into the app. */
function loadBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [fileURLToPath(new URL('./bridge-client.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => {
    const output = result.outputFiles[0];
    if (output === undefined) throw new Error('esbuild produced no bridge script');
    return output.text;
  });
  return bridgeScript;
}

/**
 * Debian Chromium with a fresh profile: playwright-core creates a new temporary user-data folder for every
 * launch and deletes it on close. One browser serves a test file; each test gets its own context.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  server: LoopbackServer;
  /** Every URL any page of the session requested, in order. */
  requests: string[];
  /** Requests Chromium refused before they left the page because the CSP forbids them. */
  blockedByCsp: string[];
  /** Console errors and uncaught exceptions (a CSP violation shows up here). */
  consoleErrors: string[];
  close(): Promise<void>;
}

export interface AppSessionOptions {
  /** The OS locale the stand-in main process reports. */
  systemLocale?: string;
  /** More of the stand-in main process: encryption, the file the .icpcase dialogs pick. */
  server?: Omit<LoopbackServerOptions, 'bundleDir' | 'systemLocale'>;
}

/** A fresh server (with its own user-data folder) and a fresh browser context with the bridge injected. */
export async function openAppSession(browser: Browser, options: AppSessionOptions = {}): Promise<AppSession> {
  const [server, script] = await Promise.all([
    startLoopbackServer({ bundleDir: BUNDLE_DIR, systemLocale: options.systemLocale, ...options.server }),
    loadBridgeScript(),
  ]);
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
  await context.addInitScript({ content: script });

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  return {
    page,
    context,
    server,
    requests,
    blockedByCsp,
    consoleErrors,
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}
