import { describe, expect, it } from 'vitest';
import { PersonSchema, PrincipalSchema, type Case } from '../../../core/model/case';
import { buildChecklist, decidePathway, type ChecklistItem } from '../../../core/rules';
import { TODAY, answers, attachment, sample } from './helpers';

function checklistOf(c: Case): ChecklistItem[] {
  return buildChecklist(c, decidePathway(c.answers), { today: TODAY });
}
const ids = (c: Case) => checklistOf(c).map((i) => i.id);
const item = (c: Case, id: string) => checklistOf(c).find((i) => i.id === id);

/** A domestic company filing one website in Jiangsu; its legal representative is the principal. */
function websiteCase(): Case {
  const c = sample();
  return {
    ...c,
    answers: answers({ province: '320000' }),
    subject: { ...c.subject, province: '320000', city: '320100', district: '320102' },
    principal: PrincipalSchema.parse({ ...c.services[0]?.principal, isLegalRepresentative: true }),
    // A principal less its isLegalRepresentative flag (the schema refuses keys a person does not have).
    legalRepresentative: PersonSchema.parse(
      Object.fromEntries(
        Object.entries(c.services[0]?.principal ?? {}).filter(([k]) => k !== 'isLegalRepresentative'),
      ),
    ),
    services: [
      {
        kind: 'website',
        id: 'web-1',
        name: '澜岸家居',
        contentDescription: '企业介绍',
        languages: ['zh-CN'],
        preApprovals: [],
        principal: null,
        remarks: '',
        domains: ['lanan.cn'],
        homeUrl: 'https://www.lanan.cn',
        domainHolder: c.subject.name,
        domainExpiresOn: '2030-01-01',
        accessProvider: '阿里云计算有限公司',
        serverLocation: '上海',
        ipAddresses: [],
      },
    ],
  };
}

/** An App with nothing filed yet, as id `app-1`. */
function app1(): Case['services'][number] {
  return {
    kind: 'app',
    id: 'app-1',
    name: '澜岸家居',
    contentDescription: '家居',
    languages: ['zh-CN'],
    preApprovals: [],
    principal: null,
    remarks: '',
    platforms: [],
    domains: [],
    sdks: [],
    accessProvider: '',
    ipAddresses: [],
  };
}

describe('buildChecklist — conditions', () => {
  it('the sample: its own documents, the authorisation letter, the mini-program principal, no licence items', () => {
    expect(ids(sample())).toEqual([
      'subject-certificate',
      'principal-passport',
      'authorization-letter',
      'service-principal-id-front@svc-mini-1',
      'service-principal-id-back@svc-mini-1',
      'live-verification',
      // The generated commitment letter is in the packet: its line takes the signed scan (WeChat takes it
      // as an optional material beside the platform's own).
      'commitment-letter',
      'commitment-letter-platform',
      'no-preapproval-statement',
    ]);
  });

  it('authorisation letter only when a person in charge is not the legal representative', () => {
    const c = websiteCase();
    expect(ids(c)).not.toContain('authorization-letter');
    c.principal = { ...c.principal, isLegalRepresentative: false };
    expect(ids(c)).toContain('authorization-letter');
  });

  it("a foreign legal representative's passport when someone else is the principal; ID card sides otherwise", () => {
    const c = sample();
    expect(ids(c)).not.toContain('legal-rep-passport'); // the principal is the legal representative
    c.principal = PrincipalSchema.parse({ ...c.services[0]?.principal, isLegalRepresentative: false });
    expect(ids(c)).toEqual(
      expect.arrayContaining(['legal-rep-passport', 'principal-id-front', 'principal-id-back']),
    );
    c.legalRepresentative = { ...c.legalRepresentative, idType: 'resident_id' };
    expect(ids(c)).toEqual(expect.arrayContaining(['legal-rep-id-front', 'legal-rep-id-back']));
    expect(ids(c)).not.toContain('legal-rep-passport');
  });

  it('one pre-approval permit per sector, named after the permit', () => {
    const c = websiteCase();
    c.answers = answers({ province: '320000', sectors: ['drugs_devices'] });
    const pre = item(c, 'pre-approval@drugs_devices');
    expect(pre?.name['zh-CN']).toBe('前置审批文件：互联网药品信息服务资格证书');
    expect(pre?.importance).toBe('required');
    // The pre-approval statement lists the permit: still a document signed by hand, on its line.
    expect(item(c, 'no-preapproval-statement')?.signing?.templateId).toBe('pre-approval-statement');
  });

  it('rename letter only for a filing made under a former name', () => {
    const c = websiteCase();
    expect(ids(c)).not.toContain('rename-letter');
    const renamed = (filedUnder: boolean | null) => ({
      ...c.subject,
      formerNames: [{ name: '上海澜岸商贸有限公司', changedOn: '2024-01-01', filedUnder }],
    });
    // Not answered yet, or nothing filed under the old name: no letter is demanded.
    c.subject = renamed(null);
    expect(ids(c)).not.toContain('rename-letter');
    c.subject = renamed(false);
    expect(ids(c)).not.toContain('rename-letter');
    c.subject = renamed(true);
    expect(ids(c)).toContain('rename-letter');
  });

  it('website items: domain certificate per site, required in Jiangsu, recommended in Shanghai', () => {
    const c = websiteCase();
    expect(item(c, 'domain-certificate@web-1')?.importance).toBe('required');
    expect(ids(c)).toContain('jiangsu-authenticity-letters');
    c.answers = answers({ province: '310000' });
    expect(item(c, 'domain-certificate@web-1')?.importance).toBe('recommended');
    expect(ids(c)).toContain('verification-form');
  });

  it('an App icon per App', () => {
    const c = websiteCase();
    c.services.push(app1());
    expect(item(c, 'app-icon@app-1')?.format?.maxBytes).toBe(100_000);
  });

  it('licence materials for the licence pathway: required when firm, recommended while disputed', () => {
    const c = websiteCase();
    expect(ids(c)).not.toContain('articles-of-association');
    c.answers = answers({ province: '320000', activities: ['paid_membership'] });
    expect(item(c, 'articles-of-association')?.importance).toBe('required');
    // The plan carries the company seal: printed for signing, and missing until its signed scan is back.
    expect(item(c, 'business-technical-plan')).toMatchObject({
      status: 'missing',
      signing: { templateId: 'business-plan', state: 'none' },
    });
    c.answers = answers({ province: '320000', activities: ['ads_revenue'] });
    expect(item(c, 'articles-of-association')?.importance).toBe('recommended');
  });

  it("names the filing subject's identity document from the decision (issue 15)", () => {
    const c = websiteCase();
    expect(item(c, 'subject-certificate')?.name.en).toContain('Business licence');
    c.answers = answers({ subject: 'rep_office' });
    expect(item(c, 'subject-certificate')?.name['zh-CN']).toContain('外国（地区）企业常驻代表机构登记证');
  });

  it('nothing to file when hosted abroad', () => {
    const c = websiteCase();
    c.answers = answers({ mainlandHosting: false });
    expect(ids(c)).toEqual([]);
  });
});

