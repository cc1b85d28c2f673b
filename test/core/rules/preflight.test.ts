import { describe, expect, it } from 'vitest';
import type { Case } from '../../../core/model/case';
import { PREFLIGHT, checkCase, type PreflightIssue } from '../../../core/rules';
import {
  TODAY,
  answers,
  attachment,
  completeSample,
  sample,
  signedCopyNow,
  withAllAttachments,
} from './helpers';

const check = (c: Case): PreflightIssue[] => checkCase(c, { today: TODAY });
const codes = (c: Case) => check(c).map((i) => i.code);

type Mutate = (c: Case) => void;

function variant(mutate: Mutate, base: () => Case = completeSample): Case {
  const c = structuredClone(base());
  mutate(c);
  return c;
}

const mini = (c: Case) => {
  const s = c.services[0];
  if (s?.kind !== 'mini_program') throw new Error('the sample has a mini-program first');
  return s;
};

/** The sample turned into a website filing with every document attached. */
function websiteSample(): Case {
  const c = sample();
  c.answers = { ...c.answers, surfaces: ['website'] };
  c.services = [
    {
      kind: 'website',
      id: 'web-1',
      name: '澜岸家居优选商城',
      contentDescription: '家居用品网上零售',
      languages: ['zh-CN'],
      preApprovals: [],
      principal: null,
      remarks: '',
      domains: ['lanan-home.cn'],
      homeUrl: 'https://www.lanan-home.cn',
      domainHolder: c.subject.name,
      domainExpiresOn: '2031-03-18',
      accessProvider: '阿里云计算有限公司',
      serverLocation: '上海',
      ipAddresses: [],
    },
  ];
  return withAllAttachments(c);
}

/** A domestic company whose paid membership firmly needs the B25 licence. */
const licenceCase = (c: Case) => {
  c.answers = answers({ activities: ['paid_membership'], surfaces: ['mini_program'] });
};

/** The licence case with every pathway answer given, so the packet (and its documents) is the licence's. */
const licencePacket = (c: Case) => {
  c.answers = answers({
    activities: ['paid_membership'],
    surfaces: ['mini_program'],
    miniProgramAccount: 'mainland_entity',
  });
};

/** A website whose activities call for licence categories, with the categories the answer names. */
const licenceCategories =
  (activities: Case['answers']['activities'], licenceCategory: Case['answers']['licenceCategory']): Mutate =>
  (c) => {
    c.answers = answers({ activities, licenceCategory });
  };

interface Row {
  code: string;
  fail: Mutate;
  pass?: Mutate;
  base?: () => Case;
  path?: string;
}

const noop: Mutate = () => {};

