/**
 * Templates are contracts with the case model (STYLE.md §8): a template may read only fields the model has,
 * must declare every field it reads, and the model may not drop a field any template binds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionFromCase } from '../../../core/documents/conditions';
import { templateApplies } from '../../../core/documents/resolve';
import {
  DocumentTemplateSchema,
  pathsUsedBy,
  printedKeysOf,
  type Block,
  type DocumentTemplate,
} from '../../../core/documents/template-schema';
import { TEMPLATE_SOURCES, documentLabels, documentTemplates } from '../../../core/documents/templates';
import { packetIndexTemplate } from '../../../core/packet/index-document';
import { CHECKLIST, PREFLIGHT } from '../../../core/rules/data';
import {
  ACTIVITIES,
  CaseSchema,
  MINI_PROGRAM_PLATFORMS,
  PERSON_ID_TYPES,
  SECTORS,
  SUBJECT_CERTIFICATE_TYPES,
  SUBJECT_KINDS,
  SURFACES,
} from '../../../core/model/case';
import {
  LICENCE_DOCUMENTS,
  SAMPLE_DOCUMENTS,
  filingCase,
  licenceCase,
  renamedCase,
} from '../../fixtures/documents/cases';
import { schemasAt, type Schema } from './schema-paths';

const folder = path.resolve(import.meta.dirname, '../../../templates/documents');
/** Files in the folder that are not document templates of this registry. */
const NOT_REGISTERED = new Set([
  'labels.json',
  // The review copy's English for fixed terms (core/documents/glossary.ts), not a document.
  'glossary.json',
  // The packet's index page: rendered by core/packet with its own substitutions, never chosen by a case.
  'packet-index.json',
  // The instruction note printed before a document to sign (core/documents/signing.ts), not a document.
  'signing-note.json',
]);

function missingBinds(template: DocumentTemplate, model: Schema): string[] {
  return template.binds.filter((bind) => schemasAt(model, bind).length === 0);
}

function englishGlossesMissing(blocks: Block[]): string[] {
  const missing: string[] = [];
  const check = (where: string, en: string | undefined) => {
    if (!en || en.trim() === '') missing.push(where);
  };
  blocks.forEach((block, i) => {
    const at = `blocks[${i}] ${block.type}`;
    switch (block.type) {
      case 'title':
      case 'heading':
      case 'addressee':
      case 'paragraph':
        check(at, block.en);
        break;
      case 'kv':
        if (block.caption) check(`${at} caption`, block.caption.en);
        block.rows.forEach((row, r) => check(`${at} row ${r}`, row.label.en));
        break;
      case 'table':
        if (block.caption) check(`${at} caption`, block.caption.en);
        block.columns.forEach((c, n) => check(`${at} column ${n}`, c.en));
        break;
      case 'checklist':
        block.items.forEach((item, n) => check(`${at} item ${n}`, item.en));
        break;
      case 'signature':
        block.signers.forEach((s, n) => {
          check(`${at} signer ${n}`, s.party.en);
          s.signatures.forEach((sig, m) => check(`${at} signer ${n} signature ${m}`, sig.en));
        });
        break;
      case 'notes':
      case 'enclosures':
        check(`${at} heading`, block.heading.en);
        block.items.forEach((item, n) => check(`${at} item ${n}`, item.en));
        break;
      case 'ownership':
        check(`${at} caption`, block.caption.en);
        break;
    }
  });
  return missing;
}