describe('buildChecklist — status from attachments', () => {
  it('missing, then provided; live and platform items are done at submission', () => {
    const c = sample();
    expect(item(c, 'subject-certificate')?.status).toBe('missing');
    expect(item(c, 'live-verification')?.status).toBe('at_submission');
    c.attachments = [attachment('subject-certificate')];
    const provided = item(c, 'subject-certificate');
    expect(provided?.status).toBe('provided');
    expect(provided?.attachmentIds).toEqual([c.attachments[0]?.id]);
  });

  it('invalid when the file breaks the format rules', () => {
    const c = sample();
    c.attachments = [attachment('subject-certificate', { widthPx: 640, heightPx: 480 })];
    const small = item(c, 'subject-certificate');
    expect(small?.status).toBe('invalid');
    expect(small?.problems[0]?.en).toMatch(/too small/);
    c.attachments = [
      attachment('subject-certificate', {
        mediaType: 'application/pdf',
        widthPx: undefined,
        heightPx: undefined,
      }),
      attachment('subject-certificate'),
    ];
    expect(item(c, 'subject-certificate')?.problems[0]?.en).toMatch(/at most 1/);
  });

  it('a scan lying on its side or upside down is never "provided": invalid, saying how to turn it', () => {
    const c = sample();
    c.attachments = [attachment('subject-certificate', { turnToUpright: 90 })];
    const sideways = item(c, 'subject-certificate');
    expect(sideways?.status).toBe('invalid');
    expect(sideways?.sideways).toEqual([
      expect.objectContaining({ attachmentId: c.attachments[0]?.id, turn: 90 }),
    ]);
    expect(sideways?.problems.map((p) => p.en)).toEqual([
      expect.stringMatching(/on its side.*90° clockwise/),
    ]);
    // Upside down, and an ID card side that would otherwise only be expiring.
    c.plannedSubmissionOn = '2026-12-01';
    c.attachments = [attachment('principal-passport', { validTo: '2027-01-15', turnToUpright: 180 })];
    const passport = item(c, 'principal-passport');
    expect(passport?.status).toBe('invalid');
    expect(passport?.problems.map((p) => p['zh-CN'])).toContain(
      'principal-passport.jpg：扫描件上下颠倒，提交前请先转正。',
    );
  });

  it('invalid when an App icon is over 100 KB', () => {
    const c = websiteCase();
    c.services.push(app1());
    c.attachments = [
      attachment('app-icon@app-1', { mediaType: 'image/png', bytes: 240_000, widthPx: 512, heightPx: 512 }),
    ];
    expect(item(c, 'app-icon@app-1')?.status).toBe('invalid');
  });

  it('writes an oversize file’s size and the limit the way the rest of the UI writes sizes', () => {
    const c = websiteCase();
    c.services.push(app1());
    c.attachments = [
      attachment('app-icon@app-1', { mediaType: 'image/png', bytes: 1_240_000, widthPx: 512, heightPx: 512 }),
    ];
    const problems = item(c, 'app-icon@app-1')?.problems ?? [];
    expect(problems.map((p) => p.en).join(' ')).toContain('1.2 MB is larger than the 100 KB limit');
    expect(problems.map((p) => p['zh-CN']).join('')).toContain('文件大小 1.2 MB，超过 100 KB 的上限');
  });

  it('expiring when the document runs out within the validity window; invalid once expired', () => {
    const c = sample();
    c.plannedSubmissionOn = '2026-12-01';
    c.attachments = [attachment('principal-passport', { validTo: '2027-01-15' })];
    const soon = item(c, 'principal-passport');
    expect(soon?.status).toBe('expiring');
    expect(soon?.validTo).toBe('2027-01-15');
    c.attachments = [attachment('principal-passport', { validTo: '2026-11-30' })];
    expect(item(c, 'principal-passport')?.status).toBe('invalid');
  });

  it("takes the case field's validity date into account (the ID in the form)", () => {
    const c = sample();
    c.principal = { ...c.principal, idValidTo: '2027-01-10' };
    c.attachments = [attachment('principal-passport')];
    expect(item(c, 'principal-passport')?.status).toBe('expiring');
  });

  it('pre-approval scans attached through the service count for the sector item', () => {
    const c = websiteCase();
    c.answers = answers({ province: '320000', sectors: ['culture'] });
    const scan = attachment('other');
    c.attachments = [scan];
    c.services[0] = {
      ...c.services[0]!,
      preApprovals: [
        {
          sector: 'culture',
          permitName: '网络文化经营许可证',
          approvalNumber: '苏网文〔2025〕1234-056号',
          issuedBy: '',
          validTo: '2029-01-01',
          attachmentIds: [scan.id],
        },
      ],
    };
    expect(item(c, 'pre-approval@culture')?.status).toBe('provided');
  });
});

