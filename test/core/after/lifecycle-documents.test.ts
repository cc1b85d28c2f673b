/**
 * The renewal and change packets as the provincial reviewer and the applicant's manager read them (review6):
 * the documents are rendered as the packet renders them and read back from the PDFs. The review copy's
 * English must let a reader who has no Chinese check every line against the licence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkChange, recordChange } from '../../../core/after/changes';
import { caseLicenceCategories } from '../../../core/rules/licence-categories';
import {
  changePacketPlan,
  lifecycleCase,
  renewalPacketPlan,
  type LifecyclePacketPlan,
} from '../../../core/after/lifecycle-packet';
import { prepareDocument, renderDocument, type DocumentVariant } from '../../../core/documents/render';
import { NO_ENGLISH } from '../../../core/documents/resolve';
import { LICENCE_NUMBER, licenceHolderCase } from '../../fixtures/lifecycle';
import { bundledFonts, compact, extractText, linesOf } from '../documents/pdf-reader';

const NOW = new Date('2030-08-20T02:00:00Z');

/** A document of a packet read back: its text without spaces, and its lines page by page. */
interface Read {
  text: string;
  pages: string[][];
}

/** Every document of a plan, as the packet renders it, read back, by template id. */
async function readPlan(plan: LifecyclePacketPlan, variant: DocumentVariant): Promise<Map<string, Read>> {
  const fonts = bundledFonts();
  const read = new Map<string, Read>();
  for (const doc of plan.documents) {
    const decision = { filing: true, licence: true, licenceCategories: caseLicenceCategories(doc.case) };
    const bytes = await renderDocument(doc.template, doc.case, { variant, fonts, decision, now: NOW });
    const { items } = await extractText(bytes);
    read.set(doc.template.id, { text: compact(items.map((i) => i.text).join('')), pages: linesOf(items) });
  }
  return read;
}

const texts = (read: Map<string, Read>) => new Map([...read].map(([id, r]) => [id, r.text]));

let renewal: Map<string, string>;
let change: Map<string, string>;
/** Both packets in both variants: `${variant} ${packet} ${template id}` → lines page by page. */
const paged = new Map<string, string[][]>();

beforeAll(async () => {
  const c = licenceHolderCase();
  const renewalPlan = renewalPacketPlan(c, { today: '2030-08-20', signOn: '2030-08-25' });
  const changed = recordChange(
    c,
    {
      kind: 'legal_representative',
      registeredOn: '2026-11-20',
      person: { ...c.legalRepresentative, name: '李娜', nameLatin: 'Li Na', idNumber: '440305199008162321' },
    },
    'chg-rep',
    new Date('2026-11-25T00:00:00Z'),
  );
  const changePlan = changePacketPlan(changed, changed.lifecycle.changes.at(-1)!, {
    today: '2026-11-25',
    signOn: '2026-11-30',
  });
  for (const variant of ['submission', 'review'] as const)
    for (const [name, plan] of [
      ['renewal', renewalPlan],
      ['change', changePlan],
    ] as const) {
      const read = await readPlan(plan, variant);
      for (const [id, r] of read) paged.set(`${variant} ${name} ${id}`, r.pages);
      if (variant === 'review' && name === 'renewal') renewal = texts(read);
      if (variant === 'review' && name === 'change') change = texts(read);
    }
}, 120_000);

describe('renewal and change packets, review copy', () => {
  it('print the licence number in the English too (an identifier), never the no-English mark for it', () => {
    const documents = [...renewal.entries(), ...change.entries()];
    expect(documents.length).toBeGreaterThanOrEqual(5);
    const naming = documents.filter(([, text]) => text.includes(LICENCE_NUMBER)).map(([id]) => id);
    expect(naming).toEqual(
      expect.arrayContaining([
        'renewal-application',
        'service-launch-evidence',
        'licence-change-application',
      ]),
    );
    for (const [id, text] of documents) {
      // Every document names the licence; its English gloss prints the number as it is (a table cell whose
      // English equals the Chinese prints one line, so the number may appear once there).
      expect(text, id).not.toContain(compact(`licence ${NO_ENGLISH}`));
      expect(text, id).not.toContain(`${LICENCE_NUMBER}${compact(NO_ENGLISH)}`);
    }
  });

  it('续期申请表: the mailing address in English reads street first, then the district, city and province', () => {
    const form = renewal.get('renewal-application')!;
    expect(form).toContain(compact(`${NO_ENGLISH}, Nanshan District, Shenzhen, Guangdong`));
    expect(form).not.toContain(compact(`Guangdong${NO_ENGLISH}`));
  });
});

