/**
 * Issue 21, "ready to export" means a reviewer accepts the packet: the pre-flight knows every value each
 * document prints. Four cases — the sample, a B25 licence case saved by schema 1 and migrated, a nationwide
 * B21 + B25 case and a renamed company — as the review found them and with the gaps filled. Every document of
 * each packet is rendered and read back with pdf.js: a blank (________), 「无」 or 「尚未…」 printed where a fact
 * belongs is counted in the PDF text and must be one the pre-flight reports on the field that feeds it; once
 * the gaps are filled none is left.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import { BLANK, NONE_ZH, NOT_YET_FILED_ZH, type PrintedValue } from '../../../core/documents/resolve';
import { printRule } from '../../../core/documents/template-schema';
import { resolvePacket } from '../../../core/documents/printed-values';
import { documentTemplate } from '../../../core/documents/templates';
import type { Case } from '../../../core/model/case';
import { packetDocuments, planPacket } from '../../../core/packet/gate';
import { buildChecklist } from '../../../core/rules/checklist';
import { decidePathway } from '../../../core/rules/decide';
import { checkCase, type PreflightIssue } from '../../../core/rules/preflight';
import {
  DOCUMENT_NOW,
  filingCase,
  migratedLicenceCase,
  migratedLicenceCaseFilled,
  nationwideCase,
  nationwideCaseWithGaps,
  renamedCaseWithoutFormerFiling,
} from '../../fixtures/documents/cases';
import { bundledFonts, compact, extractText } from './pdf-reader';

const TODAY = '2026-11-25';

/** Each case as the review found it, and with its gaps filled. */
const CASES: Record<string, { gaps: () => Case; filled: () => Case }> = {
  sample: { gaps: filingCase, filled: filingCase },
  'B25 licence (schema 1, migrated)': { gaps: migratedLicenceCase, filled: migratedLicenceCaseFilled },
  'nationwide B21 + B25': { gaps: nationwideCaseWithGaps, filled: nationwideCase },
  'renamed company': {
    gaps: () => renamedCaseWithoutFormerFiling(null),
    filled: () => renamedCaseWithoutFormerFiling(false),
  },
};

interface RenderedDocument {
  id: string;
  /** Text items of the submission copy as pdf.js reads them. */
  items: string[];
  /** What the document's Chinese text printed, value by value (the resolver's record). */
  printed: PrintedValue[];
  prints: ReturnType<typeof printRule>[];
}

interface RenderedCase {
  issues: PreflightIssue[];
  documents: RenderedDocument[];
}

const rendered = new Map<string, RenderedCase>();

async function renderCase(c: Case): Promise<RenderedCase> {
  const plan = planPacket(c, decidePathway(c.answers));
  const packet = resolvePacket(c, plan.documents, { today: TODAY });
  const documents: RenderedDocument[] = [];
  for (const doc of packetDocuments(c, plan.documents)) {
    const bytes = await renderDocument(doc.templateId, c, {
      variant: 'submission',
      fonts: bundledFonts(),
      now: DOCUMENT_NOW,
      decision: plan.documents,
    });
    const resolved = packet.find((p) => p.template.id === doc.templateId);
    if (!resolved) throw new Error(`${doc.templateId} is in the packet but was not resolved`);
    const printed = resolved.printed;
    documents.push({
      id: doc.templateId,
      items: (await extractText(bytes)).items.map((i) => i.text.trim()),
      printed,
      prints: printed.map((v) => printRule(resolved.template.prints[v.key] ?? 'required')),
    });
  }
  return { issues: checkCase(c, { today: TODAY }), documents };
}

beforeAll(async () => {
  for (const [name, { gaps, filled }] of Object.entries(CASES)) {
    rendered.set(`${name} gaps`, await renderCase(gaps()));
    if (filled !== gaps) rendered.set(`${name} filled`, await renderCase(filled()));
  }
}, 300_000);

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;
/** pdf.js items that are 「无」 in a cell of their own, or a label's 「：无」. */
const noneItems = (items: string[]) =>
  items.filter((t) => t === NONE_ZH || t.endsWith(`：${NONE_ZH}`)).length;

