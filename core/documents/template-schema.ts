/**
 * The document template format: one JSON file per document in templates/documents/, validated here.
 *
 * A template is data, not code: Chinese text with `{{placeholders}}` bound to case fields, an English gloss
 * for every block, the legal or practical basis it rests on with an "as of" date, a declarative condition
 * saying when the document belongs in a packet, and the list of case fields it binds (checked against the
 * case schema by test/core/documents/template-contract.test.ts).
 *
 * Placeholders: `{{path}}` or `{{path|format}}`. Paths are dotted case paths (`subject.name`), `$item.…`
 * inside an `each` (the current array element), `$index` (1-based position), `$now` (the document date),
 * `$signDate` (in the text of a paper signed by hand: the case's one signing date, or 年 月 日 left blank),
 * `$documentDate` (for a document nobody signs: the case's one signing date, else the document date),
 * `$contact.name|role|mobile|email` (the
 * agency's 经办人, else the person in charge).
 * Formats: date, cny, pct, yesno, count, list[:<table>], label:<table> (a table of labels.json), province,
 * region (a city or district code; Latin name in English), area (on an object with province, city and
 * district codes: 广东省深圳市南山区 / Nanshan District, Shenzhen, Guangdong),
 * authority (the province's communications administration), personName (on a person: the name as in the
 * identity document, the Chinese name beside a passport's), coverage (on licence.coverage: 广东省, the
 * list of licence.provinces, or 全国),
 * licenceCategories, idValidity and licenceTerm (on a person or the
 * subject), preApprovals, platformFeatures, sdks, and none (optional fields: empty prints 无 / None).
 * Otherwise an empty value renders as a fill-in blank (resolve.ts BLANK) — the pre-flight reports it.
 *
 * `each.path` may flatten nested arrays: `services[].preApprovals` yields every pre-approval of every service.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';

export const TEMPLATE_TYPE = 'icp-packet/document-template';
export const TEMPLATE_FORMAT_VERSION = 1;

/** Chinese text (may contain placeholders) with its English gloss (may contain placeholders too). */
const Text = lazySchema(() => z.object({ zh: z.string(), en: z.string() }));

// ------------------------------------------------------------------ conditions