describe('renewal and change packets, layout', () => {
  it('业务实际开展情况说明: the filing number and the date stay on one line, the address breaks only after https://', () => {
    const lines = paged
      .get('submission renewal service-launch-evidence')!
      .flat()
      .map((l) => compact(l));
    expect(lines.some((l) => l.includes('粤ICP备2025071234号-1'))).toBe(true);
    expect(lines.some((l) => l.includes('2026年1月5日'))).toBe(true);
    // The address may break after https://, never inside its host (www.yunfan-/edu.cn).
    expect(lines.some((l) => l.includes('www.yunfan-edu.cn'))).toBe(true);
    expect(lines.filter((l) => l.endsWith('yunfan-'))).toEqual([]);
  });

  it('no page holds only the closing name and date, in the copy to sign or the review copy', () => {
    const furniture = /^(第\d+页共\d+页|仅供核对·Forreviewonly)$/;
    const closing =
      /（签字）|（盖章）|^年月日$|^\d{4}年\d+月\d+日$|^\d+[A-Za-z]+\d{4}$|\(signature\)|\(seal\)|有限公司$|Co\.,Ltd\.$/;
    expect(paged.size).toBeGreaterThanOrEqual(10);
    for (const [where, pages] of paged)
      pages.forEach((page, i) => {
        const body = page.map((l) => compact(l)).filter((l) => l && !furniture.test(l));
        if (i === 0 || body.length === 0) return;
        expect(
          body.every((l) => closing.test(l)),
          `${where} page ${i + 1}: ${body.join(' / ')}`,
        ).toBe(false);
      });
  });
});

describe('备案变更对照表 (the filing-change worksheet), English lines', () => {
  it('name the new holder, the shareholders and the access provider in English, never in Chinese', () => {
    const c = licenceHolderCase();
    const drafts = [
      {
        kind: 'name' as const,
        registeredOn: '2026-11-20',
        name: '深圳市云帆知学教育科技有限公司',
        nameLatin: 'Shenzhen Yunfan Zhixue Education Technology Co., Ltd.',
      },
      {
        kind: 'shareholders' as const,
        decidedOn: '2026-11-20',
        // The partnership sells its 40 % to a new company shareholder.
        shareholders: c.subject.shareholders.map((s) =>
          s.kind === 'company'
            ? {
                ...s,
                name: '深圳市云帆创业投资有限公司',
                nameLatin: 'Shenzhen Yunfan Venture Capital Co., Ltd.',
                certificateNumber: '91440300MA5H3R2L0B',
                owners: [],
              }
            : s,
        ),
      },
    ];
    const glosses: string[] = [];
    for (const draft of drafts) {
      const changed = recordChange(c, draft, `chg-${draft.kind}`, new Date('2026-11-25T00:00:00Z'));
      const plan = changePacketPlan(changed, changed.lifecycle.changes.at(-1)!, {
        today: '2026-11-25',
        signOn: '2026-11-30',
      });
      const sheet = plan.sheet?.template;
      expect(sheet, draft.kind).toBeDefined();
      const prepared = prepareDocument(sheet!, lifecycleCase(changed, ''), {
        variant: 'review',
        fonts: bundledFonts(),
        now: NOW,
      });
      glosses.push(...prepared.layout.units.filter((u) => u.role === 'gloss').map((u) => u.text));
    }
    const joined = glosses.join('\n');
    expect(joined).toContain(
      'Shenzhen Yunfan Zhixue Education Technology Co., Ltd. (change it at the registrar first)',
    );
    expect(joined).toContain('Shenzhen Tencent Computer Systems Co., Ltd.');
    expect(joined).toContain('Zhang Wei, Shenzhen Yunfan Investment Partnership (LP)');
    expect(joined).toContain('Zhang Wei, Shenzhen Yunfan Venture Capital Co., Ltd.');
    // The service's own name and its filing number are printed as they are (names are not translated).
    for (const line of glosses)
      expect(line.replaceAll('云帆知学', '').replace(/粤ICP备\d+号(-\d+)?/g, ''), line).not.toMatch(
        /[\u3400-\u9fff]/,
      );
  });
});

describe('变更申请书: its enclosures', () => {
  it('name each document the packet encloses as the document titles itself (the rename letter is 主体更名函)', async () => {
    const c = licenceHolderCase();
    const changed = recordChange(
      c,
      {
        kind: 'name',
        registeredOn: '2026-11-20',
        name: '深圳市云帆知学教育科技有限公司',
        nameLatin: 'Shenzhen Yunfan Zhixue Education Technology Co., Ltd.',
      },
      'chg-name',
      new Date('2026-11-25T00:00:00Z'),
    );
    const plan = changePacketPlan(changed, changed.lifecycle.changes.at(-1)!, {
      today: '2026-11-25',
      signOn: '2026-11-30',
    });
    const application = (await readPlan(plan, 'submission')).get('licence-change-application')!.text;
    const enclosed = plan.documents.filter((d) => d.template.id !== 'licence-change-application');
    expect(enclosed.map((d) => d.title.zh)).toEqual(['股东会决议', '主体更名函']);
    const listed = application.slice(application.indexOf('附件：'));
    for (const d of enclosed) expect(listed, d.title.zh).toMatch(new RegExp(`\\d+．${d.title.zh}`));
  });
});