const ROWS: Row[] = [
  {
    code: 'pathway.notEligible',
    fail: (c) => void (c.answers.subject = 'foreign_no_entity'),
    path: 'answers:R3',
  },
  { code: 'pathway.disputedBlock', fail: noop, pass: (c) => void (c.answers.activities = ['info_only']) },
  { code: 'pathway.incomplete', fail: (c) => void (c.answers.subject = null), path: 'answers.subject' },
  {
    code: 'pathway.dutyAnswerMissing',
    fail: (c) => void (c.answers.generativeAi = null),
    path: 'answers.generativeAi',
  },
  {
    code: 'pathway.licenceDisputed',
    fail: (c) => void (c.answers = answers({ activities: ['ads_revenue'], surfaces: ['mini_program'] })),
  },
  {
    code: 'field.required',
    fail: (c) => void (c.subject.mailingAddress = ''),
    path: 'subject.mailingAddress',
  },
  { code: 'subject.provinceMismatch', fail: (c) => void (c.subject.province = '320000') },
  {
    code: 'subject.regionOutsideProvince',
    fail: (c) => Object.assign(c.subject, { city: '320100', district: '320102' }),
    path: 'subject.city',
  },
  {
    code: 'subject.addressOutsideProvince',
    fail: (c) => void (c.subject.certificateAddress = '江苏省南京市玄武区中山路1号'),
    path: 'subject.certificateAddress',
  },
  {
    code: 'subject.registeredOutsideProvince',
    fail: (c) => void (c.subject.certificateNumber = '91320102MA1K4R7C5A'),
    path: 'subject.certificateNumber',
  },
  {
    code: 'subject.mailingAddressHasRegion',
    fail: (c) => void (c.subject.mailingAddress = '上海市浦东新区张杨路500号10楼1001室'),
  },
  {
    code: 'people.authorizationLetterMissing',
    fail: (c) =>
      void (c.attachments = c.attachments.filter((a) => a.checklistItemId !== 'authorization-letter')),
    path: 'attachments:authorization-letter',
  },
  {
    code: 'people.principalMustBeLegalRep',
    fail: (c) => void (c.principal.isLegalRepresentative = false),
    pass: (c) => {
      c.principal.isLegalRepresentative = false;
      c.answers.province = '110000';
      Object.assign(c.subject, { province: '110000', city: '110100', district: '110105' });
    },
  },
  {
    code: 'people.foreignPrincipalNeedsChinese',
    fail: (c) => {
      c.answers.province = '130000';
      Object.assign(c.subject, { province: '130000', city: '130100', district: '130102' });
    },
  },
  {
    // The sample: a Shanghai WFOE whose legal representative, a German passport holder, is the person in charge.
    code: 'people.foreignLegalRepPrincipal',
    fail: noop,
    path: 'principal.mobile',
    pass: (c) => {
      c.principal.idType = 'resident_id';
      c.principal.nationality = 'CN';
    },
  },
  {
    code: 'privacy.crossBorderRouteMismatch',
    fail: (c) => {
      const first = c.personalData[0]!;
      Object.assign(first, {
        crossBorder: true,
        crossBorderRecipient: 'Example GmbH（德国）',
        crossBorderMechanism: 'standard_contract',
      });
      Object.assign(c.personalDataScale, {
        crossBorderPeople: 'over_1m',
        crossBorderSensitivePeople: 'none',
      });
    },
    path: 'personalData.0.crossBorderMechanism',
  },
  {
    code: 'people.emergencySameAsMobile',
    fail: (c) => void (c.principal.emergencyPhone = `+86 ${c.principal.mobile}`),
    path: 'principal.emergencyPhone',
  },
  {
    code: 'people.sharedContact',
    fail: (c) => void (mini(c).principal!.email = c.principal.email.toUpperCase()),
    path: 'services.0.principal.email',
  },
  {
    code: 'document.expired',
    fail: (c) => void (c.principal.idValidTo = '2026-10-01'),
    path: 'principal.idValidTo',
  },
  {
    code: 'document.expiresBeforeReviewEnds',
    fail: (c) => void (c.subject.certificateValidTo = '2027-01-15'),
    path: 'subject.certificateValidTo',
  },
  {
    code: 'document.expiresSoonAfterReview',
    fail: (c) => void (mini(c).principal!.idValidTo = '2027-03-10'),
    path: 'services.0.principal.idValidTo',
  },
  {
    // A recommended document signed by hand and not returned: the packet leaves it out.
    code: 'signing.notSigned',
    fail: (c) =>
      void (c.attachments = c.attachments.filter((a) => a.checklistItemId !== 'no-preapproval-statement')),
    path: 'attachments:no-preapproval-statement',
  },
  {
    // Signed for another version: the letter printed the principal's old title.
    code: 'signing.stale',
    fail: (c) => void (c.services[0]!.principal!.title = '技术总监'),
    path: 'attachments:authorization-letter',
  },
  {
    code: 'signing.pagesMissing',
    fail: (c) =>
      void (c.attachments = c.attachments.map((a) =>
        a.checklistItemId === 'authorization-letter' && a.signedCopy
          ? { ...a, signedCopy: { ...a.signedCopy, pageCount: 2 } }
          : a,
      )),
    path: 'attachments:authorization-letter',
  },
  {
    // A required document signed by hand (the authorization letter has its own wording) not returned.
    code: 'signing.missing',
    fail: (c) => {
      c.subject.formerNames = [{ name: '上海澜岸商贸有限公司', changedOn: '2024-01-01', filedUnder: true }];
    },
    pass: (c) => {
      c.subject.formerNames = [{ name: '上海澜岸商贸有限公司', changedOn: '2024-01-01', filedUnder: true }];
      c.attachments.push(attachment('rename-letter', { signedCopy: signedCopyNow(c, 'rename-letter') }));
    },
    path: 'attachments:rename-letter',
  },
  {
    code: 'document.missing',
    fail: (c) =>
      void (c.attachments = c.attachments.filter((a) => a.checklistItemId !== 'subject-certificate')),
    path: 'attachments:subject-certificate',
  },
  {
    code: 'document.invalid',
    fail: (c) =>
      void (c.attachments = c.attachments.map((a) =>
        a.checklistItemId === 'subject-certificate' ? { ...a, widthPx: 500, heightPx: 300 } : a,
      )),
    path: 'attachments:subject-certificate',
  },
  {
    // A sideways scan is never "provided": its own finding, not the format rules' (document.invalid).
    code: 'document.sideways',
    fail: (c) =>
      void (c.attachments = c.attachments.map((a) =>
        a.checklistItemId === 'subject-certificate' ? { ...a, turnToUpright: 90 as const } : a,
      )),
    path: 'attachments:subject-certificate',
  },
  {
    code: 'website.domainHolderNotSubject',
    base: websiteSample,
    fail: (c) => Object.assign(c.services[0]!, { domainHolder: '张三' }),
    pass: (c) => Object.assign(c.services[0]!, { domainHolder: ' 上海澜岸贸易有限公司 ' }),
    path: 'services.0.domainHolder',
  },
  {
    code: 'website.tooManyDomains',
    base: websiteSample,
    fail: (c) =>
      Object.assign(c.services[0]!, { domains: Array.from({ length: 11 }, (_, i) => `lanan${i}.cn`) }),
  },
  {
    code: 'service.preApprovalMissing',
    fail: (c) => void (c.answers.sectors = ['culture']),
    pass: (c) => {
      c.answers.sectors = ['culture'];
      mini(c).preApprovals = [
        {
          sector: 'culture',
          permitName: '网络文化经营许可证',
          approvalNumber: '沪网文〔2025〕0123-045号',
          issuedBy: '上海市文化和旅游局',
          validTo: '2028-06-30',
          attachmentIds: [],
        },
      ];
    },
  },
  {
    code: 'service.sectorKeyword',
    fail: (c) => void (mini(c).contentDescription = '在线教育课程销售'),
    // The sample's remarks say 微信支付: taking WeChat Pay for one's own goods is not a payment business.
    pass: noop,
  },
  {
    code: 'licence.applicantNotCompany',
    fail: (c) => {
      licenceCase(c);
      c.subject.certificateType = 'rep_office_certificate';
    },
    pass: licenceCase,
  },
  {
    code: 'licence.capitalBelowMinimum',
    fail: (c) => {
      licenceCase(c);
      c.answers.scope = 'multi_province';
    },
    pass: licenceCase,
    path: 'subject.registeredCapitalCny',
  },
  {
    code: 'licence.coverageProvinces',
    fail: (c) => {
      licenceCase(c);
      c.answers.scope = 'multi_province';
      c.licence.coverage = 'multi_province';
      c.licence.provinces = ['广东省'];
    },
    pass: (c) => {
      licenceCase(c);
      c.answers.scope = 'multi_province';
      c.licence.coverage = 'multi_province';
      c.licence.provinces = ['广东省', 'Shanghai'];
    },
    path: 'licence.provinces',
  },
  {
    code: 'licence.coverageDiffersFromScope',
    fail: (c) => {
      licenceCase(c);
      c.answers.scope = 'single_province';
      c.licence.coverage = 'nationwide';
    },
    pass: (c) => {
      licenceCase(c);
      c.answers.scope = 'multi_province';
      c.licence.coverage = 'nationwide';
    },
    path: 'licence.coverage',
  },
  {
    code: 'licence.categoryMissing',
    fail: licenceCategories(['paid_membership', 'marketplace_third_party'], 'b25'),
    pass: licenceCategories(['paid_membership', 'marketplace_third_party'], 'both'),
    path: 'answers.licenceCategory',
  },
  {
    code: 'licence.categoryMaybeMissing',
    fail: licenceCategories(['ads_revenue', 'marketplace_third_party'], 'b21'),
    pass: licenceCategories(['ads_revenue', 'marketplace_third_party'], 'both'),
    path: 'answers.licenceCategory',
  },
  {
    code: 'privacy.inventoryEmpty',
    fail: (c) => void (c.personalData = []),
    path: 'personalData',
  },
  {
    code: 'privacy.inventoryIncomplete',
    fail: (c) => {
      const row = c.personalData[1];
      if (row) row.retention = ' ';
    },
    path: 'personalData.1.retention',
  },
  {
    code: 'miniProgram.remarksLength',
    fail: (c) => void (mini(c).remarks = '家居商城'),
    path: 'services.0.remarks',
  },
  {
    code: 'miniProgram.serviceTypesMissing',
    fail: noop,
    pass: (c) => void (mini(c).serviceContentTypes = [1]),
  },
  {
    code: 'miniProgram.tooManyServiceTypes',
    fail: (c) => void (mini(c).serviceContentTypes = [1, 2, 3, 4, 5, 6]),
  },
  {
    code: 'licence.staffWithoutSocialInsurance',
    fail: (c) => {
      licenceCase(c);
      c.licence.staff = [{ ...STAFF, socialInsurance: false }];
    },
    pass: (c) => {
      licenceCase(c);
      c.licence.staff = [{ ...STAFF, socialInsurance: true }];
    },
    path: 'licence.staff.0.socialInsurance',
  },
  {
    code: 'document.valueMissing',
    fail: (c) => void (c.subject.privacyContactName = ''),
    path: 'subject.privacyContactName',
  },
  {
    code: 'privacy.contactIsTitle',
    fail: (c) => void (c.subject.privacyContactName = '个人信息保护负责人'),
    pass: (c) => void (c.subject.privacyContactName = '法务部'),
    path: 'subject.privacyContactName',
  },
  {
    code: 'document.notChinese',
    fail: (c) => void (c.personalData[0]!.purpose = 'Log-in and account identification'),
    pass: (c) => void (c.personalData[0]!.purpose = '登录及账户识别（使用微信登录 WeChat Login）'),
    path: 'personalData.0.purpose',
  },
  {
    code: 'licence.filingFirst',
    fail: licencePacket,
    pass: (c) => {
      licencePacket(c);
      mini(c).filingNumber = '沪ICP备2026012345号-1X';
    },
    path: 'services.0.filingNumber',
  },
  {
    code: 'people.twoLegalRepresentatives',
    fail: (c) => void (mini(c).principal!.isLegalRepresentative = true),
    path: 'services.0.principal.isLegalRepresentative',
  },
  {
    code: 'people.legalRepresentativeUnmarked',
    fail: (c) => Object.assign(mini(c).principal!, { idType: 'passport', idNumber: c.principal.idNumber }),
    path: 'services.0.principal.isLegalRepresentative',
  },
  {
    code: 'subject.capitalMismatch',
    fail: (c) => {
      licenceCase(c);
      c.subject.registeredCapitalCny = 10_000_000;
    },
    pass: licenceCase,
    path: 'subject.registeredCapitalCny',
  },
  {
    code: 'subject.sharesNotWhole',
    fail: (c) => {
      licenceCase(c);
      c.subject.shareholders[0]!.sharePct = 90;
    },
    pass: licenceCase,
  },
  {
    code: 'subject.shareholderOwnersMissing',
    fail: licenceCase,
    pass: (c) => {
      licenceCase(c);
      c.subject.shareholders[0]!.owners = [
        {
          name: '托马斯·施密特',
          nameLatin: 'SCHMIDT THOMAS',
          kind: 'individual',
          country: 'DE',
          certificateNumber: 'C4J8R2T61',
          sharePct: 100,
        },
      ];
    },
    path: 'subject.shareholders.0.owners',
  },
  {
    code: 'licence.categoryWithoutBusiness',
    fail: licenceCategories(['paid_membership'], 'both'),
    pass: licenceCategories(['paid_membership', 'marketplace_third_party'], 'both'),
    path: 'answers.licenceCategory',
  },
  {
    code: 'rename.filedUnderUnknown',
    fail: (c) => void (c.subject.formerNames = [FORMER(null)]),
    pass: (c) => void (c.subject.formerNames = [FORMER(false)]),
    path: 'subject.formerNames.0.filedUnder',
  },
  {
    code: 'rename.filingNumberMissing',
    fail: (c) => void (c.subject.formerNames = [FORMER(true)]),
    pass: (c) => {
      c.subject.formerNames = [FORMER(true)];
      c.subject.filingNumber = '沪ICP备2021012345号';
    },
    path: 'subject.filingNumber',
  },
  {
    code: 'privacy.sensitiveMismatch',
    fail: (c) => void (c.personalData[3]!.sensitiveCategories = []),
    path: 'personalData.3.sensitiveCategories',
  },
  {
    code: 'privacy.contactNotDedicated',
    fail: (c) => void (c.subject.privacyContactEmail = c.principal.email),
    path: 'subject.privacyContactEmail',
  },
];

