/**
 * The sign-and-return loop's decisions in core: which documents are signed by hand (template data), the
 * content version (changes when and only when the printed Chinese changes), the QR payload, the note on
 * who signs where, the judgement of a returned scan and what a checklist line and the pre-flight make of
 * the files on it.
 */
import { describe, expect, it } from 'vitest';
import type { AttachmentMeta, Case, SignedCopy } from '../../../core/model/case';
import { CaseSchema } from '../../../core/model/case';
import { setAt } from '../../../core/model/access';
import { resolveDocument, templateApplies } from '../../../core/documents/resolve';
import { documentLabels, documentTemplates } from '../../../core/documents/templates';
import {
  caseMarkTag,
  contentVersion,
  contentVersionsOfVariants,
  markText,
  parseMark,
  printedFields,
  shortHash,
  signedDocumentsOf,
  signedTemplate,
  signedTemplates,
  signingDuties,
  signingNote,
  type SigningMark,
} from '../../../core/documents/signing';
import { judgeSignedScan } from '../../../core/documents/signed-scan';
import { linkPrincipal } from '../../../core/model/principal';
import { buildChecklist } from '../../../core/rules/checklist';
import { CHECKLIST } from '../../../core/rules/data';
import { decidePathway } from '../../../core/rules/decide';
import { documentDecisionOf } from '../../../core/rules/licence-categories';
import { checkCase } from '../../../core/rules/preflight';
import { filingCase, licenceCase, renamedCase } from '../../fixtures/documents/cases';
import { layoutSigningNote } from '../../../core/documents/signing-print';
import { metricsFor } from '../../../core/documents/font';
import { bundledFonts } from './pdf-reader';

const cases = { sample: filingCase(), licence: licenceCase(), renamed: renamedCase() };

const decisionOf = (c: Case) => documentDecisionOf(c, decidePathway(c.answers));
const versionOf = (c: Case, id: string) => contentVersion(signedTemplate(id)!, c, decisionOf(c));

/** The Chinese a document prints (what a reviewer reads), for comparing versions with. */
function printedChinese(c: Case, id: string): string {
  const resolved = resolveDocument(signedTemplate(id)!, {
    caseData: linkPrincipal(c),
    decision: decisionOf(c),
    labels: documentLabels(),
    today: '',
  });
  return JSON.stringify(resolved, (key, value: unknown) =>
    key === 'en' || key === 'templateVersion' ? undefined : value,
  );
}

function attachment(id: string, checklistItemId: string, signedCopy?: SignedCopy): AttachmentMeta {
  return {
    id: id.padEnd(64, '0'),
    checklistItemId,
    originalName: `${id}.jpg`,
    mediaType: 'image/jpeg',
    bytes: 1000,
    widthPx: 1654,
    heightPx: 2339,
    addedAt: '2026-12-01T00:00:00.000Z',
    validFrom: '',
    validTo: '',
    ...(signedCopy ? { signedCopy } : {}),
  };
}

/** A checked signed copy of the document as the case prints it now. */
function copyOf(c: Case, id: string, pages: number[], pageCount = pages.length): SignedCopy {
  return {
    templateId: id,
    contentVersion: versionOf(c, id),
    pages,
    pageCount,
    fields: printedFields(signedTemplate(id)!, c),
  };
}

