/**
 * `icp-packet render <case.json|case.icpcase> <templateId> --out <file.pdf> [--review | --for-signing]`
 *
 * Renders one generated document of a case, for checking a template or re-printing a single letter.
 * `--for-signing` writes the copy to print, sign and return: a page on who signs and seals where (English;
 * Chinese before it with --lang zh-CN), then the document with its verification mark on every page. The
 * case is read like every command reads one (cli/case-reader.ts); documents are drawn from the case's data,
 * so no attachment is needed. Rendering a document whose condition does
 * not hold for the case is allowed (with a note): the user asked for it by name.
 *
 * Exit codes: 0 written · 2 bad input (usage, unreadable or invalid case, unknown template, characters the
 * font cannot print, output not writable).
 */
import { decisionFromCase, type DocumentDecision } from '../../core/documents/conditions';
import { DocumentError } from '../../core/documents/render';
import { templateApplies } from '../../core/documents/resolve';
import { documentTemplate, documentTemplates } from '../../core/documents/templates';
import { displayVersion, signedTemplates } from '../../core/documents/signing';
import type { Case } from '../../core/model/case';
import { PacketError } from '../../core/packet/errors';
import { planPacket } from '../../core/packet/gate';
import { decidePathway } from '../../core/rules/decide';
import { renderCaseDocument } from '../../host/documents';
import { CASE_OPTIONS, readCase } from '../case-reader';
import { InputError, commandPrefix, defineCommand } from '../define-command';
import { writeOutput } from '../files';
import { message, type InputMessageKey } from '../messages';

/** Documents that only make sense when their condition holds, and why the case does not need them. */
const NAMED_FOR: Record<string, InputMessageKey> = {
  'authorization-letter': 'noPersonToAuthorise',
  'rename-letter': 'noFormerName',
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

export default defineCommand(
  {
    options: {
      ...CASE_OPTIONS,
      review: { type: 'boolean' },
      'for-signing': { type: 'boolean' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    },
    operands: {
      count: 2,
      what: { en: 'a case file and a template id', 'zh-CN': '一个申请文件和一个模板 ID' },
    },
    required: { out: '--out <file.pdf>' },
    usageNote: templateList,
  },
  async ({ values, positionals: [caseFile = '', templateId = ''], lang }, io) => {
    const template = documentTemplate(templateId);
    if (!template) throw new InputError('unknownTemplate', { template: templateId, list: templateList() });

    const forSigning = values['for-signing'] ?? false;
    if (forSigning && values.review)
      throw new InputError('conflictingOptions', { first: '--review', second: '--for-signing' });
    if (forSigning && !template.signing)
      throw new InputError('notSignedByHand', {
        template: templateId,
        list: signedTemplates()
          .map((t) => t.id)
          .join(', '),
      });
    const { case: caseData } = await readCase(caseFile, io, { passphrase: values.passphrase });
    const decision = packetDecision(caseData);
    const notNeeded = NAMED_FOR[template.id];
    if (notNeeded && !templateApplies(template, caseData, decision)) {
      // These documents are about someone or something the case does not have: printed anyway they would
      // name nobody (an authorization of no one, a rename from no former name).
      throw new InputError(notNeeded, { template: templateId });
    }
    if (!templateApplies(template, caseData, decision)) {
      io.stderr(
        `${commandPrefix('render', lang)}${message(lang, 'notInPacket', { template: templateId })}\n`,
      );
    }

    let bytes: Uint8Array;
    try {
      if (forSigning) {
        // Heavy (fonts, the QR module): loaded only for this option.
        const [{ renderForSigning }, { configureQr }, { ocrResources }] = await Promise.all([
          import('../../host/signing'),
          import('../../host/qr'),
          import('../../host/ocr/resources'),
        ]);
        configureQr({ wasmPath: ocrResources(io.resourcesDir).qrWasm });
        const printed = await renderForSigning(caseData, templateId, {
          languages: lang === 'zh-CN' ? ['zh', 'en'] : ['en'],
          now: new Date(),
          resourcesDir: io.resourcesDir,
        });
        bytes = printed.bytes;
        io.stderr(
          message(lang, 'printedForSigning', {
            notes: printed.notePages,
            pages: printed.pageCount,
            version: displayVersion(printed.version),
          }),
        );
      } else {
        bytes = await renderCaseDocument(templateId, caseData, {
          variant: values.review ? 'review' : 'submission',
          decision,
          resourcesDir: io.resourcesDir,
        });
      }
    } catch (error) {
      if (error instanceof DocumentError && error.code === 'unsupportedCharacters') {
        throw new InputError('unprintable', { details: error.details });
      }
      throw error;
    }
    io.stdout(`${await writeOutput(io, values.out ?? '', bytes, { force: values.force ?? false })}\n`);
    return 0;
  },
);
