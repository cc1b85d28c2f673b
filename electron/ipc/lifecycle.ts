/**
 * IPC handlers of a licence holder's later years: `annualReport:saveSheet` (the "what to type where" sheet
 * of one year, as PDF), `renewal:build` and `change:build` (the renewal and change packets).
 *
 * The renderer sends ids — the case, the year, the recorded change — never a path. Main reads the stored
 * case (the renderer saves what was typed first), asks where to save with its own dialogs, asks before
 * replacing an existing packet, and writes through host/lifecycle.ts.
 */
import { rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Case } from '../../core/model/case';
import { renewalRefusal } from '../../core/after/renewal';
import { DocumentError } from '../../core/documents/render';
import { PacketError } from '../../core/packet/errors';
import { chinaDate } from '../../core/packet/safe-names';
import { todayIso } from '../../core/validate/common';
import type { HandlerMap } from '../contract';
import {
  renderAnnualReportSheet,
  writeChangePacket,
  writeRenewalPacket,
  type LifecyclePacketRequest,
  type WrittenLifecyclePacket,
} from '../../host/lifecycle';
import { CASE_ID_PATTERN } from '../../host/store/case-store';
import { caseStoreFor, viaStore } from './cases';
import { packetHandlerError } from './packet';
import type { HandlerDeps } from './deps';
import { HandlerError } from './result';

type LifecycleChannels = 'annualReport:saveSheet' | 'renewal:build' | 'change:build';

const caseId = z.string().regex(CASE_ID_PATTERN);
const isoDay = z.iso.date();

const sheetRequest = z.strictObject({
  caseId,
  year: z.number().int().min(2000).max(2100),
  /** The renderer's today, so the sheet matches the screen. */
  today: isoDay.optional(),
});
const renewalRequest = z.strictObject({ caseId, today: isoDay.optional(), signOn: isoDay.optional() });
const changeRequest = z.strictObject({
  caseId,
  changeId: z.string().min(1).max(64),
  today: isoDay.optional(),
  signOn: isoDay.optional(),
});

/** A file name from the case name: no path separators or characters Windows refuses. */
function safeBase(name: string, fallback: string): string {
  const base = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return base || fallback;
}

export function sheetFileName(caseName: string, year: number): string {
  return `${safeBase(caseName, 'ICP')} annual report ${year} 年报对照表.pdf`;
}

/**
 * Characters the font cannot print are the user's to change: say which ones. A refused packet or sheet
 * (no licence, an unsafe name) says why in the user's language.
 */
function unprintable(error: unknown): never {
  if (error instanceof DocumentError && error.code === 'unsupportedCharacters')
    throw new HandlerError('documentUnprintable', {
      characters: error.details.slice(error.details.lastIndexOf(':') + 1).trim(),
    });
  if (error instanceof PacketError) throw packetHandlerError(error);
  throw error;
}

export function createLifecycleHandlers(deps: HandlerDeps): Pick<HandlerMap, LifecycleChannels> {
  const store = caseStoreFor(deps);
  const resources = { resourcesDir: deps.resourcesDir };

  /** Asks for the folder, writes, and asks before replacing a packet of the same name. */
  async function buildPacket(
    c: Case,
    write: (request: LifecyclePacketRequest) => Promise<WrittenLifecyclePacket>,
    dates: { today?: string | undefined; signOn?: string | undefined },
  ) {
    if (!deps.showPacketFolderDialog) throw new HandlerError('internal', { reason: 'noFolderDialog' });
    const outDir = await deps.showPacketFolderDialog();
    if (!outDir) return { built: false as const };
    const today = dates.today ?? todayIso();
    const now = new Date();
    const attempt = (replace: boolean) =>
      write({
        outDir,
        replace,
        today,
        // Dated as the packet folder and its 目录 are: by China's calendar, not this computer's day.
        signOn: dates.signOn ?? chinaDate(now),
        now,
        appVersion: deps.appVersion,
        ...resources,
      });
    let written: WrittenLifecyclePacket;
    try {
      try {
        written = await attempt(false);
      } catch (error) {
        if (!(error instanceof PacketError) || error.code !== 'folderExists') throw error;
        const confirmed = await deps.confirmReplacePacket?.(String(error.details.path ?? outDir));
        if (!confirmed) return { built: false as const };
        written = await attempt(true);
      }
    } catch (error) {
      return unprintable(error);
    }
    return {
      built: true as const,
      folderName: written.packet.folderName,
      folderPath: written.folder,
      fileCount: written.packet.files.length,
    };
  }

  return {
    'annualReport:saveSheet': viaStore(sheetRequest, async ({ caseId: id, year, today }) => {
      if (!deps.showSheetSaveDialog) throw new HandlerError('internal', { reason: 'noSaveDialog' });
      const { case: c } = await store.open(id);
      const rendered = await renderAnnualReportSheet(c, {
        year,
        today: today ?? todayIso(),
        now: new Date(),
        ...resources,
      }).catch(unprintable);
      const target = await deps.showSheetSaveDialog({
        defaultFileName: sheetFileName(c.name || c.subject.name, year),
      });
      if (!target) return { saved: false as const };
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, rendered.bytes);
      await rename(temp, target);
      return {
        saved: true as const,
        fileName: target.split(/[\\/]/).pop() ?? target,
        errors: rendered.run.errors,
        warnings: rendered.run.warnings,
      };
    }),
    'renewal:build': viaStore(renewalRequest, async ({ caseId: id, today, signOn }) => {
      const { case: c } = await store.open(id);
      // Refused before the folder is asked for: there is nothing to build.
      const refusal = renewalRefusal(c, today ?? todayIso());
      if (refusal) throw packetHandlerError(refusal);
      return buildPacket(c, (request) => writeRenewalPacket(c, request), { today, signOn });
    }),
    'change:build': viaStore(changeRequest, async ({ caseId: id, changeId, today, signOn }) => {
      const { case: c } = await store.open(id);
      if (!c.lifecycle.changes.some((e) => e.id === changeId))
        throw new HandlerError('notFound', { changeId });
      return buildPacket(c, (request) => writeChangePacket(c, changeId, request), { today, signOn });
    }),
  };
}
