/**
 * The Node side of a licence holder's later years, shared by the app's main process and the CLI: the annual
 * report's "what to type where" sheet rendered with the bundled fonts, and the renewal and change packets
 * rendered and written to disk (host/packet/write-packet.ts: atomic folder, never replacing unasked).
 * No electron import, so the CLI and tests run it in plain Node.
 */
import { createHash } from 'node:crypto';
import type { AnnualFigures, Case } from '../core/model/case';
import { dryRunAnnualReport, type AnnualReportDryRun } from '../core/after/annual-report';
import { noLicenceRefusal } from '../core/after/changes';
import { renewalRefusal } from '../core/after/renewal';
import { annualReportSheet } from '../core/after/annual-report-sheet';
import {
  assembleLifecyclePacket,
  changePacketPlan,
  lifecycleCase,
  renewalPacketPlan,
  type AssembledLifecyclePacket,
} from '../core/after/lifecycle-packet';
import { renderDocument } from '../core/documents/render';
import { caseLicenceCategories } from '../core/rules/licence-categories';
import { readDocumentFonts } from './documents';
import { writePacket } from './packet/write-packet';

export interface SheetRequest {
  year: number;
  figures?: AnnualFigures;
  today: string;
  now: Date;
  resourcesDir: string;
}

/** One year's dry run and its bilingual sheet as PDF bytes. */
export async function renderAnnualReportSheet(
  c: Case,
  request: SheetRequest,
): Promise<{ run: AnnualReportDryRun; bytes: Uint8Array }> {
  // A filing has no licence to report on: its sheet would be all blanks.
  const refusal = noLicenceRefusal(c, 'annualReport');
  if (refusal) throw refusal;
  const run = dryRunAnnualReport(c, request.year, {
    today: request.today,
    ...(request.figures ? { figures: request.figures } : {}),
  });
  const fonts = await readDocumentFonts(request.resourcesDir);
  const bytes = await renderDocument(annualReportSheet(c, run), lifecycleCase(c, ''), {
    variant: 'review',
    fonts,
    decision: { filing: true, licence: true, licenceCategories: caseLicenceCategories(c) },
    now: request.now,
  });
  return { run, bytes };
}

export interface LifecyclePacketRequest {
  outDir: string;
  /** Replace an existing packet folder of the same name (the user confirmed). */
  replace: boolean;
  today: string;
  /** The date printed on the letters; '' leaves 年 月 日 to write by hand. */
  signOn: string;
  now: Date;
  appVersion: string;
  resourcesDir: string;
}

export interface WrittenLifecyclePacket {
  folder: string;
  packet: AssembledLifecyclePacket;
}

async function write(
  c: Case,
  plan: ReturnType<typeof renewalPacketPlan>,
  request: LifecyclePacketRequest,
): Promise<WrittenLifecyclePacket> {
  const fonts = await readDocumentFonts(request.resourcesDir);
  const packet = await assembleLifecyclePacket(c, plan, {
    fonts,
    now: request.now,
    appVersion: request.appVersion,
    sha256: async (bytes) => createHash('sha256').update(bytes).digest('hex'),
  });
  const written = await writePacket(packet, {
    outDir: request.outDir,
    zip: false,
    replace: request.replace,
    now: request.now,
  });
  return { folder: written.folder, packet };
}

/** The renewal packet; refused as core's `renewalRefusal` says. */
export async function writeRenewalPacket(
  c: Case,
  request: LifecyclePacketRequest,
): Promise<WrittenLifecyclePacket> {
  const refusal = renewalRefusal(c, request.today);
  if (refusal) throw refusal;
  return write(c, renewalPacketPlan(c, { today: request.today, signOn: request.signOn }), request);
}

/** The change packet of a recorded event (by id). */
export function writeChangePacket(
  c: Case,
  eventId: string,
  request: LifecyclePacketRequest,
): Promise<WrittenLifecyclePacket> {
  const event = c.lifecycle.changes.find((e) => e.id === eventId);
  if (!event) throw new RangeError(`no change ${eventId} in the case`);
  return write(c, changePacketPlan(c, event, { today: request.today, signOn: request.signOn }), request);
}