const Scalar = lazySchema(() => z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** A test on one value. `nonEmpty` is true for a non-blank string, a non-empty array, a number, `true`. */
const ValueTest = lazySchema(() =>
  z
    .object({
      eq: Scalar.optional(),
      ne: Scalar.optional(),
      in: z.array(Scalar).optional(),
      gt: z.number().optional(),
      lt: z.number().optional(),
      nonEmpty: z.boolean().optional(),
      /** For arrays: some element passes (elements are scalars, or objects tested via `where`). */
      includes: Scalar.optional(),
    })
    .strict(),
);

export type Condition =
  | { always: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ({ case: string } & z.infer<typeof ValueTest>)
  | ({ item: string } & z.infer<typeof ValueTest>)
  | ({ decision: string } & z.infer<typeof ValueTest>)
  | { some: string; where: Condition }
  | { attached: string }
  | { document: string };

/**
 * When a document (or a block) applies. `case` tests a case path, `decision` a field of the pathway facts
 * (see conditions.ts), `item` a field of the current `each` element, `some` whether any element of a case
 * array satisfies `where` (evaluated with that element as `item`), `attached` whether the case holds a file
 * for a checklist entry (its id in templates/rules/checklist.json; per-service items `<id>@<service>` count),
 * so a letter lists as enclosures exactly the files the packet holds, and `document` whether the packet holds
 * the generated document of that template id (its own `appliesWhen` holds), so it lists the documents too.
 */
export const ConditionSchema: z.ZodType<Condition> = lazySchema(
  () =>
    z.lazy(() =>
      z.union([
        z.object({ always: z.boolean() }).strict(),
        z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
        z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
        z.object({ not: ConditionSchema }).strict(),
        ValueTest.extend({ case: z.string().min(1) }).strict(),
        ValueTest.extend({ item: z.string().min(1) }).strict(),
        ValueTest.extend({ decision: z.string().min(1) }).strict(),
        z.object({ some: z.string().min(1), where: ConditionSchema }).strict(),
        z.object({ attached: z.string().min(1) }).strict(),
        z.object({ document: z.string().min(1) }).strict(),
      ]),
    ) as z.ZodType<Condition>,
);

/** Repeats over a case array, optionally filtered; placeholders inside use `$item.…` and `$index`. */
const Each = lazySchema(() =>
  z.object({ path: z.string().min(1), where: ConditionSchema.optional() }).strict(),
);

// ------------------------------------------------------------------ blocks

const blockBase = {
  get when() {
    return ConditionSchema.optional();
  },
};

const TitleBlock = lazySchema(() =>
  z.object({ type: z.literal('title'), ...blockBase, ...Text.shape }).strict(),
);
/** Section heading inside a document (一、… / （一）…). */
const HeadingBlock = lazySchema(() =>
  z
    .object({
      type: z.literal('heading'),
      ...blockBase,
      level: z.union([z.literal(1), z.literal(2)]),
      ...Text.shape,
    })
    .strict(),
);
const AddresseeBlock = lazySchema(() =>
  z.object({ type: z.literal('addressee'), ...blockBase, ...Text.shape }).strict(),
);
const ParagraphBlock = lazySchema(() =>
  z
    .object({
      type: z.literal('paragraph'),
      ...blockBase,
      ...Text.shape,
      /** Indent the first line by two characters (公文 body text); off for list-like lines. */
      indent: z.boolean().default(true),
      align: z.enum(['left', 'right', 'center']).default('left'),
      /** Set in bold: the clauses a standard-form agreement must bring to the user's attention. */
      emphasis: z.boolean().default(false),
      /** Repeat this paragraph for each element (e.g. one line per service). */
      each: Each.optional(),
    })
    .strict(),
);

const Cell = lazySchema(() => z.union([z.string(), Text]));
export type TemplateCell = z.infer<typeof Cell>;

const KvRow = lazySchema(() =>
  z
    .object({
      label: Text,
      /** Value in Chinese (placeholders); the English gloss repeats it with English formats. */
      value: z.string(),
      /** English rendering of the value when it differs from the Chinese one (e.g. fixed Chinese words). */
      valueEn: z.string().optional(),
      when: ConditionSchema.optional(),
    })
    .strict(),
);

/** Two-column label/value table (a form), with an optional caption row that repeats on continued pages. */
const KvBlock = lazySchema(() =>
  z
    .object({
      type: z.literal('kv'),
      ...blockBase,
      caption: Text.optional(),
      rows: z.array(KvRow).min(1),
      /** Repeat the whole table per element (e.g. one per website), `$item` bound. */
      each: Each.optional(),
      /** Label column share of the width, 0.2–0.5. */
      labelWidth: z.number().min(0.15).max(0.5).default(0.3),
    })
    .strict(),
);

const Column = lazySchema(() => z.object({ ...Text.shape, width: z.number().positive() }).strict());

/** Table with header rows that repeat on every page it spans; rows static or one per array element. */
const TableBlock = lazySchema(() =>
  z
    .object({
      type: z.literal('table'),
      ...blockBase,
      caption: Text.optional(),
      columns: z.array(Column).min(1),
      /** Static rows (cells in Chinese or {zh, en}). */
      rows: z.array(z.array(Cell)).default([]),
      /** Rows generated per element, after the static rows. */
      each: Each.optional(),
      cells: z.array(Cell).optional(),
      /** Row shown when `each` yields nothing. */
      emptyRow: Text.optional(),
    })
    .strict(),
);

const ChecklistBlock = lazySchema(() =>
  z
    .object({
      type: z.literal('checklist'),
      ...blockBase,
      caption: Text.optional(),
      items: z.array(z.object({ ...Text.shape, checked: ConditionSchema }).strict()).min(1),
    })
    .strict(),
);

/**
 * Who signs on a signature line, so the signing note names the person: the legal representative, the
 * subject's person in charge, the persons an authorization letter appoints, or the access provider's
 * verifier (a line the applicant leaves blank).
 */
export const SIGNATURE_BY = ['legalRepresentative', 'principal', 'authorizedPersons', 'verifier'] as const;

/** A signature line, e.g. 法定代表人（签字）, and who signs it. */
const SignatureLine = lazySchema(() => z.object({ ...Text.shape, by: z.enum(SIGNATURE_BY) }).strict());

/** One signing party: who signs, whether a seal is expected, and how the date is shown. */
const Signer = lazySchema(() =>
  z
    .object({
      /** E.g. 单位（盖章） — the line the seal goes over. */
      party: Text,
      /** Name printed after the party line (the company name). */
      name: z.string().optional(),
      /** Signature lines, e.g. 法定代表人（签字）. */
      signatures: z.array(SignatureLine).default([]),
      seal: z.boolean().default(true),
      /** Who completes this party's part: the applicant, or the access provider at verification (left blank). */
      completedBy: z.enum(['applicant', 'accessProvider']).default('applicant'),
      /**
       * `case`: the case's one signing date (or 年 月 日 blank when it names none); `hand`: always left blank, for
       * a party other than the applicant (the access provider's verifier dates the day they verify).
       */
      dated: z.enum(['case', 'hand']).default('case'),
    })
    .strict(),
);

const SignatureBlock = lazySchema(() =>
  z.object({ type: z.literal('signature'), ...blockBase, signers: z.array(Signer).min(1) }).strict(),
);

const NotesBlock = lazySchema(() =>
  z
    .object({
      type: z.literal('notes'),
      ...blockBase,
      heading: Text.default({ zh: '说明', en: 'Notes' }),
      // An item may have a `when`: a note about an enclosure is printed only when the case encloses it.
      items: z.array(z.object({ ...Text.shape, when: ConditionSchema.optional() }).strict()).min(1),
    })
    .strict(),
);

/**
 * The enclosures of a letter (附件：1．… 2．…), numbered as they apply: each item may have a `when`, so the
 * list names exactly what this case encloses.
 */
const EnclosuresBlock = lazySchema(() =>
  z
    .object({
      type: z.literal('enclosures'),
      ...blockBase,
      heading: Text.default({ zh: '附件', en: 'Enclosures' }),
      items: z.array(z.object({ ...Text.shape, when: ConditionSchema.optional() }).strict()).min(1),
    })
    .strict(),
);

/**
 * The ownership chart: the subject's shareholders and, for company shareholders, their owners, traced to
 * natural persons, with each one's share of the subject (generated from `subject.shareholders`).
 */
const OwnershipBlock = lazySchema(() =>
  z.object({ type: z.literal('ownership'), ...blockBase, caption: Text }).strict(),
);

export const BlockSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    TitleBlock,
    HeadingBlock,
    AddresseeBlock,
    ParagraphBlock,
    KvBlock,
    TableBlock,
    ChecklistBlock,
    SignatureBlock,
    NotesBlock,
    EnclosuresBlock,
    OwnershipBlock,
  ]),
);
export type Block = z.infer<typeof BlockSchema>;

