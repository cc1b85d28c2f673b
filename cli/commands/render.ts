/**
 * `icp-packet render <case.json> <templateId> [--review] --out <file.pdf>`
 *
 * Renders one generated document of a case, for checking a template or re-printing a single letter. The
 * case goes through `restore()` like every case the app opens. Rendering a document whose condition does
 * not hold for the case is allowed (with a note): the user asked for it by name.
 *
 * Exit codes: 0 written · 2 bad input (usage, unreadable or invalid case, unknown template, characters the
 * font cannot print, output not writable).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decisionFromCase, type DocumentDecision } from '../../core/documents/conditions';
import { DocumentError } from '../../core/documents/render';
import { templateApplies } from '../../core/documents/resolve';
import { documentTemplate, documentTemplates } from '../../core/documents/templates';
import type { Case } from '../../core/model/case';
import { PacketError } from '../../core/packet/errors';
import { planPacket } from '../../core/packet/gate';
import { decidePathway } from '../../core/rules/decide';
import { renderCaseDocument } from '../../host/documents';
import type { CliCommand, CliIo } from '../command';
import { InputError, restoreCaseFile, withInputErrors } from './input';

const USAGE = 'render <case.json> <templateId> [--review] --out <file.pdf>';

/** Documents that only make sense when their condition holds, and why the case does not need them. */
const NAMED_FOR: Record<string, string> = {
  'authorization-letter':
    'every person in charge is the legal representative, so there is nobody to authorise',
  'rename-letter': 'the case lists no former name of the subject',
};

function templateList(): string {
  return documentTemplates()
    .map((t) => `  ${t.id.padEnd(28)} ${t.title.zh} — ${t.title.en}`)
    .join('\n');
}

/**
 * The pathway facts `icp-packet build` would use (decidePathway → planPacket), so the note about documents
 * outside the packet agrees with the packet; a case with no fileable pathway falls back to its own answers.
 */
function packetDecision(caseData: Case): DocumentDecision {
  try {
    return planPacket(caseData, decidePathway(caseData.answers)).documents;
  } catch (error) {
    if (error instanceof PacketError) return decisionFromCase(caseData);
    throw error;
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { review: { type: 'boolean', default: false }, out: { type: 'string' } },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message}\nUsage: icp-packet ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) {
    throw new InputError(
      `expected a case file and a template id.\nUsage: icp-packet ${USAGE}\n\nTemplates:\n${templateList()}`,
    );
  }
  if (!values.out) throw new InputError(`--out <file.pdf> is required.\nUsage: icp-packet ${USAGE}`);
  const [caseFile = '', templateId = ''] = positionals;
  const template = documentTemplate(templateId);
  if (!template) throw new InputError(`unknown template "${templateId}". Templates:\n${templateList()}`);

  const caseData = await restoreCaseFile(caseFile, io);
  const decision = packetDecision(caseData);
  const notNeeded = NAMED_FOR[template.id];
  if (notNeeded && !templateApplies(template, caseData, decision)) {
    // These documents are about someone or something the case does not have: printed anyway they would
    // name nobody (an authorization of no one, a rename from no former name).
    throw new InputError(`this case needs no "${templateId}": ${notNeeded}.`);
  }
  if (!templateApplies(template, caseData, decision)) {
    io.stderr(
      `icp-packet render: note: "${templateId}" is not part of this case's packet; rendered as asked.\n`,
    );
  }

  let bytes: Uint8Array;
  try {
    bytes = await renderCaseDocument(templateId, caseData, {
      variant: values.review ? 'review' : 'submission',
      decision,
    });
  } catch (error) {
    if (error instanceof DocumentError && error.code === 'unsupportedCharacters') {
      throw new InputError(`the case contains characters the document font cannot print: ${error.details}`);
    }
    throw error;
  }
  const out = path.resolve(io.cwd, values.out);
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, bytes);
  } catch (error) {
    throw new InputError(`cannot write ${out}: ${(error as Error).message}`);
  }
  io.stdout(`${out}\n`);
  return 0;
}

export const renderCommand: CliCommand = {
  name: 'render',
  usage: USAGE,
  summary: 'render one document of a case as PDF (--review: bilingual review copy)',
  run: (args, io) => withInputErrors('render', io, () => run(args, io)),
};
