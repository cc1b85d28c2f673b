/**
 * `icp-packet decide <answers.json>`: the pathway check on the command line. The file holds the pathway
 * answers (README "Answers format"); a whole case (case.json or .icpcase) is accepted too and its answers
 * are used. Exit 0 when a pathway follows (filing or licence), 1 when not eligible or answers are missing,
 * 2 on bad input.
 */
import { PathwayAnswersSchema } from '../../core/model/case';
import { decidePathway } from '../../core/rules';
import { CASE_OPTIONS, readCaseOrJson } from '../case-reader';
import { InputError, defineCommand } from '../define-command';
import { decisionReport } from './report';
import { todayIso } from '../../core/validate/common';

function answersOf(raw: unknown) {
  // Strict: a misspelt key ("surface") must not be dropped silently and change the answer.
  const parsed = PathwayAnswersSchema.strict().safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 8)
      .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('\n');
    throw new InputError('answersInvalid', { details });
  }
  return parsed.data;
}

export default defineCommand(
  {
    options: { ...CASE_OPTIONS, json: { type: 'boolean' } },
    operands: {
      count: 1,
      what: { en: 'one answers file (or a case)', 'zh-CN': '一个问卷回答文件（或案件文件）' },
    },
  },
  async ({ values, positionals: [file = ''], lang }, io) => {
    const read = await readCaseOrJson(file, io, { passphrase: values.passphrase });
    const decision = decidePathway('case' in read ? read.case.case.answers : answersOf(read.json));
    io.stdout(
      values.json ? `${JSON.stringify(decision, null, 2)}\n` : decisionReport(decision, lang, todayIso()),
    );
    return decision.pathway === 'icp_filing' || decision.pathway === 'commercial_licence' ? 0 : 1;
  },
);