// ------------------------------------------------------------------ the template

/**
 * How a document that needs a signature or seal is signed and returned (core/documents/signing.ts). Its
 * presence makes the document one the user prints, signs, seals and attaches back as a scan; who signs and
 * seals where follows from its signature block.
 */
const Signing = lazySchema(() =>
  z
    .object({
      /** Ink for signatures and handwritten dates. */
      ink: z.enum(['black', 'blueOrBlack']),
      /**
       * A seal across the page edges (骑缝章) on a copy of several pages: `practice` when reviewers are reported
       * to look for it though no published rule asks for it (the note says so), `no` when not used.
       */
      sealAcrossPages: z.enum(['practice', 'no']),
      /** What signing this document adds to the general rules, e.g. a personal seal cannot replace the signature. */
      notes: z.array(z.object({ ...Text.shape, source: z.string().min(1) }).strict()).default([]),
      /** Where the signing and sealing requirements come from (the authority's or provider's own words). */
      source: z.string().min(1),
    })
    .strict(),
);
export type SigningSpec = z.infer<typeof Signing>;

/**
 * How a template prints a case value (its `prints` declaration; the pre-flight derives its findings from it,
 * core/documents/printed-values.ts):
 * - `required`: a fact the document states. Empty, it would print a blank (________), 无 or 尚未备案 in its
 *   place — an error on the field that feeds it.
 * - `chinese`: required, and written in Chinese. Latin stays allowed where Chinese text carries it: e-mail
 *   addresses, domains and URLs, numbers and codes, a product name or an abbreviation among Chinese words,
 *   an English gloss in brackets after the Chinese.
 * - `optional`: empty is itself a fact — 无 (shared with nobody) or 尚未备案 is what the document means to say.
 *   A blank (________) printed for it is still a gap.
 * - `handFill`: left blank on purpose, to be written by hand (a date, when the case names no signing date).
 * The object form spells a declaration out: `{ "as": "optional", "chinese": true }`, and names the pre-flight
 * rule that reports the gap where an empty field means more (`"finding": "licence.filingFirst"`).
 */
