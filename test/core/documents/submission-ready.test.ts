/**
 * Issue 11, "what a reviewer at the communications administration would send back": every point asserted on
 * the three cases — the sample (Shanghai WFOE, WeChat mini-program, German legal representative), a B25
 * licence case (Shenzhen domestic company, website with paid memberships) and a renamed company (Hangzhou).
 * Text is read back from the PDFs with pdf.js; layout facts are measured on the laid-out pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutProblems, type CircleOp, type TextOp } from '../../../core/documents/layout';
import { prepareDocument, renderDocument, type DocumentVariant } from '../../../core/documents/render';
import { NO_ENGLISH } from '../../../core/documents/resolve';
import { documentTemplate } from '../../../core/documents/templates';
import type { Case } from '../../../core/model/case';
import { applicationItem, renderPacketIndex } from '../../../core/packet/index-document';
import { chinaTime, portalFieldsHtml, portalSections } from '../../../core/packet/portal-fields';
import { packetDocuments, planPacket } from '../../../core/packet/gate';
import { documentLabels } from '../../../core/documents/templates';
import { decidePathway } from '../../../core/rules/decide';
import { checkCase } from '../../../core/rules/preflight';
import {
  DOCUMENT_NOW,
  SAMPLE_DOCUMENTS,
  filingCase,
  licenceCase,
  licenceCaseUnfiled,
  renamedCase,
} from '../../fixtures/documents/cases';
import { bundledFonts, compact, extractText, linesOf, type PdfTextItem } from './pdf-reader';

type CaseName = 'sample' | 'licence' | 'licenceUnfiled' | 'renamed';
const CASES: Record<CaseName, () => Case> = {
  sample: filingCase,
  licence: licenceCase,
  licenceUnfiled: licenceCaseUnfiled,
  renamed: renamedCase,
};

/** The filing documents: in a licence packet only while the subject has no filing number yet. */
const FILING_DOCUMENTS = [
  'filing-info-sheet',
  'verification-form',
  'filing-commitment',
  'pre-approval-statement',
];

interface Rendered {
  caseName: CaseName;
  id: string;
  variant: DocumentVariant;
  pageCount: number;
  items: PdfTextItem[];
  prepared: ReturnType<typeof prepareDocument>;
}

const rendered: Rendered[] = [];

beforeAll(async () => {
  const fonts = bundledFonts();
  for (const [caseName, make] of Object.entries(CASES) as [CaseName, () => Case][]) {
    const c = make();
    const plan = planPacket(c, decidePathway(c.answers));
    for (const doc of packetDocuments(c, plan.documents)) {
      // The not-yet-filed licence case is here for its filing documents; the rest are the licence case's.
      if (caseName === 'licenceUnfiled' && !FILING_DOCUMENTS.includes(doc.templateId)) continue;
      for (const variant of ['submission', 'review'] as const) {
        const options = { variant, fonts, now: DOCUMENT_NOW, decision: plan.documents };
        const bytes = await renderDocument(doc.templateId, c, options);
        const { pageCount, items } = await extractText(bytes);
        rendered.push({
          caseName,
          id: doc.templateId,
          variant,
          pageCount,
          items,
          prepared: prepareDocument(doc.templateId, c, options),
        });
      }
    }
  }
}, 180_000);

function doc(caseName: CaseName, id: string, variant: DocumentVariant = 'submission'): Rendered {
  const found = rendered.find((r) => r.caseName === caseName && r.id === id && r.variant === variant);
  if (!found) throw new Error(`${id} is not in the ${caseName} packet`);
  return found;
}
/** The Chinese text of a submission copy as pdf.js reads it, whitespace removed. */
const text = (caseName: CaseName, id: string) =>
  compact(
    doc(caseName, id)
      .items.map((i) => i.text)
      .join(''),
  );
const ids = (caseName: CaseName) => [
  ...new Set(rendered.filter((r) => r.caseName === caseName).map((r) => r.id)),
];
const submissions = () => rendered.filter((r) => r.variant === 'submission');