describe('documents signed by hand (template data)', () => {
  it('are exactly the templates whose signature block the applicant signs or seals', () => {
    const bySignatureBlock = documentTemplates()
      .filter((t) =>
        t.blocks.some(
          (b) =>
            b.type === 'signature' &&
            b.signers.some((s) => s.completedBy === 'applicant' && (s.seal || s.signatures.length > 0)),
        ),
      )
      .map((t) => t.id)
      .sort();
    expect(
      signedTemplates()
        .map((t) => t.id)
        .sort(),
    ).toEqual(bySignatureBlock);
    expect(bySignatureBlock).toEqual([
      'authorization-letter',
      'business-plan',
      'company-overview',
      'filing-commitment',
      'key-staff',
      'lawful-operation-commitment',
      'licence-application-letter',
      'pre-approval-statement',
      'rename-letter',
      'security-measures',
      'verification-form',
    ]);
  });

  it('each has one checklist line, and the line is listed exactly while its document is in the packet', () => {
    for (const template of signedTemplates())
      expect(
        CHECKLIST.items.filter((e) => e.document === template.id),
        template.id,
      ).toHaveLength(1);
    for (const entry of CHECKLIST.items.filter((e) => e.document))
      expect(signedTemplate(entry.document!), entry.id).toBeDefined();
    const expected = {
      sample: ['filing-commitment', 'authorization-letter', 'pre-approval-statement'],
      // Already filed (主体备案号): the licence application carries no filing document.
      licence: [
        'licence-application-letter',
        'company-overview',
        'business-plan',
        'security-measures',
        'lawful-operation-commitment',
        'key-staff',
      ],
      renamed: [
        'verification-form',
        'filing-commitment',
        'authorization-letter',
        'pre-approval-statement',
        'rename-letter',
      ],
    };
    for (const [name, c] of Object.entries(cases)) {
      const lines = buildChecklist(c, decidePathway(c.answers), { today: '2026-11-25' }).flatMap((i) =>
        i.signing ? [i.signing.templateId] : [],
      );
      const applicable = signedDocumentsOf(c, decisionOf(c)).map((t) => t.id);
      expect(lines.sort(), name).toEqual([...applicable].sort());
      expect(applicable.sort(), name).toEqual(expected[name as keyof typeof expected].sort());
    }
  });

  it('print no $now: a signed copy does not go out of date by the calendar alone', () => {
    for (const template of signedTemplates()) expect(JSON.stringify(template.blocks)).not.toContain('$now');
  });
});

describe('content version', () => {
  it('changes when a value the document prints changes', () => {
    const c = cases.sample;
    const before = versionOf(c, 'authorization-letter');
    const renamedPrincipal = setAt(c, 'services.0.principal.name', '王莉');
    expect(versionOf(renamedPrincipal, 'authorization-letter')).not.toBe(before);
    expect(versionOf(setAt(c, 'plannedSubmissionOn', '2026-12-20'), 'authorization-letter')).not.toBe(before);
    expect(versionOf(setAt(c, 'subject.name', '上海澜岸商贸有限公司'), 'filing-commitment')).not.toBe(
      versionOf(c, 'filing-commitment'),
    );
  });

  it('follows a case changed in place (a version worked out before is not served again)', () => {
    const c = structuredClone(cases.sample);
    const before = versionOf(c, 'authorization-letter');
    c.plannedSubmissionOn = '2026-12-20';
    expect(versionOf(c, 'authorization-letter')).not.toBe(before);
  });

  it('stays when only the English gloss, the review copy or unprinted data changes', () => {
    const c = cases.sample;
    for (const id of ['authorization-letter', 'filing-commitment', 'pre-approval-statement']) {
      const before = versionOf(c, id);
      // The company's English name is printed only in the English gloss of the review copy.
      expect(versionOf(setAt(c, 'subject.nameLatin', 'Lanan Trading (Shanghai) Co., Ltd.'), id), id).toBe(
        before,
      );
      expect(versionOf(setAt(c, 'englishMeanings', { 'services.0.remarks': 'x' }), id), id).toBe(before);
      expect(versionOf(setAt(c, 'principal.email', 'someone.else@example.cn'), id), id).toBe(before);
      expect(versionOf({ ...c, acknowledged: ['x@y'], journal: [] }, id), id).toBe(before);
    }
  });

  it('follows the printed Chinese exactly, field by field (every text field of the sample)', () => {
    const c = cases.sample;
    const paths: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string' && path) paths.push(path);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(
      {
        subject: c.subject,
        principal: c.principal,
        legalRepresentative: c.legalRepresentative,
        services: c.services,
      },
      '',
    );
    expect(paths.length).toBeGreaterThan(40);
    for (const id of ['authorization-letter', 'filing-commitment']) {
      const version = versionOf(c, id);
      const text = printedChinese(c, id);
      for (const path of paths) {
        const changed = setAt(c, path, 'ZZ变更');
        const parsed = CaseSchema.safeParse(changed);
        if (!parsed.success) continue;
        const printedChanged = printedChinese(parsed.data, id) !== text;
        expect(versionOf(parsed.data, id) !== version, `${id} ${path}`).toBe(printedChanged);
      }
    }
  });
});