export const PRINT_MODES = ['required', 'chinese', 'optional', 'handFill'] as const;
export type PrintMode = (typeof PRINT_MODES)[number];

const PrintDeclaration = lazySchema(() =>
  z.union([
    z.enum(PRINT_MODES),
    z
      .object({
        as: z.enum(['required', 'optional']),
        /** Written in Chinese (as `chinese`, for an optional value). */
        chinese: z.boolean().optional(),
        /**
         * The pre-flight rule (a templates/rules/preflight-rules.json code) that reports this value missing,
         * where a gap means more than an empty field (a licence letter citing a filing not made yet).
         */
        finding: z.string().min(1).optional(),
      })
      .strict(),
  ]),
);
export type PrintDeclaration = z.infer<typeof PrintDeclaration>;

/** A `prints` declaration spelled out. */
export interface PrintRule {
  /** An empty value that prints a blank, 无 or 尚未备案 is a gap the pre-flight reports. */
  mode: 'required' | 'optional' | 'handFill';
  chinese: boolean;
  finding?: string;
}

export function printRule(declaration: PrintDeclaration): PrintRule {
  if (declaration === 'chinese') return { mode: 'required', chinese: true };
  if (typeof declaration === 'string') return { mode: declaration, chinese: false };
  return {
    mode: declaration.as,
    chinese: declaration.chinese ?? false,
    ...(declaration.finding ? { finding: declaration.finding } : {}),
  };
}

const Basis = lazySchema(() =>
  z
    .object({
      zh: z.string().min(1),
      en: z.string().min(1),
      /** Where the fact comes from: a domain file and section, a law article, a provider page. */
      source: z.string().min(1),
    })
    .strict(),
);