describe('the pre-flight names each gap the walk and the review found', () => {
  const issuesOf = (c: Case) => checkCase(c, { today: TODAY });
  const find = (c: Case, code: string, path: string) =>
    issuesOf(c).find((i) => i.code === code && i.path === path);

  it.each([
    [
      '________ for a staff ID number',
      migratedLicenceCase,
      'document.valueMissing',
      'licence.staff.1.idNumber',
    ],
    [
      '________ for a shareholder ID number',
      migratedLicenceCase,
      'document.valueMissing',
      'subject.shareholders.0.certificateNumber',
    ],
    ['个人信息保护联系人：无', migratedLicenceCase, 'document.valueMissing', 'subject.privacyContactName'],
    [
      '敏感类别 无 against a sensitive item',
      migratedLicenceCase,
      'privacy.sensitiveMismatch',
      'personalData.2.sensitiveCategories',
    ],
    ['ICP备案号尚未备案', migratedLicenceCase, 'licence.filingFirst', 'services.0.filingNumber'],
    ['the 邮政编码 of the letter', migratedLicenceCase, 'document.valueMissing', 'subject.postalCode'],
    [
      'capital 1000万元 vs contributions 200万元',
      nationwideCaseWithGaps,
      'subject.capitalMismatch',
      'subject.registeredCapitalCny',
    ],
    [
      'B21 with no B21 business',
      nationwideCaseWithGaps,
      'licence.categoryWithoutBusiness',
      'answers.licenceCategory',
    ],
    [
      'two legal representatives',
      nationwideCaseWithGaps,
      'people.twoLegalRepresentatives',
      'services.1.principal.isLegalRepresentative',
    ],
    [
      'English inventory text in the Chinese policy',
      nationwideCaseWithGaps,
      'document.notChinese',
      'personalData.0.item',
    ],
    [
      'a former name nobody said was filed under',
      () => renamedCaseWithoutFormerFiling(null),
      'rename.filedUnderUnknown',
      'subject.formerNames.0.filedUnder',
    ],
    [
      'a rename letter without the filing number it moves',
      () => renamedCaseWithoutFormerFiling(true),
      'rename.filingNumberMissing',
      'subject.filingNumber',
    ],
  ] as const)('%s', (_gap, make, code, path) => {
    const issue = find(make(), code, path);
    expect(issue, `${code}@${path}`).toBeDefined();
    expect(issue?.severity).toBe('error');
    expect(issue?.message['zh-CN']).toMatch(/\p{Script=Han}/u);
    expect(issue?.message.en).not.toMatch(/[{}]/);
  });

  it('a contradiction names both places', () => {
    const c = nationwideCaseWithGaps();
    expect(
      find(c, 'subject.capitalMismatch', 'subject.registeredCapitalCny')?.related?.map((r) => r.path),
    ).toEqual(['subject.shareholders.0.contributionCny', 'subject.shareholders.1.contributionCny']);
    expect(find(c, 'licence.categoryWithoutBusiness', 'answers.licenceCategory')?.related?.[0]).toMatchObject(
      {
        path: 'answers.activities',
        step: 'pathway',
      },
    );
    expect(
      find(c, 'people.twoLegalRepresentatives', 'services.1.principal.isLegalRepresentative')?.related?.[0]
        ?.path,
    ).toBe('principal.name');
  });

  it('no rename letter, and none demanded, for a company with no filing under its former name', () => {
    for (const filedUnder of [null, false]) {
      const c = renamedCaseWithoutFormerFiling(filedUnder);
      const plan = planPacket(c, decidePathway(c.answers));
      expect(packetDocuments(c, plan.documents).map((d) => d.templateId)).not.toContain('rename-letter');
      const checklist = buildChecklist(c, decidePathway(c.answers), { today: TODAY });
      expect(checklist.map((i) => i.entryId)).not.toContain('rename-letter');
    }
  });

  it('the letter encloses what the packet holds: a recommended item only once it is attached', () => {
    const letter = (c: Case) =>
      compact(
        resolvePacket(c, planPacket(c, decidePathway(c.answers)).documents, { today: TODAY })
          .find((d) => d.template.id === 'licence-application-letter')!
          .document.blocks.flatMap((b) => (b.kind === 'enclosures' ? b.items.map((i) => i.zh) : []))
          .join('|'),
      );
    const c = nationwideCase();
    for (const promised of ['域名证书', '接入协议', 'ICP备案信息截图', '办公场所证明', '审计报告'])
      expect(letter(c)).not.toContain(promised);
    expect(letter(c)).toContain('营业执照（彩色扫描件）');
    c.attachments = [
      {
        id: 'd'.repeat(64),
        checklistItemId: 'domain-certificate@svc-web-1',
        originalName: 'domain.jpg',
        mediaType: 'image/jpeg',
        bytes: 1000,
        addedAt: DOCUMENT_NOW.toISOString(),
        validFrom: '',
        validTo: '',
      },
    ];
    expect(letter(c)).toContain('域名证书');
    expect(letter(c)).not.toContain('办公场所证明');
  });
});