describe('the three cases', () => {
  it('render the packets they need: sample filing (no 核验单 on WeChat), B25 licence, rename', () => {
    expect(ids('sample')).toEqual(SAMPLE_DOCUMENTS);
    expect(ids('licence')).toContain('licence-application-letter');
    expect(ids('licenceUnfiled')).toContain('verification-form');
    // Already filed (主体备案号): the licence packet applies for no filing.
    for (const id of FILING_DOCUMENTS) expect(ids('licence'), id).not.toContain(id);
    expect(ids('renamed')).toEqual(
      expect.arrayContaining(['rename-letter', 'authorization-letter', 'verification-form']),
    );
  });
});

describe('blocking defects', () => {
  it('1. the commitment follows the pathway: no 非经营性 undertaking in a licence packet', () => {
    const licence = text('licenceUnfiled', 'filing-commitment');
    expect(licence).not.toContain('为非经营性互联网信息服务');
    expect(licence).toContain('在取得经营许可证前，本单位不通过上述服务开展经营性互联网信息服务');
    expect(licence).toContain('补充填报经营许可证编号');
    expect(text('sample', 'filing-commitment')).toContain('本单位所备案的服务为非经营性互联网信息服务');
  });

  it('2. the licence coverage is printed (广东省), never the 本省（自治区、直辖市） placeholder', () => {
    for (const r of rendered)
      expect(compact(r.items.map((i) => i.text).join('')), r.id).not.toContain('本省（自治区');
    expect(text('licence', 'licence-application-letter')).toContain('二、业务覆盖范围：广东省。');
    expect(text('licence', 'business-plan')).toContain('业务覆盖范围为广东省');
  });

  it('3. a foreign person is named as in the passport, the Chinese name beside it, in documents and the portal sheet', () => {
    for (const id of ['filing-info-sheet', 'authorization-letter']) {
      const t = text('sample', id);
      expect(t, id).toContain('MUELLERANNA（安娜·穆勒）');
      expect(t.replaceAll('MUELLERANNA（安娜·穆勒）', ''), id).not.toContain('安娜·穆勒');
    }
    // The portal checks the name against the passport: the value is the passport's, the Chinese name a note.
    const rows = portalSections(filingCase(), documentLabels()).flatMap((s) => s.rows);
    const name = rows.find((r) => r.path === 'principal.name');
    expect(name?.value).toBe('MUELLER ANNA');
    expect(name?.note?.zh).toBe('中文姓名：安娜·穆勒');
  });
});

