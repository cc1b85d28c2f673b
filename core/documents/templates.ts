/**
 * The bundled document templates and label tables (templates/documents/*.json), parsed once on first use.
 * Imported, not read from disk, so the core stays free of I/O and the renderer bundle can use them too.
 * A new template file must be added here (a test checks that every file in the folder is listed).
 */
import labelsJson from '../../templates/documents/labels.json' with { type: 'json' };
import authorizationLetter from '../../templates/documents/authorization-letter.json' with { type: 'json' };
import businessPlan from '../../templates/documents/business-plan.json' with { type: 'json' };
import companyOverview from '../../templates/documents/company-overview.json' with { type: 'json' };
import filingCommitment from '../../templates/documents/filing-commitment.json' with { type: 'json' };
import filingInfoSheet from '../../templates/documents/filing-info-sheet.json' with { type: 'json' };
import keyStaff from '../../templates/documents/key-staff.json' with { type: 'json' };
import lawfulOperationCommitment from '../../templates/documents/lawful-operation-commitment.json' with { type: 'json' };
import licenceApplicationLetter from '../../templates/documents/licence-application-letter.json' with { type: 'json' };
import piInventory from '../../templates/documents/pi-inventory.json' with { type: 'json' };
import preApprovalStatement from '../../templates/documents/pre-approval-statement.json' with { type: 'json' };
import privacyPolicy from '../../templates/documents/privacy-policy.json' with { type: 'json' };
import renameLetter from '../../templates/documents/rename-letter.json' with { type: 'json' };
import securityMeasures from '../../templates/documents/security-measures.json' with { type: 'json' };
import userAgreement from '../../templates/documents/user-agreement.json' with { type: 'json' };
import verificationForm from '../../templates/documents/verification-form.json' with { type: 'json' };
import { LabelTablesSchema, parseTemplate, type DocumentTemplate, type LabelTables } from './template-schema';

/** Every template file, by file name (for error messages). */
export const TEMPLATE_SOURCES: Readonly<Record<string, unknown>> = {
  'authorization-letter.json': authorizationLetter,
  'business-plan.json': businessPlan,
  'company-overview.json': companyOverview,
  'filing-commitment.json': filingCommitment,
  'filing-info-sheet.json': filingInfoSheet,
  'key-staff.json': keyStaff,
  'lawful-operation-commitment.json': lawfulOperationCommitment,
  'licence-application-letter.json': licenceApplicationLetter,
  'pi-inventory.json': piInventory,
  'pre-approval-statement.json': preApprovalStatement,
  'privacy-policy.json': privacyPolicy,
  'rename-letter.json': renameLetter,
  'security-measures.json': securityMeasures,
  'user-agreement.json': userAgreement,
  'verification-form.json': verificationForm,
};

/**
 * The CLI's build parses the templates itself (scripts/build-cli.mjs, the same parseTemplate) and defines the
 * result, as JSON text: `icp-packet check` then spends nothing on parsing them through their schema (a tenth of
 * its start-up). Elsewhere it is undefined and the templates are parsed on first use.
 */
declare const ICP_PARSED_TEMPLATES_JSON: string | undefined;

let templates: readonly DocumentTemplate[] | undefined;
let labels: LabelTables | undefined;

/** The templates parsed, in packet order (what documentTemplates returns); the CLI build defines it from this. */
export function parseDocumentTemplates(): DocumentTemplate[] {
  return Object.entries(TEMPLATE_SOURCES)
    .map(([file, json]) => parseTemplate(json, `templates/documents/${file}`))
    .sort((a, b) => a.order - b.order);
}

/** All templates, in packet order (filing documents, then licence documents, then both). */
export function documentTemplates(): readonly DocumentTemplate[] {
  templates ??=
    typeof ICP_PARSED_TEMPLATES_JSON !== 'undefined'
      ? (JSON.parse(ICP_PARSED_TEMPLATES_JSON) as DocumentTemplate[])
      : parseDocumentTemplates();
  return templates;
}

export function documentTemplate(id: string): DocumentTemplate | undefined {
  return documentTemplates().find((t) => t.id === id);
}

export function documentLabels(): LabelTables {
  labels ??= LabelTablesSchema.parse(labelsJson);
  return labels;
}