/** A former name of the sample's company; `filedUnder`: whether an ICP filing was made under it. */
const FORMER = (filedUnder: boolean | null) => ({
  name: '上海澜岸商贸有限公司',
  changedOn: '2024-01-01',
  filedUnder,
});

const STAFF = {
  name: '李强',
  role: '技术负责人',
  title: '技术总监',
  education: '本科',
  experience: '十年互联网系统研发经验。',
  phone: '13651823947',
  idType: 'resident_id' as const,
  idNumber: '',
  socialInsurance: true,
};

/**
 * Rules no case edit can raise with the bundled templates: the cross-document check finds contradictions
 * in template wording, so test/core/documents/consistency.test.ts plants them in a template instead.
 */
const TEMPLATE_RULES = new Set(['documents.contradiction']);

describe('checkCase — the sample', () => {
  it('a complete sample has no errors (warnings allowed)', () => {
    const errors = check(completeSample()).filter((i) => i.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('without attachments, the sample has only missing-document errors', () => {
    const errors = check(sample()).filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((e) => e.code))).toEqual(
      new Set(['document.missing', 'people.authorizationLetterMissing']),
    );
    expect(errors.every((e) => e.step === 'documents' && e.path.startsWith('attachments:'))).toBe(true);
  });
});

describe('checkCase — a sideways scan', () => {
  it('is reported once, with the turn as its fix, and not as a format problem', () => {
    const c = completeSample();
    c.attachments = c.attachments.map((a) =>
      a.checklistItemId === 'subject-certificate' ? { ...a, turnToUpright: 270 as const } : a,
    );
    const errors = check(c).filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.code)).toEqual(['document.sideways']);
    expect(errors[0]?.message.en).toMatch(/lies on its side \(turn it 270° clockwise\)/);
    expect(errors[0]?.fix.en).toMatch(/Turn it upright/);
  });
});