export const DocumentTemplateSchema = lazySchema(() =>
  z
    .object({
      type: z.literal(TEMPLATE_TYPE),
      formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      /** Bumped on every change of wording; recorded in the packet manifest. */
      version: z.number().int().min(1),
      title: Text,
      pathway: z.enum(['filing', 'licence', 'both']),
      /** Position in the packet (submission order within the pathway). */
      order: z.number().int().min(0),
      basis: z.array(Basis).min(1),
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      appliesWhen: ConditionSchema,
      /** Every case path the template reads, `[]` marking array elements (e.g. `services[].name`). */
      binds: z.array(z.string().min(1)).min(1),
      /** Present when the document is signed or sealed by hand: printed for signing, returned as a scan. */
      signing: Signing.optional(),
      /**
       * Every value the template prints, by its placeholder path in the binds notation (`licence.staff[].idNumber`;
       * `services[]` for `{{$item|serviceIdentity}}`; `$documentDate`, `$contact.mobile`), and how: see
       * {@link PRINT_MODES}. A test holds the keys to the placeholders the template has.
       */
      prints: z.record(z.string(), PrintDeclaration),
      blocks: z.array(BlockSchema).min(1),
    })
    .strict(),
);
export type DocumentTemplate = z.infer<typeof DocumentTemplateSchema>;

/** Label tables for `|label:<table>` placeholders (enumerations of the case model in Chinese and English). */
export const LabelTablesSchema = lazySchema(() =>
  z
    .object({
      type: z.literal('icp-packet/document-labels'),
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      tables: z.record(z.string(), z.record(z.string(), Text)),
    })
    .strict(),
);
export type LabelTables = z.infer<typeof LabelTablesSchema>;

/** Parses a template file's JSON, with a readable error naming the template and the first problems. */
export function parseTemplate(json: unknown, origin = 'template'): DocumentTemplate {
  const result = DocumentTemplateSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`${origin} is not a valid document template: ${problems}`);
  }
  return result.data;
}

// ------------------------------------------------------------------ placeholders and bound paths

export const PLACEHOLDER = /\{\{\s*([^}|\s]+)\s*(?:\|\s*([^}]+?)\s*)?\}\}/g;

/** Formats that read fields inside the value they are given (an object, or a list of objects). */
const FORMAT_READS: Record<string, string[]> = {
  idValidity: ['idValidFrom', 'idValidTo', 'idLongTerm'],
  licenceTerm: ['establishedOn', 'certificateValidTo', 'certificateLongTerm'],
  preApprovals: ['[].sector', '[].permitName', '[].approvalNumber'],
  platformFeatures: ['[].platform', '[].packageName', '[].publicKey', '[].signatureFingerprint'],
  sdks: ['[].provider', '[].purpose'],
  personName: ['name', 'nameLatin', 'idType'],
  // A leading '/' marks an absolute case path.
  coverage: ['/subject.province', '/answers.province', '/licence.provinces'],
  area: ['province', 'city', 'district'],
  serviceIdentity: ['kind', 'domains', 'appId', 'platforms[].packageName'],
  investor: ['investor', 'shareholders', 'shareholders[].name'],
  servicePrincipal: [
    'principal',
    'principal.name',
    'principal.nameLatin',
    'principal.idType',
    '/principal.name',
    '/principal.nameLatin',
    '/principal.idType',
  ],
  servicePrincipalId: ['principal', 'principal.idNumber', '/principal.idNumber'],
};

/** What the ownership chart reads. */
const OWNERSHIP_READS = [
  'subject.name',
  'subject.certificateNumber',
  'subject.shareholders',
  'subject.shareholders[].name',
  'subject.shareholders[].nameLatin',
  'subject.shareholders[].kind',
  'subject.shareholders[].certificateNumber',
  'subject.shareholders[].sharePct',
  'subject.shareholders[].owners',
  'subject.shareholders[].owners[].name',
  'subject.shareholders[].owners[].nameLatin',
  'subject.shareholders[].owners[].kind',
  'subject.shareholders[].owners[].certificateNumber',
  'subject.shareholders[].owners[].sharePct',
];

