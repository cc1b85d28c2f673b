import { describe, expect, it } from 'vitest';
import { NAMING_RULES, validateServiceName, type ServiceNameOptions } from '../../../core/validate';
import { codes, issueWith } from './helpers';

const orgSite: ServiceNameOptions = { service: 'website', subjectType: 'organization', province: '310000' };
const personalSite: ServiceNameOptions = { service: 'website', subjectType: 'personal', province: '310000' };

describe('validateServiceName — websites', () => {
  it.each(['星河科技官网', '云帆企业服务平台', '张三的摄影作品集'])('accepts %s', (name) => {
    expect(validateServiceName(name, orgSite)).toEqual([]);
  });

  it.each([
    ['中国好物网', 'naming.reservedWord'],
    ['中华美食', 'naming.reservedWord'],
    ['国家标准查询', 'naming.reservedWord'],
    ['人民之声', 'naming.reservedWord'],
    ['123456', 'naming.digitsOnly'],
    ['MyCompany', 'naming.lettersOnly'],
    ['星河★科技', 'naming.specialSymbols'],
    ['星河', 'naming.tooShort'],
  ])('%s → %s (error)', (name, code) => {
    const issue = issueWith(validateServiceName(name, orgSite), code);
    expect(issue.severity).toBe('error');
    expect(issue.params?.rule).toBeTruthy();
  });

  it('lets an approval waive the reserved words', () => {
    expect(
      validateServiceName('中国好物网', { ...orgSite, approvals: { reservedWordApproval: true } }),
    ).toEqual([]);
  });

  it('warns on pre-approval keywords and names the field in both languages', () => {
    const issue = issueWith(validateServiceName('星河新闻网', orgSite), 'naming.preApprovalWord');
    expect(issue.severity).toBe('warning');
    expect(issue.message.en).toContain('(news)');
    expect(issue.message['zh-CN']).toContain('（新闻）');
    expect(validateServiceName('星河新闻网', { ...orgSite, approvals: { preApproval: true } })).toEqual([]);
    expect(codes(validateServiceName('星河理财', orgSite))).toEqual(['naming.preApprovalWord']);
  });

  it('applies the personal-filing rules only to personal filings', () => {
    expect(codes(validateServiceName('星河科技公司', personalSite))).toEqual([
      'naming.personalOrganizationWord',
    ]);
    expect(codes(validateServiceName('二手交易小站', personalSite))).toEqual([
      'naming.personalOrganizationWord',
    ]);
    expect(codes(validateServiceName('张三的个人博客', personalSite))).toEqual([
      'naming.personalDiscouraged',
    ]);
    expect(codes(validateServiceName('example.com', personalSite))).toContain('naming.domainAsName');
    expect(validateServiceName('星河科技公司', orgSite)).toEqual([]);
  });

  it('applies province rules only in their province', () => {
    expect(codes(validateServiceName('Star 科技', { ...orgSite, province: '440000' }))).toEqual([
      'naming.specialSymbols',
    ]);
    expect(codes(validateServiceName('张三个人网站', { ...orgSite, province: '410000' }))).toEqual([
      'naming.provinceWord',
    ]);
    expect(validateServiceName('张三个人网站', orgSite)).toEqual([]);
    const sichuan = issueWith(
      validateServiceName('星河云服务', { ...orgSite, province: '510000', unitName: '成都星河科技有限公司' }),
      'naming.differsFromUnit',
    );
    expect(sichuan.message['zh-CN']).toContain('四川省');
    expect(
      validateServiceName('成都星河科技有限公司', {
        ...orgSite,
        province: '510000',
        unitName: '成都星河科技有限公司',
      }),
    ).toEqual([]);
  });

  it("reports Henan's own rule beside the national one, each once", () => {
    const issues = validateServiceName('中国星河网', { ...orgSite, province: '410000' });
    expect(codes(issues)).toEqual(['naming.reservedWord', 'naming.provinceWord']);
  });
});

describe('validateServiceName — mini-programs and Apps', () => {
  it('refuses WeChat reserved words', () => {
    const options: ServiceNameOptions = { service: 'miniProgram', platform: 'wechat' };
    expect(validateServiceName('星河预约', options)).toEqual([]);
    expect(codes(validateServiceName('星河预约小程序', options))).toEqual(['naming.platformWord']);
    expect(codes(validateServiceName('微信助手', options))).toEqual(['naming.platformWord']);
  });

  it('applies the Douyin length (Chinese counts 2) and character rules', () => {
    const options: ServiceNameOptions = { service: 'miniProgram', platform: 'douyin' };
    expect(validateServiceName('星河预约', options)).toEqual([]);
    expect(validateServiceName('星河预约+', options)).toEqual([]);
    expect(codes(validateServiceName('星', options))).toEqual(['naming.douyinLength']);
    expect(codes(validateServiceName('星河预约星河预约星河预约', options))).toEqual(['naming.douyinLength']);
    expect(codes(validateServiceName('星河-预约', options))).toEqual(['naming.douyinCharset']);
  });

  it('refuses emoji and warns on marketing words in App names', () => {
    const options: ServiceNameOptions = { service: 'app' };
    expect(validateServiceName('星河记账', options)).toEqual([]);
    expect(codes(validateServiceName('星河记账🎉', options))).toEqual(['naming.emoji']);
    expect(validateServiceName('免费星河记账', options)).toEqual([
      expect.objectContaining({ code: 'naming.marketingWord', severity: 'warning' }),
    ]);
  });
});

describe('naming rule data', () => {
  it('every rule has a source, an as-of date, a confidence and a known check', () => {
    const checks = new Set([
      'containsAny',
      'digitsOnly',
      'lettersOnly',
      'specialSymbols',
      'minLength',
      'equalsDomain',
      'mustContainChinese',
      'differsFromUnitName',
      'douyinCharset',
      'lengthWideAsTwo',
      'emoji',
    ]);
    const ids = new Set<string>();
    for (const rule of NAMING_RULES) {
      expect(ids.has(rule.id), rule.id).toBe(false);
      ids.add(rule.id);
      expect(rule.source.length, rule.id).toBeGreaterThan(10);
      expect(rule.asOf, rule.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['law', 'official', 'practitioner', 'unclear'], rule.id).toContain(rule.confidence);
      expect(checks.has(rule.check.type), rule.id).toBe(true);
      expect(['error', 'warning'], rule.id).toContain(rule.severity);
    }
  });
});