describe('the mark', () => {
  const mark: SigningMark = {
    templateId: 'filing-commitment',
    caseTag: caseMarkTag(cases.sample),
    version: versionOf(cases.sample, 'filing-commitment'),
    page: 2,
    pageCount: 2,
  };

  it('reads back what was printed, in QR alphanumeric characters only', () => {
    const text = markText(mark);
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    expect(parseMark(text)).toEqual(mark);
  });

  it('ignores any other QR code and malformed marks', () => {
    for (const text of [
      'https://www.gsxt.gov.cn/abc',
      'ICPPS1:FILING-COMMITMENT:1234:ABCDEF0123:1/2',
      `${markText(mark).replace('2/2', '3/2')}`,
      markText(mark).toLowerCase(),
    ])
      expect(parseMark(text), text).toBeUndefined();
  });

  it('tells cases apart, and keeps the tag of a case moved to another machine', () => {
    const other = { ...cases.sample, id: '00000000-0000-4000-8000-000000000001' };
    expect(caseMarkTag(other)).not.toBe(caseMarkTag(cases.sample));
    expect(caseMarkTag({ ...other, markId: cases.sample.id })).toBe(caseMarkTag(cases.sample));
  });
});

describe('the signing note', () => {
  const template = signedTemplate('authorization-letter')!;
  const options = {
    version: 'ABCDE12345',
    pageCount: 1,
    placements: [
      { signer: 0, line: -1, page: 1 },
      { signer: 0, line: 0, page: 1 },
      { signer: 0, line: 1, page: 1 },
    ],
    lineName: { en: 'Authorization letter from the legal representative', zh: '法定代表人授权书' },
  };

  it('names who signs each line, the seal and the date to write by hand, in English and Chinese', () => {
    const en = signingNote(template, cases.sample, { ...options, lang: 'en' });
    const text = en.steps.join('\n');
    expect(text).toContain(
      '“法定代表人（签字）” (Legal representative (signature)): MUELLER ANNA signs by hand',
    );
    expect(text).toContain('“被授权人（签字）” (Authorized person (signature)): 王丽 (Wang Li) signs');
    expect(text).toContain('company seal (公章) of 上海澜岸贸易有限公司');
    expect(text).toContain('Write the date of signing by hand');
    expect(text).not.toContain('骑缝章'); // one page
    expect(text).toContain('Authorization letter from the legal representative');
    const zh = signingNote(template, cases.sample, { ...options, lang: 'zh' });
    expect(zh.steps.join('\n')).toContain('由MUELLER ANNA（安娜·穆勒）本人在方框内手写签名');
  });

  it('asks for the seal across pages on a copy of several pages, and leaves the provider its part', () => {
    const commitment = signingNote(signedTemplate('filing-commitment')!, cases.sample, {
      ...options,
      pageCount: 2,
      lang: 'en',
    });
    expect(commitment.steps.join('\n')).toContain('骑缝章');
    expect(commitment.steps.join('\n')).toContain('regular script (正楷)');
    const form = signingDuties(signedTemplate('verification-form')!, cases.renamed, 'en');
    expect(form.map((d) => d.kind)).toEqual(['signature', 'seal', 'provider']);
  });

  it('the English note is English to the punctuation: "What to do:" and "1.", the Chinese one 签署步骤：and 1．', () => {
    const metrics = { regular: metricsFor(bundledFonts().regular) };
    const printed = (lang: 'en' | 'zh') =>
      layoutSigningNote(template, cases.sample, { ...options, lang }, metrics)
        .ops.filter((op) => op.kind === 'text')
        .map((op) => (op.kind === 'text' ? op.text : ''));
    const en = printed('en');
    expect(en).toContain('What to do:');
    expect(en).toContain('1.');
    expect(en.filter((t) => /^\d+．$/.test(t) || t.endsWith('：'))).toEqual([]);
    const zh = printed('zh');
    expect(zh).toContain('签署步骤：');
    expect(zh).toContain('1．');
  });

  it('prints the planned date instead of asking for it by hand', () => {
    const dated = signingNote(
      template,
      { ...cases.sample, plannedSubmissionOn: '2026-12-20' },
      {
        ...options,
        lang: 'en',
      },
    );
    expect(dated.steps.join('\n')).toContain('The date 2026年12月20日 is printed');
  });
});