describe('buildChecklist — provincial and personal items', () => {
  const inProvince = (province: string, city: string, district: string) => (c: Case) => {
    c.answers = answers({ province });
    c.subject = { ...c.subject, province, city, district };
  };
  it.each<[string, (c: Case) => void, string, 'required' | 'recommended']>([
    [
      'Xinjiang: party-building letter',
      inProvince('650000', '650100', '650102'),
      'party-building-letter',
      'required',
    ],
    [
      'Guangdong: commitment letter becomes required',
      inProvince('440000', '440100', '440103'),
      'commitment-letter',
      'required',
    ],
    [
      'Guangdong finance site: finance undertaking',
      (c) => {
        inProvince('440000', '440100', '440103')(c);
        c.answers = answers({ province: '440000', sectors: ['finance'] });
      },
      'guangdong-finance-undertaking',
      'required',
    ],
    [
      'individual out of province: residence proof',
      (c) => {
        c.subject = { ...c.subject, certificateType: 'resident_id', certificateNumber: '11010519491231002X' };
        c.answers = answers({ subject: 'cn_individual', province: '320000' });
        c.principal = { ...c.principal, idType: 'resident_id', idNumber: '11010519491231002X' };
      },
      'residence-proof',
      'required',
    ],
    [
      'individual in Beijing: photo holding the ID',
      (c) => {
        c.subject = { ...c.subject, certificateType: 'resident_id', certificateNumber: '11010519491231002X' };
        c.answers = answers({ subject: 'cn_individual', province: '110000' });
      },
      'holding-id-photo',
      'required',
    ],
    [
      'five websites: construction plan',
      (c) => {
        const site = c.services[0]!;
        c.services = Array.from({ length: 5 }, (_, i) => ({ ...site, id: `web-${i}` }));
      },
      'construction-plan',
      'recommended',
    ],
  ])('%s', (_name, mutate, id, importance) => {
    const c = websiteCase();
    // Absent before, or only recommended (the Guangdong commitment letter).
    const before = item(c, id);
    mutate(c);
    expect(before?.importance).not.toBe(importance);
    expect(item(c, id)?.importance).toBe(importance);
  });

  it('an individual files no business licence', () => {
    const c = websiteCase();
    c.subject = { ...c.subject, certificateType: 'resident_id' };
    c.answers = answers({ subject: 'cn_individual', province: '320000' });
    expect(ids(c)).not.toContain('subject-certificate');
  });
});