describe('every document of every case, read back with pdf.js', () => {
  const states = () => [...rendered.entries()];

  it('renders the four packets, gaps and filled', () => {
    expect(states().map(([name]) => name)).toHaveLength(7);
    for (const [name, { documents }] of states()) expect(documents.length, name).toBeGreaterThan(4);
  });

  it('prints no blank, 无 or 尚未… where a fact belongs unless the pre-flight reports it on its field', () => {
    for (const [name, { documents, issues }] of states()) {
      const reported = new Set(issues.map((i) => i.path));
      for (const doc of documents) {
        const where = `${name}: ${doc.id}`;
        const text = compact(doc.items.join(''));
        // The resolver's record is complete: the PDF shows exactly the gaps it recorded.
        const recorded = doc.printed.map((v) => v.text).join('');
        expect(occurrences(text, BLANK), `${where} blanks`).toBe(occurrences(recorded, BLANK));
        expect(occurrences(text, NOT_YET_FILED_ZH), `${where} 尚未备案`).toBe(
          doc.printed.filter((v) => v.gap === 'notYet').length,
        );
        expect(noneItems(doc.items), `${where} 无`).toBe(doc.printed.filter((v) => v.gap === 'none').length);
        if (text.includes('尚未填写')) expect(reported.has('personalData'), where).toBe(true);
        // …and every gap where a fact belongs is a finding on a field that feeds it.
        doc.printed.forEach((value, i) => {
          const rule = doc.prints[i]!;
          const factMissing =
            value.gap === 'blank' ? rule.mode !== 'handFill' : !!value.gap && rule.mode === 'required';
          if (!factMissing) return;
          expect(
            value.missing.some((path) => reported.has(path)),
            `${where}: ${value.key} printed ${value.text} (fields ${value.missing.join(', ')})`,
          ).toBe(true);
        });
      }
    }
  });

  it('once the gaps are filled, no blank or placeholder is left and the pre-flight has no error but the scans to attach', () => {
    for (const [name, { documents, issues }] of states()) {
      if (name.endsWith(' gaps') && !name.startsWith('sample')) continue;
      const errors = issues.filter((i) => i.severity === 'error' && !i.path.startsWith('attachments:'));
      expect(
        errors.map((i) => i.key),
        name,
      ).toEqual([]);
      for (const doc of documents) {
        const text = compact(doc.items.join(''));
        expect(text, `${name}: ${doc.id}`).not.toContain(BLANK);
        expect(text, `${name}: ${doc.id}`).not.toContain('尚未');
        // 无 only where the template means it (shared with nobody, no foreign recipient).
        expect(noneItems(doc.items), `${name}: ${doc.id}`).toBe(
          doc.printed.filter((v, i) => v.gap === 'none' && doc.prints[i]!.mode === 'optional').length,
        );
      }
    }
  });

  it('read as the reviewer reads the filled packets: no 附页 for a line, no portal ids, one date, no false 法人', async () => {
    for (const [name, { documents }] of states()) {
      if (name.endsWith(' gaps') && !name.startsWith('sample')) continue;
      for (const doc of documents) {
        const where = `${name}: ${doc.id}`;
        const text = compact(doc.items.join(''));
        // Every value of these cases is short: a cell a few lines over its budget grows, nothing goes to an 附页.
        expect(text, where).not.toContain('附页');
        // Signed documents carry the planned submission date or a blank to date by hand, never the build day
        // (a document nobody signs carries the build day when no submission date is planned).
        if (documentTemplate(doc.id)?.signing) expect(text, where).not.toContain('2026年11月25日');
      }
      // WeChat's numeric service-content ids mean nothing on paper; they go to WeChat in the request body.
      // (A licence packet of an already-filed subject has no 备案信息表.)
      const sheet = documents.find((d) => d.id === 'filing-info-sheet');
      if (sheet) expect(compact(sheet.items.join('')), name).not.toContain('服务内容类型');
      const overview = documents.find((d) => d.id === 'company-overview');
      // A partnership shareholder is not a legal person (法人): company shareholders are typed 企业.
      if (overview)
        expect(compact(overview.items.join('')).replace(/法定代表人|法人治理/g, ''), name).not.toContain(
          '法人',
        );
    }
    // The access provider's verifier dates the 核验单 the day they verify: only the applicant's date is printed.
    // (Filled, the case holds its subject filing number and its licence packet has no 核验单: read it without.)
    const unfiled = nationwideCase();
    unfiled.subject.filingNumber = '';
    const form = (await renderCase(unfiled)).documents.find((d) => d.id === 'verification-form')!;
    expect(occurrences(compact(form.items.join('')), '2026年12月10日')).toBe(1);
    const inventory = rendered.get('sample gaps')!.documents.find((d) => d.id === 'pi-inventory')!;
    expect(compact(inventory.items.join(''))).toContain('订单完成后3年（依据《电子商务法》第三十一条）');
  });

  it('the gaps of the review are in the PDFs, where the pre-flight points', () => {
    const migrated = rendered.get('B25 licence (schema 1, migrated) gaps')!;
    const staff = migrated.documents.find((d) => d.id === 'key-staff')!;
    expect(occurrences(compact(staff.items.join('')), BLANK)).toBe(5);
    const letter = migrated.documents.find((d) => d.id === 'licence-application-letter')!;
    expect(compact(letter.items.join(''))).toContain(NOT_YET_FILED_ZH);
  });
});
