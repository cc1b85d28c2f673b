/**
 * `icp-packet check <case.json|case.icpcase>`: the pre-flight on the command line. The case is read like
 * every command reads one (cli/case-reader.ts: restore(), and the archive checks for an .icpcase).
 * Exit 0 without errors (warnings allowed), 1 with errors, 2 on bad input.
 */
import { activeRulePack, checkCase } from '../../core/rules';
import { todayIso } from '../../core/validate/common';
import { CASE_OPTIONS, ONE_CASE, readCase } from '../case-reader';
import { defineCommand } from '../define-command';
import { preflightReport } from './report';

export default defineCommand(
  {
    options: { ...CASE_OPTIONS, json: { type: 'boolean' }, today: { type: 'string' } },
    operands: { count: 1, what: ONE_CASE },
  },
  async ({ values, positionals: [file = ''], lang }, io) => {
    const { case: c } = await readCase(file, io, { passphrase: values.passphrase });
    const issues = checkCase(c, values.today ? { today: values.today } : {});
    const errors = issues.filter((i) => i.severity === 'error').length;
    const rules = activeRulePack();
    if (values.json) {
      const summary = { caseId: c.id, errors, warnings: issues.length - errors, issues, rules };
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      io.stdout(preflightReport(c.name || c.id, issues, lang, { info: rules, today: todayIso() }));
    }
    return errors > 0 ? 1 : 0;
  },
);
