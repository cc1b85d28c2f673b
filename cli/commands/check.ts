/**
 * `icp-packet check <case.json>`: the pre-flight on the command line. The case goes through restore(), like
 * every case the app opens. Exit 0 without errors (warnings allowed), 1 with errors, 2 on bad input.
 */
import { restore } from '../../core/model/restore';
import { checkCase } from '../../core/rules';
import type { CliCommand } from '../command';
import { InputError, parseCommon, readJsonFile, withInputErrors } from './input';
import { preflightReport } from './report';

const USAGE = 'check <case.json> [--lang en|zh-CN] [--json] [--today YYYY-MM-DD]';

export const checkCommand: CliCommand = {
  name: 'check',
  usage: USAGE,
  summary: 'pre-flight: every error and warning a reviewer would raise, with fixes',
  run: (args, io) =>
    withInputErrors('check', io, async () => {
      const options = parseCommon(args, USAGE, true);
      const restored = restore(await readJsonFile(options.file, io));
      if (!restored.ok) throw new InputError(`not a readable case (${restored.code}): ${restored.details}`);
      const issues = checkCase(restored.case, options.today ? { today: options.today } : {});
      const errors = issues.filter((i) => i.severity === 'error').length;
      if (options.json) {
        const summary = { caseId: restored.case.id, errors, warnings: issues.length - errors, issues };
        io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      } else {
        io.stdout(preflightReport(restored.case.name || restored.case.id, issues, options.lang));
      }
      return errors > 0 ? 1 : 0;
    }),
};
