/**
 * Every IPC handler of the app, built from plain dependencies. This module imports nothing from
 * electron, so the e2e loopback bridge and the tests call exactly the handlers the app registers.
 * `electron/main.ts` wires the real dependencies (app paths, shell.openExternal) and registers them
 * with a sender check (`registerHandlers`).
 */
import type { HandlerMap } from '../contract';
import type { HandlerDeps } from './deps';
import { createAfterHandlers } from './after';
import { createAppHandlers } from './app';
import { createCaseHandlers } from './cases';
import { createDesktopHandlers } from './desktop';
import { createDocumentHandlers } from './documents';
import { createEncryptionHandlers } from './encryption';
import { createLifecycleHandlers } from './lifecycle';
import { createSampleHandlers } from './sample';
import { createPacketHandlers } from './packet';
import { createRulesHandlers } from './rules';
import { createSettingsHandlers } from './settings';
import { createShellHandlers } from './shell';
import { createScanHandlers } from './scan';
import { createSigningHandlers } from './signing';

export type { DesktopDeps, HandlerDeps, PacketDeps } from './deps';

export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    ...createAppHandlers(deps),
    ...createSettingsHandlers(deps),
    ...createShellHandlers(deps),
    ...createCaseHandlers(deps),
    ...createSampleHandlers(deps),
    ...createPacketHandlers(deps),
    ...createDocumentHandlers(deps),
    ...createSigningHandlers(deps),
    ...createAfterHandlers(deps),
    ...createLifecycleHandlers(deps),
    ...createEncryptionHandlers(deps),
    ...createDesktopHandlers(deps),
    ...createRulesHandlers(deps),
    ...createScanHandlers(deps),
  };
}