describe('per document', () => {
  it('目录: the real file paths, the application named as the authority names it, no instruction to the applicant', async () => {
    const c = filingCase();
    const bytes = await renderPacketIndex(
      {
        caseName: c.name,
        subjectName: c.subject.name,
        pathway: applicationItem(c, 'icp-filing'),
        date: '2026-11-25',
        rows: [
          {
            number: 1,
            title: { zh: '互联网信息服务备案信息表', en: 'Sheet' },
            file: '01 互联网信息服务备案信息表.pdf',
            firstPage: 2,
            lastPage: 4,
          },
          {
            number: 2,
            title: { zh: '营业执照', en: 'Business licence' },
            file: '附件 Attachments/营业执照.jpg',
            firstPage: 5,
            lastPage: 5,
          },
        ],
        totalPages: 5,
      },
      c,
      { fonts: bundledFonts(), now: DOCUMENT_NOW },
    );
    const t = compact((await extractText(bytes)).items.map((i) => i.text).join(''));
    // The path as the packet folder holds it, so the reviewer finds the file by it.
    expect(t).toContain('附件Attachments/营业执照.jpg');
    expect(t).toContain('互联网信息服务备案（小程序）');
    expect(t).toContain('微信小程序的备案真实性核验由微信平台在小程序内完成');
    expect(t).not.toMatch(/请打印|扫描上传/);
    // The category exactly as the application letter names it (review 7: was shortened to （B25）).
    expect(applicationItem(licenceCase(), 'icp-licence').zh).toBe(
      '第二类增值电信业务中的信息服务业务（B25，仅限互联网信息服务）经营许可',
    );
  });

  it('备案信息表: the investor in Chinese, the person in charge repeated in full rather than 同主体负责人（…）', () => {
    const sample = text('sample', 'filing-info-sheet');
    expect(sample).toContain('投资人或主管单位北风家居有限责任公司');
    const licence = text('licenceUnfiled', 'filing-info-sheet');
    expect(licence).not.toMatch(/同主体负责人（[^）]*）$/m);
    expect(licence).toContain('网站负责人张伟，居民身份证440305198503123413');
    // A subject already filed (a new site under it) prints its subject filing number.
    expect(text('renamed', 'filing-info-sheet')).toContain('主体备案号浙ICP备2023045678号');
  });

  it('真实性核验单: names the province administration, not needed (and not shipped) on WeChat', () => {
    expect(text('renamed', 'verification-form')).toContain('一份报送浙江省通信管理局');
    expect(ids('sample')).not.toContain('verification-form');
  });

  it('承诺书: 一、 numbering only, cancellation before the service ends', () => {
    for (const name of ['sample', 'licenceUnfiled', 'renamed'] as const) {
      const t = text(name, 'filing-commitment');
      expect(t, name).not.toContain('（1）');
      expect(t, name).toContain('将在终止服务前通过备案系统提交备案注销申请');
    }
  });

  it('法定代表人授权书: who is authorised, for as long as the duties last', () => {
    const t = text('sample', 'authorization-letter');
    expect(doc('sample', 'authorization-letter').items[0]?.text.replace(/\s/g, '')).toBe('法定代表人授权书');
    expect(t).toContain('兹委托王丽（运营经理，居民身份证号码：310115199003152346）');
    expect(t).not.toContain('授权本单位运营经理');
    expect(t).toContain('至本单位书面撤销本授权或变更相应负责人之日止');
    expect(t).not.toContain('备案事项办结之日止');
  });

  it('前置审批事项说明: one title as index and bookmark show it, portal sector names, no portal instruction, the course scope stated', () => {
    const title = documentTemplate('pre-approval-statement')?.title.zh;
    for (const name of ['sample', 'licenceUnfiled'] as const) {
      expect(compact(doc(name, 'pre-approval-statement').items[0]?.text ?? '')).toBe(title);
      expect(text(name, 'pre-approval-statement')).not.toContain('以上都不涉及');
    }
    const sample = text('sample', 'pre-approval-statement');
    for (const sector of ['网络预约出租汽车', '电子公告服务', '宗教']) expect(sample).toContain(sector);
    const licence = text('licenceUnfiled', 'pre-approval-statement');
    expect(licence).toContain('仅限面向成年人的职业技能类非学历培训，不开展学历教育');
    expect(licence).not.toMatch(/不涉及[^。]*教育/);
  });

  it('更名函: cites the existing filing number; a rename is the same legal person, nothing is "inherited"', () => {
    const t = text('renamed', 'rename-letter');
    expect(t).toContain('主体备案号为浙ICP备2023045678号');
    expect(t).toContain('备案号浙ICP备2023045678号-1');
    expect(t).toContain('更名前后为同一法人');
    expect(t).not.toContain('承继');
  });

  it('申请函: domain and filing number, the enclosures the packet holds, address and postal code, an unspread contact block, 1000万元, B25 named once', () => {
    const r = doc('licence', 'licence-application-letter');
    const t = text('licence', 'licence-application-letter');
    expect(t).toContain('域名yunfan-edu.cn，ICP备案号粤ICP备2025071234号-1');
    for (const enclosure of ['营业执照（彩色扫描件）', '公司章程', '个人信息保护政策'])
      expect(t).toContain(enclosure);
    // Recommended items are enclosed only once attached (printed-values.test.ts attaches one).
    for (const promised of ['域名证书', '办公场所证明']) expect(t).not.toContain(promised);
    // Order 42 Art. 8(1): the mailing address with its postal code.
    expect(t).toContain('通信地址：广东省深圳市南山区粤海街道科苑路15号科兴科学园B栋3单元1201');
    expect(t).toContain('邮政编码：518057');
    expect(t).toContain('注册资本1000万元');
    expect(t).not.toContain('人民币1,000');
    expect(t).not.toContain('、第二类增值电信业务');
    const ops = r.prepared.layout.ops.filter((op): op is TextOp => op.kind === 'text');
    const phone = ops.find((op) => op.text.includes('联系电话'));
    const mail = ops.find((op) => op.text.includes('电子邮箱：'));
    expect(phone?.text).toBe('联系电话：13802671354');
    expect(phone?.charSpacing).toBe(0);
    expect(mail?.text).toBe('电子邮箱：zhang.wei@yunfan-edu.cn');
    // A case with an agency names the agency's 经办人 as the contact.
    const sample = filingCase();
    expect(portalSectionsContact(sample)).toBe('陈晨');
  });

  it('公司概况及股权结构: organisation and management, certificate numbers, the chart traced to natural persons', () => {
    const t = text('licence', 'company-overview');
    expect(t).toContain('三、组织机构和经营管理');
    expect(t).toContain('440305198503123413');
    expect(t).toContain('91440300MA5H0P1W8X');
    expect(t).toContain('股权结构图（穿透至自然人）');
    expect(t).toContain('李娜（持有深圳市云帆投资合伙企业（有限合伙）30%）');
    expect(t).toContain('间接持有12%');
  });

  it("业务发展和实施计划及技术方案: sentences, no empty promise, the case's access provider, IP and domain, （一） numbering", () => {
    const t = text('licence', 'business-plan');
    expect(t).not.toContain('目标用户与市场分析');
    expect(t).toContain('本公司的收入来源为付费会员费（月度会员每月39元，年度会员每年298元）。');
    expect(t).toContain('119.29.41.88');
    expect(t).toContain('使用域名yunfan-edu.cn');
    expect(t).toContain('由深圳市腾讯计算机系统有限公司提供接入服务');
    expect(t).not.toMatch(/（\d）/);
  });

  it('网络与信息安全保障措施: real identity (Cybersecurity Law Art. 24), 24-hour duty, content-review staff', () => {
    const t = text('licence', 'security-measures');
    expect(t).toContain('第二十四条');
    expect(t).toContain('二十四小时值班');
    expect(t).toContain('专职信息内容审核人员');
  });

  it('主要管理人员及技术人员情况表: 拟任岗位 and certificate numbers; pre-flight warns about missing social insurance', () => {
    const t = text('licence', 'key-staff');
    expect(t).toContain('拟任岗位');
    expect(t).not.toContain('岗位职责');
    expect(t).toContain('330106198705211534');
    const c = licenceCase();
    c.licence.staff[1]!.socialInsurance = false;
    const warning = checkCase(c, { today: '2026-11-25' }).find(
      (i) => i.code === 'licence.staffWithoutSocialInsurance',
    );
    expect(warning?.severity).toBe('warning');
    expect(warning?.message['zh-CN']).toContain('王强');
  });

  it('用户服务协议: the exemption clauses in bold; membership term, auto-renewal, refunds, digital goods, minors', () => {
    const r = doc('licence', 'user-agreement');
    const bold = r.prepared.layout.ops.filter(
      (op): op is TextOp => op.kind === 'text' && op.face === 'bold' && op.size === 14,
    );
    const boldText = compact(bold.map((op) => op.text).join(''));
    expect(boldText).toContain('不适用七日无理由退货');
    expect(boldText).toContain('我们不承担责任');
    const t = text('licence', 'user-agreement');
    for (const clause of [
      '会员服务期限',
      '自动续费',
      '每次扣费前五日',
      '取消自动续费',
      '退款',
      '第二十五条',
      '未成年人保护',
    ])
      expect(t).toContain(clause);
  });

  it('个人信息保护政策: 处理方式 includes 提供 when data is shared; a dedicated privacy contact', () => {
    for (const name of ['sample', 'licence'] as const) {
      const t = text(name, 'privacy-policy');
      expect(t, name).toContain('传输、提供和删除');
    }
    expect(text('renamed', 'privacy-policy')).toContain('传输和删除');
    expect(text('sample', 'privacy-policy')).toContain('联系邮箱：privacy@northwind-home.cn');
    expect(text('sample', 'privacy-policy')).not.toContain('anna.mueller@');
  });
});