describe('judging a returned scan', () => {
  const c = cases.sample;
  const expected = {
    templateId: 'filing-commitment',
    caseTag: caseMarkTag(c),
    version: versionOf(c, 'filing-commitment'),
    fields: printedFields(signedTemplate('filing-commitment')!, c),
  };
  const page = (n: number, over: Partial<SigningMark> = {}): SigningMark => ({
    templateId: expected.templateId,
    caseTag: expected.caseTag,
    version: expected.version,
    page: n,
    pageCount: 2,
    ...over,
  });
  const judge = (pages: SigningMark[][], kind: 'image' | 'pdf' = 'pdf', attached: SignedCopy[] = []) =>
    judgeSignedScan({ expected, pages, kind, attached, prints: c.signingPrints });

  it('accepts its pages, and records which ones', () => {
    expect(judge([[page(1)], [page(2)]])).toMatchObject({
      ok: true,
      signedCopy: { pages: [1, 2], pageCount: 2 },
    });
    expect(judge([[page(2)]], 'image')).toMatchObject({ ok: true, signedCopy: { pages: [2] } });
  });

  it('refuses no mark, the instruction sheet, another case, another document, a page without a mark', () => {
    expect(judge([[], []])).toEqual({ ok: false, refusal: { reason: 'noMark' } });
    expect(judge([[page(0)], [page(1)]])).toEqual({ ok: false, refusal: { reason: 'instructionSheet' } });
    expect(judge([[page(1, { caseTag: 'AAAAAAAAAA' })]])).toEqual({
      ok: false,
      refusal: { reason: 'otherCase' },
    });
    expect(judge([[page(1, { templateId: 'authorization-letter' })]])).toEqual({
      ok: false,
      refusal: { reason: 'otherDocument', found: 'authorization-letter' },
    });
    expect(judge([[page(1)], []])).toEqual({ ok: false, refusal: { reason: 'unmarkedPage', page: 2 } });
  });

  it('refuses an older version, naming what changed since it was printed', () => {
    const before = CaseSchema.parse({ ...c, subject: { ...c.subject, name: '上海澜岸商贸有限公司' } });
    const oldVersion = versionOf(before, 'filing-commitment');
    const prints = [
      {
        templateId: 'filing-commitment',
        contentVersion: oldVersion,
        printedAt: '2026-11-20T08:00:00.000Z',
        fields: printedFields(signedTemplate('filing-commitment')!, before),
      },
    ];
    const judgement = judgeSignedScan({
      expected,
      pages: [[page(1, { version: oldVersion })]],
      kind: 'image',
      attached: [],
      prints,
    });
    expect(judgement).toEqual({
      ok: false,
      refusal: {
        reason: 'otherVersion',
        found: oldVersion,
        changed: ['subject.name'],
        printedAt: '2026-11-20T08:00:00.000Z',
      },
    });
  });

  it('refuses a page twice, a page already attached, two pages in one photo', () => {
    expect(judge([[page(1)], [page(1)]])).toEqual({
      ok: false,
      refusal: { reason: 'pageRepeated', page: 1 },
    });
    expect(judge([[page(2)]], 'image', [copyOf(c, 'filing-commitment', [2], 2)])).toEqual({
      ok: false,
      refusal: { reason: 'pageRepeated', page: 2 },
    });
    expect(judge([[page(1), page(2)]], 'image')).toEqual({
      ok: false,
      refusal: { reason: 'severalPagesInImage' },
    });
  });
});