describe('document templates', () => {
  const templates = documentTemplates();

  it('registers every template file in the folder, each valid, its id matching its file name', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.json') && !NOT_REGISTERED.has(f));
    expect(Object.keys(TEMPLATE_SOURCES).sort()).toEqual(files.sort());
    for (const file of files) {
      const json: unknown = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
      const parsed = DocumentTemplateSchema.safeParse(json);
      expect(parsed.success, file).toBe(true);
      expect(parsed.data?.id, file).toBe(file.replace(/\.json$/, ''));
    }
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  });

  it('are the fifteen documents of DESIGN.md §5 for both pathways', () => {
    expect(templates.map((t) => t.id).sort()).toEqual(
      [
        'filing-info-sheet',
        'verification-form',
        'filing-commitment',
        'authorization-letter',
        'pre-approval-statement',
        'rename-letter',
        ...LICENCE_DOCUMENTS,
        'privacy-policy',
        'pi-inventory',
      ].sort(),
    );
  });

  it('each name a basis with a source and an as-of date, and gloss every block in English', () => {
    for (const template of templates) {
      expect(template.basis.length, template.id).toBeGreaterThan(0);
      for (const basis of template.basis) expect(basis.source.trim(), template.id).not.toBe('');
      expect(Number.isNaN(Date.parse(template.asOf)), template.id).toBe(false);
      expect(englishGlossesMissing(template.blocks), template.id).toEqual([]);
    }
  });

  it('call the authorization letter by its title, 授权书, never 授权委托书 (no document of a packet is so named)', () => {
    // A reviewer reads a letter that calls itself by two names as two documents.
    const letter = templates.find((t) => t.id === 'authorization-letter');
    expect(letter?.title.zh).toBe('法定代表人授权书');
    for (const template of [...templates, packetIndexTemplate()])
      expect(JSON.stringify(template), template.id).not.toContain('授权委托书');
  });

  it('bind only fields the case model has', () => {
    for (const template of templates) expect(missingBinds(template, CaseSchema), template.id).toEqual([]);
  });

  it('declare exactly the fields they read (no undeclared placeholder, no stale bind)', () => {
    for (const template of templates) {
      expect([...pathsUsedBy(template)].sort(), template.id).toEqual([...new Set(template.binds)].sort());
    }
  });

  it('declare how they print every value: required, Chinese, optional or filled in by hand (issue 21)', () => {
    for (const template of templates) {
      expect(Object.keys(template.prints).sort(), template.id).toEqual([...printedKeysOf(template)].sort());
      for (const declaration of Object.values(template.prints)) {
        const finding = typeof declaration === 'object' ? declaration.finding : undefined;
        if (finding)
          expect(
            PREFLIGHT.rules.map((r) => r.code),
            template.id,
          ).toContain(finding);
      }
    }
    // The packet index is a template too.
    const index = packetIndexTemplate();
    expect(Object.keys(index.prints).sort()).toEqual([...printedKeysOf(index)].sort());
  });

  it('enclose by checklist entries that exist', () => {
    const entries = new Set(CHECKLIST.items.map((i) => i.id));
    const attached = (node: unknown): string[] =>
      Array.isArray(node)
        ? node.flatMap(attached)
        : node && typeof node === 'object'
          ? Object.entries(node).flatMap(([k, v]) => (k === 'attached' ? [String(v)] : attached(v)))
          : [];
    const named = templates.flatMap((t) => attached(t.blocks));
    expect(named.length).toBeGreaterThan(3);
    for (const id of named) expect(entries, id).toContain(id);
  });

  it('fail the contract when the model drops a bound field, or a template binds an unknown one', () => {
    const modelWithoutEmail = CaseSchema.extend({
      principal: CaseSchema.shape.principal.unwrap().omit({ email: true }),
    });
    const commitment = templates.find((t) => t.id === 'filing-info-sheet');
    expect(commitment && missingBinds(commitment, modelWithoutEmail)).toEqual(['principal.email']);

    const broken = {
      ...templates[0]!,
      binds: ['subject.name', 'subject.favouriteColour', 'services[].noSuchField'],
    };
    expect(missingBinds(broken, CaseSchema)).toEqual(['subject.favouriteColour', 'services[].noSuchField']);
    // A field of one service kind only is still a field of the model (the union is searched).
    expect(schemasAt(CaseSchema, 'services[].platforms[].publicKey')).not.toHaveLength(0);
  });

  it('have Chinese and English labels for every value of the model enumerations they print', () => {
    const tables = documentLabels().tables;
    const covers = (table: string, values: readonly string[]) =>
      expect(Object.keys(tables[table] ?? {}).sort(), table).toEqual([...values].sort());
    covers('personIdType', PERSON_ID_TYPES);
    covers('subjectCertificateType', SUBJECT_CERTIFICATE_TYPES);
    covers('subjectKind', SUBJECT_KINDS);
    covers('enterpriseType', SUBJECT_KINDS);
    covers('sector', SECTORS);
    covers('miniProgramPlatform', MINI_PROGRAM_PLATFORMS);
    covers('activity', ACTIVITIES);
    covers('serviceKind', SURFACES);
    for (const [name, table] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(table)) {
        expect(text.zh.trim() !== '' && text.en.trim() !== '', `${name}.${key}`).toBe(true);
      }
    }
  });
});

describe('which documents a case needs', () => {
  const ids = (caseData: ReturnType<typeof filingCase>) =>
    documentTemplates()
      .filter((t) => templateApplies(t, caseData, decisionFromCase(caseData)))
      .map((t) => t.id);

  it('the sample mini-program shop: the filing set, with the authorization letter for its local manager', () => {
    // WeChat verifies a mini-program in-app and supplies its own 核验单: no verification form on that channel.
    expect(ids(filingCase())).toEqual(SAMPLE_DOCUMENTS);
  });

  it('adds the rename letter once the company has a former name', () => {
    expect(ids(renamedCase())).toContain('rename-letter');
  });

  it('adds the seven licence documents when a B25 licence is applied for', () => {
    const licence = ids(licenceCase());
    for (const id of LICENCE_DOCUMENTS) expect(licence).toContain(id);
  });
});