describe('a reviewer reading the sample packet (review5)', () => {
  it('PIPL Art. 13: an item processed on a contract is never also said to need (separate) consent', () => {
    // The sample's order and payment records are sensitive, shared with WeChat Pay and processed because
    // the contract needs them: the policy lists them under "无需取得您的同意", so no sentence may promise
    // a separate consent for them (Art. 13 last paragraph lifts Arts. 23 and 29 for such items).
    const policy = text('sample', 'privacy-policy');
    expect(policy).toContain('下列个人信息的处理无需取得您的同意');
    expect(policy).not.toContain('并在处理前取得您的单独同意');
    expect(policy).not.toContain('处理方式和个人信息的种类，取得您的单独同意');
    expect(policy).toContain('基于您的同意处理敏感个人信息的，取得您的单独同意');
    const inventory = text('sample', 'pi-inventory');
    expect(inventory).not.toContain('订单及支付记录——处理前取得单独同意');
    expect(inventory).not.toContain(
      '订单及支付记录（接收方：财付通支付科技有限公司（微信支付））——取得单独同意',
    );
    expect(inventory).toContain(
      '订单及支付记录——为订立、履行个人作为一方当事人的合同所必需，无需取得同意（第十三条）',
    );
    // An item processed on consent keeps its separate consent, in both documents.
    expect(text('licence', 'privacy-policy')).toContain('并在处理前取得您的单独同意');
    expect(text('licence', 'pi-inventory')).toContain('会员订单及支付记录——处理前取得单独同意（第二十九条）');
    expect(inventory).toContain(
      '收货人姓名、收货地址（接收方：承运的快递公司（仅限配送所需信息））——取得单独同意（第二十三条）',
    );
  });

  it('个人信息保护政策: each sensitive item is a numbered, indented line with its category, the contact a department', () => {
    const policy = text('sample', 'privacy-policy');
    expect(policy).toContain(
      '（1）订单及支付记录：敏感个人信息，属于金融账户信息，处理目的为交易履行、退款及依法记账。',
    );
    expect(policy).not.toContain('敏感个人信息（1）');
    expect(policy).toContain('个人信息保护联系人：法务部');
    const lines = doc('sample', 'privacy-policy').prepared.layout.ops.filter(
      (op): op is TextOp => op.kind === 'text',
    );
    const left = (t: string) => lines.find((op) => op.text.startsWith(t))?.x;
    // Both numbered lists are indented like the body's paragraphs.
    expect(left('（1）订单及支付记录：为订立')).toBe(left('我们仅为实现下表所列目的'));
    expect(left('（1）订单及支付记录：敏感')).toBe(left('我们仅为实现下表所列目的'));
  });
});