describe('checkCase — every rejection rule fails and passes', () => {
  it('the table covers every rule in preflight-rules.json', () => {
    expect(ROWS.map((r) => r.code).sort()).toEqual(
      PREFLIGHT.rules
        .map((r) => r.code)
        .filter((c) => !TEMPLATE_RULES.has(c))
        .sort(),
    );
  });

  it.each(ROWS)('$code is raised', ({ code, fail, base, path }) => {
    const issues = check(variant(fail, base)).filter((i) => i.code === code);
    expect(issues.length).toBeGreaterThan(0);
    if (path) expect(issues.map((i) => i.path)).toContain(path);
    for (const i of issues) {
      expect(i.message.en.length).toBeGreaterThan(5);
      expect(i.message['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(i.fix['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(i.message.en).not.toMatch(/\{\w+\}/);
      expect(i.ruleId).toMatch(/^PF\d+$/);
      expect(i.key).toBe(`${i.code}@${i.path}`);
    }
  });

  it.each(ROWS)('$code is not raised when the case is right', ({ code, pass, base }) => {
    expect(codes(variant(pass ?? noop, base))).not.toContain(code);
  });
});

describe('checkCase — field validators and bookkeeping', () => {
  it('runs the validators over the fields, with paths and steps', () => {
    const c = variant((x) => {
      x.subject.certificateNumber = '91310115MA1K4R7C5B';
      mini(x).appId = 'wx123';
      x.principal.mobile = '1234';
      x.principal.email = 'not-an-email';
    });
    const issues = check(c);
    const at = (path: string) => issues.filter((i) => i.path === path);
    expect(at('subject.certificateNumber').map((i) => i.code)).toContain('uscc.checksum');
    expect(at('subject.certificateNumber')[0]?.step).toBe('applicant');
    expect(at('services.0.appId')[0]?.step).toBe('services');
    expect(at('principal.mobile').length).toBeGreaterThan(0);
    expect(at('principal.email').length).toBeGreaterThan(0);
  });

  it('the keyword screen ignores WeChat Pay and Alipay but not finance words', () => {
    expect(mini(completeSample()).remarks).toContain('微信支付');
    const flagged = check(variant((c) => void (mini(c).contentDescription = '家居分期理财服务')));
    expect(flagged.find((i) => i.code === 'service.sectorKeyword')?.params?.keyword).toBe('理财');
  });

  it('checks names against the naming rules', () => {
    const issues = check(variant((c) => void (mini(c).name = '澜岸小程序')));
    expect(issues.some((i) => i.path === 'services.0.name' && i.severity === 'error')).toBe(true);
  });

  it('marks acknowledged warnings, never errors', () => {
    const c = completeSample();
    const warning = check(c).find((i) => i.severity === 'warning');
    expect(warning).toBeDefined();
    c.acknowledged = [warning!.key, 'document.missing@attachments:subject-certificate'];
    c.attachments = c.attachments.filter((a) => a.checklistItemId !== 'subject-certificate');
    const after = check(c);
    expect(after.find((i) => i.key === warning!.key)?.acknowledged).toBe(true);
    expect(after.find((i) => i.code === 'document.missing')?.acknowledged).toBe(false);
  });

  it('keys are unique and issues come grouped by step', () => {
    const issues = check(sample());
    expect(new Set(issues.map((i) => i.key)).size).toBe(issues.length);
    const steps = issues.map((i) => i.step);
    const order = ['pathway', 'applicant', 'people', 'services', 'documents'];
    expect([...steps].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(steps);
  });

  it('never advises a last submission day that has already passed', () => {
    const soon = (validTo: string) =>
      check(variant((c) => void (c.subject.certificateValidTo = validTo))).find(
        (i) => i.code === 'document.expiresBeforeReviewEnds',
      )!;
    // Ends in three weeks: no submission from today on keeps it valid long enough.
    const late = soon('2026-12-21');
    const days = (text: string) => [...text.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0]);
    expect(days(late.fix.en).every((d) => d >= TODAY)).toBe(true);
    expect(days(late.fix['zh-CN']).every((d) => d >= TODAY)).toBe(true);
    expect(late.fix.en).toMatch(/renew/i);
    expect(late.fix['zh-CN']).toContain('续');
    // Ends later: the last day that still works is named, and it lies ahead.
    const roomy = check(variant((c) => void (c.subject.certificateValidTo = '2027-04-20'))).find(
      (i) => i.code === 'document.expiresBeforeReviewEnds',
    );
    if (roomy) {
      expect(days(roomy.fix.en).length).toBe(1);
      expect(days(roomy.fix.en)[0]! >= TODAY).toBe(true);
    }
  });

  it('refuses Latin-only text in Chinese-only fields (job title, 备注, access provider, server location) with a clear message', () => {
    const issuesAt = (c: Case, path: string) =>
      check(c)
        .filter((i) => i.path === path)
        .map((i) => i.code);
    const c = variant((c) => {
      c.principal.title = 'Operations Manager';
      mini(c).remarks = 'We sell home goods in our own WeChat shop to customers in China.';
    });
    expect(issuesAt(c, 'principal.title')).toContain('chinese.latinRefused');
    expect(issuesAt(c, 'services.0.remarks')).toContain('chinese.latinRefused');
    const message = check(c).find((i) => i.path === 'principal.title' && i.code === 'chinese.latinRefused')!;
    expect(message.message.en).toMatch(/Chinese characters/);
    expect(message.fix.en).toMatch(/pick|list/i);
    const web = websiteSample();
    const site = web.services[0]!;
    if (site.kind !== 'website') throw new Error('website');
    site.accessProvider = 'Alibaba Cloud';
    site.serverLocation = 'Shanghai';
    expect(issuesAt(web, 'services.0.accessProvider')).toContain('chinese.latinRefused');
    expect(issuesAt(web, 'services.0.serverLocation')).toContain('chinese.latinRefused');
    // Chinese with a brand or an acronym in Latin letters is fine; so is a passport holder's Latin name.
    const mixed = variant((c) => {
      c.principal.title = 'IT经理';
      c.principal.idType = 'passport';
      c.principal.name = 'SCHMIDT ANNA';
    });
    expect(issuesAt(mixed, 'principal.title')).not.toContain('chinese.latinRefused');
    expect(issuesAt(mixed, 'principal.name')).not.toContain('chinese.latinRefused');
  });

  it('writes dates in Chinese findings as 2026年10月31日, never as ISO dates', () => {
    const issue = check(variant((c) => void (c.subject.certificateValidTo = '2026-12-21'))).find(
      (i) => i.code === 'document.expiresBeforeReviewEnds',
    );
    expect(issue).toBeDefined();
    expect(issue!.message['zh-CN'] + issue!.fix['zh-CN']).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(issue!.message['zh-CN']).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(issue!.message.en).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('an empty case is incomplete, not a crash', () => {
    const c = structuredClone(sample());
    c.answers = answers({ surfaces: [], mainlandHosting: null, subject: null, activities: [] });
    expect(codes(c)).toContain('pathway.incomplete');
  });
});

describe('checkCase — a foreign legal representative where only he may be the person in charge', () => {
  const wayForward = (c: Case) => check(c).find((i) => i.code === 'people.foreignLegalRepPrincipal');

  it('Shanghai: passport, and a Shanghai number in his own name or a face check in Shanghai; marked unclear', () => {
    const issue = wayForward(completeSample());
    expect(issue).toMatchObject({ severity: 'warning', step: 'people', confidence: 'unclear' });
    expect(issue?.message.en).toContain('Shanghai takes only the legal representative');
    expect(issue?.message.en).toContain(
      'a Shanghai mobile number (or a face check in Shanghai) registered in their own name',
    );
    expect(issue?.message['zh-CN']).toContain('上海手机号码（或在上海当面核验）');
    expect(issue?.fix.en).toContain('ask your filing provider');
    // The sample's legal representative is a woman: the English never assumes a gender, and the phone
    // phrase reads as English in the fix ("his own a Shanghai mobile number" was printed).
    for (const en of [issue?.message.en ?? '', issue?.fix.en ?? ''])
      expect(en).not.toMatch(/\b(he|his|him|himself)\b/i);
    expect(issue?.fix.en).toContain(
      'a Shanghai mobile number (or a face check in Shanghai) registered in their own name',
    );
    expect(issue?.source).toContain('intl.cloud.tencent.com/document/product/1022/31671');
  });

  it('a province without a local-number rule asks for a mainland number; Hebei keeps its own rule', () => {
    const zhejiang = variant((c) => {
      c.answers.province = '330000';
      Object.assign(c.subject, { province: '330000', city: '330100', district: '330102' });
    });
    expect(wayForward(zhejiang)?.message.en).toContain(
      'gives a mainland mobile number registered in their own name',
    );
    const hebei = variant((c) => {
      c.answers.province = '130000';
      Object.assign(c.subject, { province: '130000', city: '130100', district: '130102' });
    });
    expect(wayForward(hebei)).toBeUndefined();
    expect(codes(hebei)).toContain('people.foreignPrincipalNeedsChinese');
  });
});