/** Case paths the computed placeholders ($documentDate, $contact.…) read. */
const COMPUTED_READS: Record<string, string[]> = {
  $signDate: ['plannedSubmissionOn'],
  $documentDate: ['plannedSubmissionOn'],
  $crossBorderRoute: [
    'personalDataScale.crossBorderPeople',
    'personalDataScale.crossBorderSensitivePeople',
    'personalDataScale.ciio',
    'personalDataScale.importantData',
  ],
  '$contact.name': [
    'contacts',
    'contacts[].role',
    'contacts[].name',
    'principal.name',
    'principal.nameLatin',
    'principal.idType',
  ],
  '$contact.role': ['contacts', 'contacts[].role', 'contacts[].name', 'principal.title'],
  '$contact.mobile': [
    'contacts',
    'contacts[].role',
    'contacts[].name',
    'contacts[].mobile',
    'principal.mobile',
  ],
  '$contact.email': ['contacts', 'contacts[].role', 'contacts[].name', 'contacts[].email', 'principal.email'],
};

/** Case paths a template actually reads, in the `binds` notation (`services[].name`). */
export function pathsUsedBy(template: DocumentTemplate): Set<string> {
  const used = new Set<string>();
  const addText = (text: string | undefined, eachPaths: string[]) => {
    if (!text) return;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const path = match[1] ?? '';
      addPath(path, eachPaths);
      const reads = FORMAT_READS[(match[2] ?? '').split(':')[0] ?? ''] ?? [];
      for (const field of reads) {
        if (field.startsWith('/')) used.add(field.slice(1));
        else addPath(field.startsWith('[]') ? `${path}${field}` : `${path}.${field}`, eachPaths);
      }
    }
  };
  const addPath = (path: string, eachPaths: string[]) => {
    // $index and $now read no case path; the computed values read the paths COMPUTED_READS names.
    if (path.startsWith('$') && !path.startsWith('$item.')) {
      for (const read of COMPUTED_READS[path] ?? []) used.add(read);
      return;
    }
    if (path.startsWith('$item.')) {
      const base = eachPaths.at(-1);
      if (base) used.add(`${base}[].${path.slice('$item.'.length)}`);
      return;
    }
    used.add(path);
  };
  const addCondition = (condition: Condition | undefined, eachPaths: string[]) => {
    if (!condition) return;
    if ('all' in condition) condition.all.forEach((c) => addCondition(c, eachPaths));
    else if ('any' in condition) condition.any.forEach((c) => addCondition(c, eachPaths));
    else if ('not' in condition) addCondition(condition.not, eachPaths);
    else if ('case' in condition) used.add(condition.case);
    else if ('item' in condition) addPath(`$item.${condition.item}`, eachPaths);
    else if ('some' in condition) {
      used.add(condition.some);
      addCondition(condition.where, [...eachPaths, condition.some]);
    } else if ('attached' in condition) {
      used.add('attachments');
      used.add('attachments[].checklistItemId');
    }
    // A `document` condition reads what the named template's `appliesWhen` reads: that template binds it.
  };
  const addEach = (each: { path: string; where?: Condition } | undefined, eachPaths: string[]) => {
    if (!each) return eachPaths;
    used.add(each.path);
    const inner = [...eachPaths, each.path];
    addCondition(each.where, inner);
    return inner;
  };
  /** Both languages of a text: a block's, a caption's, an item's. */
  const addBoth = (text: { zh?: string; en?: string } | undefined, eachPaths: string[]) => {
    addText(text?.zh, eachPaths);
    addText(text?.en, eachPaths);
  };
  const addCell = (cell: TemplateCell, eachPaths: string[]) => {
    if (typeof cell === 'string') addText(cell, eachPaths);
    else addBoth(cell, eachPaths);
  };

  addCondition(template.appliesWhen, []);
  for (const block of template.blocks) {
    addCondition(block.when, []);
    switch (block.type) {
      case 'title':
      case 'heading':
      case 'addressee':
        addBoth(block, []);
        break;
      case 'paragraph': {
        const scope = addEach(block.each, []);
        addBoth(block, scope);
        break;
      }
      case 'kv': {
        const scope = addEach(block.each, []);
        addBoth(block.caption, scope);
        for (const row of block.rows) {
          addCondition(row.when, scope);
          addText(row.value, scope);
          addText(row.valueEn, scope);
        }
        break;
      }
      case 'table': {
        for (const row of block.rows) row.forEach((c) => addCell(c, []));
        const scope = addEach(block.each, []);
        for (const cell of block.cells ?? []) addCell(cell, scope);
        break;
      }
      case 'checklist':
        for (const item of block.items) {
          addBoth(item, []);
          addCondition(item.checked, []);
        }
        break;
      case 'signature':
        for (const signer of block.signers) addText(signer.name, []);
        // The date of every signature block is the case's one signing date (resolve.ts signingDate).
        used.add('plannedSubmissionOn');
        break;
      case 'ownership':
        for (const path of OWNERSHIP_READS) used.add(path);
        break;
      case 'enclosures':
        for (const item of block.items) {
          addBoth(item, []);
          addCondition(item.when, []);
        }
        break;
      case 'notes':
        for (const item of block.items) {
          addBoth(item, []);
          addCondition(item.when, []);
        }
        break;
    }
  }
  return used;
}