describe('网络与信息安全保障措施 agrees with the privacy policy on consent (review5)', () => {
  it('where an item is processed on a contract, the measures do not promise consent for every item', async () => {
    const c = licenceCase();
    c.personalData[2]!.legalBasis = 'contract';
    const plan = planPacket(c, decidePathway(c.answers));
    const options = {
      variant: 'submission' as const,
      fonts: bundledFonts(),
      now: DOCUMENT_NOW,
      decision: plan.documents,
    };
    const measures = async (k: Case) =>
      compact(
        (await extractText(await renderDocument('security-measures', k, options))).items
          .map((i) => i.text)
          .join(''),
      );
    const t = await measures(c);
    expect(t).not.toContain('公开个人信息处理规则，取得用户同意；处理敏感个人信息的，取得用户的单独同意');
    expect(t).toContain(
      '依法需要取得用户同意的，取得用户同意；基于用户同意处理敏感个人信息的，取得用户的单独同意',
    );
    // All on consent: the measures keep the plain wording (and the signed copies their content version).
    expect(text('licence', 'security-measures')).toContain(
      '公开个人信息处理规则，取得用户同意；处理敏感个人信息的，取得用户的单独同意',
    );
  });
});

describe('公司概况及股权结构: table cells a reviewer reads whole (review5)', () => {
  it('no word or header of the shareholder table and the ownership chart is cut inside itself', () => {
    const lines = doc('licence', 'company-overview')
      .prepared.layout.ops.filter((op): op is TextOp => op.kind === 'text')
      .map((op) => op.text);
    // Printed "自然 / 人", "持有本公司股 / 权", "序 / 号", "国别（地 / 区）", "股东类 / 型", "认缴出资 / 额" before:
    // a header now breaks only between its words.
    for (const whole of ['自然人', '持有本公司股权', '序号', '（地区）', '股东', '类型', '出资额', '比例'])
      expect(lines, whole).toContain(whole);
    for (const cut of [
      '自然',
      '人',
      '权',
      '序',
      '号',
      '（地',
      '区）',
      '股东类',
      '型',
      '认缴出资',
      '额',
      '持股比',
      '例',
    ])
      expect(lines, cut).not.toContain(cut);
    // Certificate numbers stay on one line in both copies (the review copy's chart cut 91440300MA5H0P1W / 8X).
    for (const variant of ['submission', 'review'] as const) {
      const printed = doc('licence', 'company-overview', variant)
        .prepared.layout.ops.filter((op): op is TextOp => op.kind === 'text')
        .map((op) => op.text);
      expect(printed.filter((t) => t === '91440300MA5H0P1W8X').length, variant).toBe(2);
      expect(printed.filter((t) => t === '440305198503123413').length, variant).toBe(3);
    }
  });
});

