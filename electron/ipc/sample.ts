/**
 * `case:createSample`: puts the bundled sample case (a WFOE in Shanghai launching a WeChat Mini-Program shop)
 * into the store with its 样本 / SAMPLE scans attached, exactly as `icp-packet sample` writes it.
 *
 * It goes in the way an `.icpcase` import does: the case and its scans are packed and imported in one store
 * operation, so the sample arrives whole (never a case without its scans) and its first history record is a
 * barrier — Undo cannot empty the sample back into a blank case.
 */
import path from 'node:path';
import { z } from 'zod';
import { buildSampleCase } from '../../host/sample/sample-case';
import type { HandlerMap } from '../contract';
import { exportCaseArchive } from '../../host/store/icpcase';
import type { HandlerDeps } from './deps';
import { caseStoreFor, prepareScansLater, viaStore } from './cases';
import { packetHandlerError } from './packet';
import { PacketError } from '../../core/packet/errors';

export function createSampleHandlers(deps: HandlerDeps): Pick<HandlerMap, 'case:createSample'> {
  const store = caseStoreFor(deps);
  return {
    'case:createSample': viaStore(z.undefined(), async () => {
      const now = new Date();
      // Drawing the scans needs the image library, loaded now for the first time: a failure says so.
      const sample = await buildSampleCase(now, deps.resourcesDir).catch((error: unknown) => {
        throw error instanceof PacketError ? packetHandlerError(error) : error;
      });
      const scans = new Map<string, Buffer>();
      for (const file of sample.files)
        scans.set(path.basename(file.name, path.extname(file.name)), Buffer.from(file.bytes));
      const archive = await exportCaseArchive(sample.case, scans, { now });
      const created = await store.importCase(archive);
      prepareScansLater(deps, created);
      return created;
    }),
  };
}