describe('备案主体负责人变更: the authorization letter', () => {
  const chenFang = {
    ...licenceHolderCase().legalRepresentative,
    name: '陈芳',
    nameLatin: 'Chen Fang',
    idNumber: '330106199203042827',
    mobile: '13692817465',
    title: '',
  };

  it('is not recorded without the new person in charge’s job title, which the letter names', () => {
    const c = licenceHolderCase();
    const draft = { kind: 'filing_subject' as const, effectiveOn: '2026-12-20', person: chenFang };
    expect(checkChange(c, draft, '2026-11-25')).toEqual([
      expect.objectContaining({ field: 'person', code: 'titleMissing' }),
    ]);
    expect(checkChange(c, { ...draft, person: { ...chenFang, title: '安全主管' } }, '2026-11-25')).toEqual(
      [],
    );
  });

  it('prints the title given, never a blank to fill in', async () => {
    const c = licenceHolderCase();
    const changed = recordChange(
      c,
      { kind: 'filing_subject', effectiveOn: '2026-12-20', person: { ...chenFang, title: '安全主管' } },
      'chg-fs',
      new Date('2026-11-25T00:00:00Z'),
    );
    const plan = changePacketPlan(changed, changed.lifecycle.changes.at(-1)!, {
      today: '2026-11-25',
      signOn: '2026-11-30',
    });
    const letter = (await readPlan(plan, 'submission')).get('authorization-letter')!.text;
    expect(letter).toContain('兹委托陈芳（安全主管，居民身份证号码：330106199203042827）');
    expect(letter).not.toMatch(/_{3,}/);
  });
});

describe('注册资本变更: the shareholders’ resolution', () => {
  it('is not recorded while the contributions do not add up to the new capital', () => {
    const c = licenceHolderCase();
    const draft = {
      kind: 'registered_capital' as const,
      registeredOn: '2026-11-20',
      registeredCapitalCny: 20_000_000,
    };
    // The case's shareholders hold RMB 6,000,000 and 4,000,000: the old capital.
    expect(checkChange(c, draft, '2026-11-25')).toEqual([
      expect.objectContaining({ field: 'shareholders', code: 'contributionsNotCapital' }),
    ]);
    const doubled = c.subject.shareholders.map((s) => ({
      ...s,
      contributionCny: (s.contributionCny ?? 0) * 2,
    }));
    expect(checkChange(c, { ...draft, shareholders: doubled }, '2026-11-25')).toEqual([]);
  });

  it('lists each shareholder’s contribution after the change, adding up to the capital it confirms', async () => {
    const c = licenceHolderCase();
    const changed = recordChange(
      c,
      {
        kind: 'registered_capital',
        registeredOn: '2026-11-20',
        registeredCapitalCny: 20_000_000,
        shareholders: c.subject.shareholders.map((s) => ({
          ...s,
          contributionCny: (s.contributionCny ?? 0) * 2,
        })),
      },
      'chg-cap',
      new Date('2026-11-25T00:00:00Z'),
    );
    const plan = changePacketPlan(changed, changed.lifecycle.changes.at(-1)!, {
      today: '2026-11-25',
      signOn: '2026-11-30',
    });
    const resolution = (await readPlan(plan, 'submission')).get('shareholders-resolution')!.text;
    expect(resolution).toContain('注册资本由1000万元变更为2000万元');
    expect(resolution).toMatch(/张伟1200万元60%/);
    expect(resolution).toMatch(/800万元40%/);
    expect(resolution).not.toContain('600万元');
  });
});

describe('股东会决议: its closing date (review 9)', () => {
  it('is the signing date, or 年 月 日 to write by hand: a paper signed by hand never carries the day it was printed', async () => {
    const c = licenceHolderCase();
    const dated = renewalPacketPlan(c, { today: '2030-08-20', signOn: '2030-08-25' });
    const text = (await readPlan(dated, 'submission')).get('shareholders-resolution')!.text;
    expect(text).toMatch(/有限公司2030年8月25日第1页/);
    expect(text).not.toContain('________');
    const undated = renewalPacketPlan(c, { today: '2030-08-20', signOn: '' });
    const hand = (await readPlan(undated, 'submission')).get('shareholders-resolution')!.text;
    expect(hand).toMatch(/有限公司年月日第1页/);
    expect(hand).not.toContain('2030年8月20日');
    expect(hand).not.toContain('________');
  });
});