describe('the licence case agrees with itself (review5)', () => {
  it('业务发展和实施计划及技术方案: the servers sit where the hosting says (was Guangzhou region, Shenzhen servers)', () => {
    const plan = text('licence', 'business-plan');
    expect(plan).toContain('部署于腾讯云广州地域');
    expect(plan).toContain('服务器放置于广东省广州市');
    expect(text('licenceUnfiled', 'filing-info-sheet')).toContain('服务器放置地广东省广州市');
  });
});

describe('table headers a reviewer reads whole (review5)', () => {
  it('个人信息清单 and 主要管理人员及技术人员情况表: 序号 and 向他人提供 are never cut inside themselves', () => {
    const lines = (caseName: CaseName, id: string) =>
      doc(caseName, id)
        .prepared.layout.ops.filter((op): op is TextOp => op.kind === 'text')
        .map((op) => op.text);
    const inventory = lines('sample', 'pi-inventory');
    expect(inventory).toContain('序号');
    expect(inventory).toContain('向他人提供');
    expect(inventory).not.toContain('向他人提');
    expect(lines('licence', 'key-staff')).toContain('序号');
  });
});

describe('across documents', () => {
  it('one date rule per case: the planned submission date everywhere, or 年 月 日 left blank everywhere', () => {
    for (const r of submissions()) {
      const signature = r.prepared.resolved.blocks.filter((b) => b.kind === 'signature');
      if (signature.length === 0) continue;
      const t = compact(r.items.map((i) => i.text).join(''));
      // A party other than the applicant (the access provider's verifier) always dates by hand.
      const handDated = documentTemplate(r.id)!.blocks.some(
        (b) => b.type === 'signature' && b.signers.some((s) => s.dated === 'hand'),
      );
      if (r.caseName === 'licence' || r.caseName === 'licenceUnfiled') {
        expect(t, r.id).toContain('2026年12月1日');
        expect(r.prepared.layout.units.filter((u) => u.text === '年月日').length, r.id).toBe(
          handDated ? 1 : 0,
        );
      } else {
        expect(t, `${r.caseName} ${r.id}`).not.toMatch(/20\d\d年\d+月\d+日$/);
        expect(
          r.prepared.layout.units.some((u) => u.text === '年月日'),
          `${r.caseName} ${r.id}`,
        ).toBe(true);
      }
    }
    expect(text('licence', 'privacy-policy')).toContain('生效日期：2026年12月1日');
  });

  it('a document nobody signs prints its date, never 年 月 日 to fill in: the planned submission date, else the day it is made (review 9)', () => {
    // The policy, the agreement and the inventory go into the packet as printed: a blank date in them is a
    // blank nobody fills. Without a planned submission date they carry the document date (China's calendar).
    for (const id of ['privacy-policy', 'pi-inventory']) {
      const t = text('sample', id);
      expect(t, id).toMatch(/上海澜岸贸易有限公司(生效日期：)?2026年11月25日/);
      expect(t, id).not.toMatch(/年月日/);
    }
    expect(text('licence', 'user-agreement')).toContain('生效日期：2026年12月1日');
    expect(text('licence', 'pi-inventory')).toContain('深圳市云帆知学科技有限公司2026年12月1日');
  });

  it('the seal circle sits over the name and the date (GB/T 9704 §7.3.5), the date inside it', () => {
    for (const r of submissions()) {
      const ops = r.prepared.layout.ops;
      for (const circle of ops.filter((op): op is CircleOp => op.kind === 'circle')) {
        const onPage = ops.filter((op): op is TextOp => op.kind === 'text' && op.page === circle.page);
        const date = onPage.find((op) => /^\d{4}年\d+月\d+日$/.test(op.text) || op.text === '月');
        const name = onPage.find(
          (op) => op.text.endsWith('有限公司') && Math.abs(op.y - circle.cy) < circle.r,
        );
        expect(date, r.id).toBeDefined();
        expect(name, r.id).toBeDefined();
        // The date's baseline lies inside the circle, below its centre; the name above the date.
        expect(Math.abs(date!.y - circle.cy), r.id).toBeLessThan(circle.r);
        expect(date!.y, r.id).toBeGreaterThan(circle.cy);
        expect(name!.y, r.id).toBeLessThan(date!.y);
        // Centred on the date (its middle, or the 月 of a hand-written date).
        expect(Math.abs(date!.x + date!.width / 2 - circle.cx), r.id).toBeLessThan(circle.r / 2);
      }
    }
  });

  it('keep-together rules hold in every document and variant: no lone signature page, no orphan line, no lone header, no split gloss', () => {
    for (const r of rendered)
      expect(layoutProblems(r.prepared.layout), `${r.caseName} ${r.id} ${r.variant}`).toEqual([]);
  });

  it('no PDF page holds only a signature block or a single line (measured on the text pdf.js reads)', () => {
    const furniture = /^(第\d+页共\d+页|仅供核对·Forreviewonly)$/;
    const signatureLine =
      /（签字）|（盖章）|^年月日$|^\d{4}年\d+月\d+日$|^Date:|\(signature\)|\(seal\)|有限公司$/;
    for (const r of rendered) {
      const pages = linesOf(r.items);
      pages.forEach((page, i) => {
        const body = page.filter((l) => !furniture.test(l));
        if (i === 0 || body.length === 0) return;
        const where = `${r.caseName} ${r.id} ${r.variant} page ${i + 1}`;
        expect(
          body.every((l) => signatureLine.test(l)),
          where,
        ).toBe(false);
        expect(body.length, where).toBeGreaterThan(1);
      });
    }
  });

  it('review copy: no Chinese in the English lines except service and person names; the English meaning when given', async () => {
    const allowed = (c: Case) =>
      [
        ...c.services.map((s) => s.name),
        // Names without a Latin form are printed as they are (names are not translated).
        ...c.licence.staff.map((m) => m.name),
        ...c.subject.formerNames.map((f) => f.name),
        ...c.services.flatMap((s) => (s.principal && !s.principal.nameLatin ? [s.principal.name] : [])),
        // Filing numbers are identifiers (粤ICP备…), printed as they are in both languages.
        ...c.services.map((s) => s.filingNumber ?? '').filter(Boolean),
        c.subject.filingNumber,
      ].filter(Boolean);
    for (const r of rendered.filter((x) => x.variant === 'review')) {
      const c = CASES[r.caseName]();
      for (const unit of r.prepared.layout.units.filter((u) => u.role === 'gloss')) {
        let rest = unit.text;
        for (const name of allowed(c)) rest = rest.replaceAll(name, '');
        expect(rest, `${r.caseName} ${r.id}: ${unit.text}`).not.toMatch(/[\u3400-\u9fff]/);
      }
    }
    const sheet = doc('sample', 'filing-info-sheet', 'review')
      .prepared.layout.units.map((u) => u.text)
      .join('\n');
    expect(sheet).toContain('Operating entity');
    // Places in the English lines: the Latin names of regions-latin.json, read back from the PDF too.
    const pdfSheet = (caseName: CaseName) =>
      compact(
        doc(caseName, 'filing-info-sheet', 'review')
          .items.map((i) => i.text)
          .join(''),
      );
    expect(sheet).toContain('Pudong New Area, Shanghai (division code 310115)');
    expect(sheet).toContain('Room 1001, 10/F, 500 Zhangyang Road, Pudong New Area, Shanghai');
    expect(pdfSheet('sample')).toContain(compact('Pudong New Area, Shanghai (division code 310115)'));
    expect(pdfSheet('licenceUnfiled')).toContain(compact('Nanshan District, Shenzhen, Guangdong'));
    expect(pdfSheet('renamed')).toMatch(/District,Hangzhou,Zhejiang/);
    expect(sheet).not.toMatch(/\bHost\b/);
    // The sample carries English meanings for its free text; the licence case has none: a clear mark.
    expect(sheet).toContain('Online retail of homeware (own goods only)');
    expect(sheet).not.toContain(NO_ENGLISH);
    const licenceSheet = doc('licenceUnfiled', 'filing-info-sheet', 'review').prepared.layout.units.map(
      (u) => u.text,
    );
    expect(licenceSheet.join('\n')).toContain(NO_ENGLISH);
    // The subject's filing number is an identifier, printed as it is, not marked as untranslated.
    // (Its English equals the Chinese, so the layout prints no gloss line under it, and no NO_ENGLISH mark.)
    const filingRow = doc('renamed', 'filing-info-sheet', 'review')
      .prepared.resolved.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []))
      .find((row) => row[0]?.zh === '主体备案号');
    expect(filingRow?.[1]).toEqual({ zh: '浙ICP备2023045678号', en: '浙ICP备2023045678号' });
    // With an English meaning typed beside the field, the review copy prints it.
    const c = filingCase();
    c.englishMeanings['services.0.contentDescription'] = 'Homeware sold online, own stock only';
    const prepared = prepareDocument('filing-info-sheet', c, {
      variant: 'review',
      fonts: bundledFonts(),
      now: DOCUMENT_NOW,
    });
    expect(prepared.layout.units.some((u) => u.text === 'Homeware sold online, own stock only')).toBe(true);
  });

  it('review copy: table headers and cells break English only between words', () => {
    for (const r of rendered.filter((x) => x.variant === 'review')) {
      const headers = r.prepared.layout.units.filter(
        (u) => (u.part === 'header' || u.part === 'cell') && u.role === 'gloss',
      );
      for (const unit of headers) {
        const drawn = r.prepared.layout.ops.filter(
          (op): op is TextOp => op.kind === 'text' && op.unit === unit.id,
        );
        const byLine = [...new Set(drawn.map((op) => `${op.page}:${op.y}`))].map((key) =>
          drawn
            .filter((op) => `${op.page}:${op.y}` === key)
            .map((op) => op.text)
            .join(''),
        );
        if (byLine.length < 2) continue;
        for (const line of byLine)
          expect(unit.text.split(/\s+/), `${r.id}: ${unit.text}`).toEqual(
            expect.arrayContaining(line.trim().split(/\s+/)),
          );
      }
    }
  });
});

