/**
 * `icp-packet decide <answers.json>`: the pathway check on the command line. The file holds the pathway
 * answers (README "Answers format"); a whole case file is accepted too and its answers are used.
 * Exit 0 when a pathway follows (filing or licence), 1 when not eligible or answers are missing, 2 on bad input.
 */
import { PathwayAnswersSchema } from '../../core/model/case';
import { restore } from '../../core/model/restore';
import { decidePathway } from '../../core/rules';
import type { CliCommand } from '../command';
import { InputError, parseCommon, readJsonFile, withInputErrors } from './input';
import { decisionReport } from './report';

const USAGE = 'decide <answers.json> [--lang en|zh-CN] [--json]';

function answersFrom(raw: unknown) {
  if (typeof raw === 'object' && raw !== null && 'schemaVersion' in raw) {
    const restored = restore(raw);
    if (!restored.ok)
      throw new InputError(`the case file cannot be read (${restored.code}): ${restored.details}`);
    return restored.case.answers;
  }
  // Strict: a misspelt key ("surface") must not be dropped silently and change the answer.
  const parsed = PathwayAnswersSchema.strict().safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 8)
      .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('\n');
    throw new InputError(`the answers do not match the answers format:\n${details}`);
  }
  return parsed.data;
}

export const decideCommand: CliCommand = {
  name: 'decide',
  usage: USAGE,
  summary: 'pathway check: ICP filing, commercial licence or not eligible, with reasons and sources',
  run: (args, io) =>
    withInputErrors('decide', io, async () => {
      const options = parseCommon(args, USAGE, false);
      const answers = answersFrom(await readJsonFile(options.file, io));
      const decision = decidePathway(answers);
      io.stdout(
        options.json ? `${JSON.stringify(decision, null, 2)}\n` : decisionReport(decision, options.lang),
      );
      return decision.pathway === 'icp_filing' || decision.pathway === 'commercial_licence' ? 0 : 1;
    }),
};
