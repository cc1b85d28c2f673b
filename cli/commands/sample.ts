/**
 * `icp-packet sample --out <dir>`: writes the bundled sample case with its scans, ready for `icp-packet build`.
 *
 * Layout (the same as inside an .icpcase, so both build the same way):
 *
 *   <dir>/case.json                      the case; `attachments[]` lists every scan by SHA-256
 *   <dir>/attachments/<sha256>.jpg       each scan, named by the SHA-256 of its bytes
 *
 * The scans are drawn (host/sample/scans.ts) and marked 样本 / SAMPLE; each is attached to the checklist item
 * the rules compute for the sample, so the checklist shows them as provided.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENTS_DIR, SAMPLE_CASE_FILE, buildSampleCase } from '../../host/sample/sample-case';
import { nodeFs, writeFileAtomic } from '../../host/store/atomic-file';
import { InputError, defineCommand } from '../define-command';
import { PacketError } from '../../core/packet/errors';
import { refuseFileAsFolder, writeRefusal } from '../files';
import { formatIssues, message, packetErrorText } from '../messages';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export default defineCommand(
  {
    options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    operands: {
      count: 0,
      what: { en: 'no file (only --out <dir>)', 'zh-CN': '不带文件参数（只需 --out <目录>）' },
    },
    required: { out: '--out <dir>' },
  },
  async ({ values, lang }, io) => {
    const dir = path.resolve(io.cwd, values.out ?? '');
    await refuseFileAsFolder(dir);
    const caseFile = path.join(dir, SAMPLE_CASE_FILE);
    if (!values.force && (await exists(caseFile))) throw new InputError('outputExists', { file: caseFile });
    let sample;
    try {
      sample = await buildSampleCase(new Date(), io.resourcesDir);
    } catch (error) {
      // The scans are drawn with the image library, loaded now: when it cannot be, say so and stop.
      if (!(error instanceof PacketError)) throw error;
      io.stderr(packetErrorText(lang, error));
      return 1;
    }
    // Each file through temp file + rename, the scans first and case.json last: a full disk leaves either
    // the old case.json or the new one whole, and never a case.json whose scans are missing.
    let target = dir;
    try {
      await mkdir(path.join(dir, ATTACHMENTS_DIR), { recursive: true });
      for (const file of sample.files) {
        target = path.join(dir, ...file.name.split('/'));
        await writeFileAtomic(nodeFs, target, file.bytes, { mode: 0o666 });
      }
      target = caseFile;
      await writeFileAtomic(nodeFs, caseFile, Buffer.from(`${JSON.stringify(sample.case, null, 2)}\n`), {
        mode: 0o666,
      });
    } catch (error) {
      throw writeRefusal(error, target);
    }
    io.stdout(
      message(lang, 'sampleWritten', {
        file: caseFile,
        count: sample.files.length,
        dir: path.join(dir, ATTACHMENTS_DIR),
      }),
    );
    if (sample.acknowledgedWarnings.length) {
      io.stdout(message(lang, 'sampleAcknowledged', { count: sample.acknowledgedWarnings.length }));
      io.stdout(formatIssues(lang, sample.acknowledgedWarnings));
    }
    return 0;
  },
);