describe('portal-fields.html', () => {
  it('shows the build time in China time, no copy button on picked values, a licence-portal section for a licence', async () => {
    expect(chinaTime('2026-11-25T02:00:00.000Z')).toBe('2026年11月25日 10:00（北京时间）');
    const licence = licenceCase();
    const sections = portalSections(licence, documentLabels(), { licence: true });
    expect(sections[0]?.title.zh).toContain('经营许可申请');
    const first = sections[0]!.rows;
    expect(first.find((r) => r.path === 'licence.coverage')).toMatchObject({ value: '广东省', copy: false });
    expect(first.find((r) => r.path === 'services.0.filingNumber')?.value).toBe('粤ICP备2025071234号-1');
    const html = await portalFieldsHtml(sections, {
      caseName: licence.name,
      subjectName: licence.subject.name,
      pathway: { zh: 'ICP许可证', en: 'Licence' },
      generatedAt: DOCUMENT_NOW.toISOString(),
    });
    expect(html).toContain('2026年11月25日 10:00（北京时间）');
    expect(html).toContain('从列表选择 Pick from the list');
  });
});

function portalSectionsContact(c: Case): string | undefined {
  return portalSections(c, documentLabels(), { licence: true })[0]?.rows.find(
    (r) => r.path === 'contact.name',
  )?.value;
}
