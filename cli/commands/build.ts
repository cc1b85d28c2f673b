/**
 * `icp-packet build <case.json|case.icpcase> --out <dir> [--zip] [--profile wechat|aliyun|tencent]`
 *
 * Builds the submission packet of a case (DESIGN.md §5) into `<dir>/<case>-<pathway>-<yyyymmdd>/` and, with
 * `--zip`, a zip beside it. The case and its attachments are read like every command reads a case
 * (cli/case-reader.ts): from inside an .icpcase (every SHA-256 checked; an encrypted one needs
 * `--passphrase`), or beside a case.json by SHA-256, where each scan's normalised copy is kept for later
 * builds (host/packet/scan-cache.ts).
 *
 * Profile: `--profile`, else `wechat` when the case has a WeChat mini-program and `aliyun` otherwise.
 * Exit codes: 0 built · 1 the case has problems (pre-flight errors or unacknowledged warnings, scans that
 * cannot meet the profile) · 2 bad input (unreadable case, missing attachment, bad option, folder exists).
 */
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import type { Case } from '../../core/model/case';
import { PacketError } from '../../core/packet/errors';
import { isProfileId, type ProfileId } from '../../core/packet/profiles';
import { exportPacket } from '../../host/packet/export-packet';
import { CASE_OPTIONS, ONE_CASE, readCase } from '../case-reader';
import { InputError, defineCommand } from '../define-command';
import { refuseFileAsFolder } from '../files';
import { formatIssues, message, packetErrorText } from '../messages';

function defaultProfile(c: Case): ProfileId {
  return c.services.some((s) => s.kind === 'mini_program' && s.platform === 'wechat') ? 'wechat' : 'aliyun';
}

export default defineCommand(
  {
    options: {
      ...CASE_OPTIONS,
      out: { type: 'string', short: 'o' },
      zip: { type: 'boolean' },
      profile: { type: 'string' },
      'accept-warnings': { type: 'boolean' },
      force: { type: 'boolean' },
    },
    operands: { count: 1, what: ONE_CASE },
    required: { out: '--out <dir>' },
  },
  async ({ values, positionals: [file = ''], lang }, io) => {
    if (values.profile !== undefined && !isProfileId(values.profile))
      throw new InputError('unknownProfile', { profile: values.profile });
    const outDir = path.resolve(io.cwd, values.out ?? '');
    await refuseFileAsFolder(outDir);
    const input = await readCase(file, io, { passphrase: values.passphrase });
    const attachments = await input.attachments();
    const profile = (values.profile as ProfileId | undefined) ?? defaultProfile(input.case);
    try {
      const result = await exportPacket({
        case: input.case,
        ...attachments,
        profile,
        outDir,
        zip: values.zip ?? false,
        replace: values.force ?? false,
        acceptWarnings: values['accept-warnings'] ?? false,
        now: new Date(),
        appVersion: packageJson.version,
        resourcesDir: io.resourcesDir,
      });
      if (result.acceptedWarnings.length) {
        io.stdout(message(lang, 'acceptedWarnings', { count: result.acceptedWarnings.length }));
        io.stdout(formatIssues(lang, result.acceptedWarnings));
      }
      if (result.alternativePathway) {
        io.stdout(message(lang, 'alternativePathway', { pathway: result.packet.manifest.pathway.en }));
      }
      io.stdout(
        message(lang, 'built', { folder: result.folder, files: result.packet.files.length, profile }),
      );
      if (result.zip) io.stdout(message(lang, 'builtZip', { zip: result.zip }));
      return 0;
    } catch (error) {
      if (error instanceof PacketError) {
        io.stderr(packetErrorText(lang, error));
        return error.code === 'folderExists' || error.code === 'unsafePath' ? 2 : 1;
      }
      throw error;
    }
  },
);