describe('the checklist line and the pre-flight of a signed document', () => {
  const today = { today: '2026-11-25' };
  /** The renamed company's website has its own person in charge: the authorization letter applies. */
  const base = cases.renamed;
  const lineOf = (c: Case) =>
    buildChecklist(c, decidePathway(c.answers), today).find((i) => i.entryId === 'authorization-letter');
  const codes = (c: Case) =>
    checkCase(c, today)
      .filter((i) => i.path === 'attachments:authorization-letter')
      .map((i) => i.code);

  it('asks to print, sign and attach as soon as the data makes the letter printable', () => {
    const line = lineOf(base);
    expect(line).toMatchObject({
      status: 'missing',
      signing: { templateId: 'authorization-letter', state: 'none' },
    });
    expect(codes(base)).toEqual(['people.authorizationLetterMissing']);
    // Everyone in charge is the legal representative: no letter, no line, nothing demanded.
    const own = CaseSchema.parse({
      ...base,
      services: base.services.map((s) => ({ ...s, principal: null })),
    });
    expect(lineOf(own)).toBeUndefined();
  });

  it('is satisfied only by a checked signed copy of the current version, every page', () => {
    // Any file — a domain screenshot — is not a signed copy.
    const screenshot = { ...base, attachments: [attachment('aa', 'authorization-letter')] };
    expect(lineOf(screenshot)).toMatchObject({ status: 'invalid', signing: { state: 'unchecked' } });
    expect(codes(screenshot)).toEqual(['document.invalid']);

    const signed = {
      ...base,
      attachments: [attachment('bb', 'authorization-letter', copyOf(base, 'authorization-letter', [1], 1))],
    };
    expect(lineOf(signed)).toMatchObject({ status: 'provided', signing: { state: 'complete' } });
    expect(codes(signed)).toEqual([]);

    const half = {
      ...base,
      attachments: [attachment('cc', 'authorization-letter', copyOf(base, 'authorization-letter', [1], 2))],
    };
    expect(lineOf(half)).toMatchObject({
      status: 'missing',
      signing: { state: 'incomplete', missingPages: [2] },
    });
    expect(codes(half)).toEqual(['signing.pagesMissing']);
  });

  it('goes out of date when the case changes what the letter prints, naming the change', () => {
    const signed = {
      ...base,
      attachments: [attachment('bb', 'authorization-letter', copyOf(base, 'authorization-letter', [1], 1))],
    };
    const moved = setAt(signed, 'services.0.principal.title', '技术总监');
    const line = lineOf(moved);
    expect(line).toMatchObject({
      status: 'stale',
      signing: { state: 'stale', changed: ['services.0.principal.title'] },
    });
    const issue = checkCase(moved, today).find((i) => i.code === 'signing.stale');
    expect(issue?.severity).toBe('error');
    expect(issue?.message.en).toMatch(/older version.*\(.+\)\.$/);
    expect(issue?.path).toBe('attachments:authorization-letter');
    // An edit the letter does not print leaves the signed copy current.
    expect(lineOf(setAt(signed, 'services.0.principal.email', 'x@qinghe-digital.cn'))?.status).toBe(
      'provided',
    );
  });

  it('warns, not refuses, for a recommended document not signed: the packet leaves it out', () => {
    const statement = checkCase(base, today).find((i) => i.path === 'attachments:no-preapproval-statement');
    expect(statement).toMatchObject({ code: 'signing.notSigned', severity: 'warning' });
  });
});

describe('shortHash (the fingerprint printed in every mark)', () => {
  // FNV-1a 64-bit, the published test vectors: marks printed on paper before any change must still check.
  it.each([
    ['', 'CBF29CE484222325'],
    ['a', 'AF63DC4C8601EC8C'],
    ['foobar', '85944171F73967E8'],
  ])('hashes %j as FNV-1a 64 does', (text, full) => {
    expect(shortHash(text, 16)).toBe(full);
    expect(shortHash(text)).toBe(full.slice(0, 10));
  });

  it('hashes Chinese and long text like FNV-1a 64 over the UTF-8 bytes', () => {
    const reference = (text: string): string => {
      let hash = 0xcbf29ce484222325n;
      for (const byte of new TextEncoder().encode(text)) {
        hash ^= BigInt(byte);
        hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return hash.toString(16).padStart(16, '0').toUpperCase();
    };
    for (const text of ['北京示例科技有限公司', '申请人：张三 😀', 'x'.repeat(5000) + '号'.repeat(700)])
      expect(shortHash(text, 16)).toBe(reference(text));
  });
});

describe('contentVersionsOfVariants', () => {
  it('gives each variant of the case without one of its files the version contentVersion gives it', () => {
    const base = cases.licence;
    // One audit report (the application letter lists it only when one is attached) and two staff files.
    const c: Case = {
      ...base,
      attachments: [
        attachment('a1', 'audit-report'),
        attachment('k1', 'key-staff-documents'),
        attachment('k2', 'key-staff-documents'),
      ],
    };
    const decision = decisionOf(c);
    const versionOf = contentVersionsOfVariants(decision);
    const variants = c.attachments.map((left) => ({
      ...c,
      attachments: c.attachments.filter((a) => a !== left),
    }));
    const letter = signedTemplate('licence-application-letter')!;
    // The letter prints differently without its only audit report: the variants do not all share a version.
    expect(new Set(variants.map((v) => contentVersion(letter, v, decision))).size).toBe(2);
    for (const template of signedTemplates().filter((t) => templateApplies(t, c, decision)))
      for (const variant of variants)
        expect(versionOf(template, variant)).toBe(contentVersion(template, variant, decision));
  });
});