/** What the ownership chart prints, as `prints` keys (resolve.ts ownershipTable). */
const OWNERSHIP_PRINTS = [
  'subject.shareholders[].name',
  'subject.shareholders[].certificateNumber',
  'subject.shareholders[].sharePct',
  'subject.shareholders[].owners[].name',
  'subject.shareholders[].owners[].certificateNumber',
  'subject.shareholders[].owners[].sharePct',
];

/**
 * The keys the template's `prints` must declare: every placeholder of its Chinese text ($now and $index
 * excepted: they always print), in the binds notation, and the values of an ownership chart.
 */
export function printedKeysOf(template: DocumentTemplate): Set<string> {
  const keys = new Set<string>();
  const add = (text: string | undefined, scope: string | undefined) => {
    for (const match of (text ?? '').matchAll(PLACEHOLDER)) {
      const path = match[1] ?? '';
      if (path === '$now' || path === '$index') continue;
      if (path === '$item') keys.add(`${scope ?? ''}[]`);
      else if (path.startsWith('$item.')) keys.add(`${scope ?? ''}[].${path.slice('$item.'.length)}`);
      else keys.add(path);
    }
  };
  const cell = (c: TemplateCell, scope: string | undefined) => add(typeof c === 'string' ? c : c.zh, scope);
  for (const block of template.blocks) {
    switch (block.type) {
      case 'title':
      case 'heading':
      case 'addressee':
        add(block.zh, undefined);
        break;
      case 'paragraph':
        add(block.zh, block.each?.path);
        break;
      case 'kv':
        add(block.caption?.zh, block.each?.path);
        for (const row of block.rows) {
          add(row.label.zh, block.each?.path);
          add(row.value, block.each?.path);
        }
        break;
      case 'table':
        add(block.caption?.zh, undefined);
        block.columns.forEach((c) => add(c.zh, undefined));
        block.rows.forEach((row) => row.forEach((c) => cell(c, undefined)));
        (block.cells ?? []).forEach((c) => cell(c, block.each?.path));
        add(block.emptyRow?.zh, undefined);
        break;
      case 'checklist':
        add(block.caption?.zh, undefined);
        block.items.forEach((item) => add(item.zh, undefined));
        break;
      case 'signature':
        for (const signer of block.signers) {
          add(signer.party.zh, undefined);
          add(signer.name, undefined);
          signer.signatures.forEach((sig) => add(sig.zh, undefined));
        }
        break;
      case 'notes':
      case 'enclosures':
        add(block.heading.zh, undefined);
        block.items.forEach((item) => add(item.zh, undefined));
        break;
      case 'ownership':
        add(block.caption.zh, undefined);
        OWNERSHIP_PRINTS.forEach((key) => keys.add(key));
        break;
    }
  }
  return keys;
}
