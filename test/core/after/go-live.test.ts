import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  checkGoLiveNumbers,
  footerFor,
  footerSnippets,
  formatPublicSecurityNumber,
  publicSecurityGuidance,
} from '../../../core/after/go-live';
import { sampleCase, type Case, type Service } from '../../../core/model';

const NOW = new Date('2026-11-20T02:00:00Z');
const TODAY = '2026-12-03';

function withServices(services: Service[], province = '310000'): Case {
  const c = sampleCase(NOW);
  return { ...c, services, subject: { ...c.subject, province } };
}

/** `c` with these go-live fields set (the numbers, the date it went live). */
function withAfterApproval(c: Case, fields: Partial<Case['afterApproval']>): Case {
  return { ...c, afterApproval: { ...c.afterApproval, ...fields } };
}

const base = sampleCase(NOW).services[0]!;
const website: Service = {
  ...base,
  kind: 'website',
  id: 'web',
  name: '澜岸家居',
  domains: ['lanan-home.cn'],
  homeUrl: '',
  domainHolder: '',
  domainExpiresOn: '',
  accessProvider: '阿里云计算有限公司',
  serverLocation: '上海',
  ipAddresses: ['47.100.1.2'],
} as Service;
const app: Service = {
  ...base,
  kind: 'app',
  id: 'app',
  name: '澜岸家居App',
  platforms: [],
  domains: [],
  sdks: [],
  accessProvider: '',
  ipAddresses: [],
} as Service;
const mini = { ...base, id: 'mini' } as Service;

function parseHtml(html: string) {
  const window = new Window();
  return new window.DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}
function parseXml(xml: string) {
  const window = new Window();
  return new window.DOMParser().parseFromString(xml, 'application/xml');
}

describe('number formats of the go-live kit', () => {
  it.each([
    ['afterApproval.filingNumber', { filingNumber: '京ICP备16020626号' }],
    ['afterApproval.filingNumber', { filingNumber: '沪ICP备2026012345号' }],
    ['afterApproval.filingNumber', { filingNumber: '粤B2-20090059' }],
    ['afterApproval.licenceNumber', { licenceNumber: '粤B2-20090059' }],
    ['afterApproval.licenceNumber', { licenceNumber: '京ICP证030173号' }],
    ['afterApproval.publicSecurityNumber', { publicSecurityNumber: '京公网安备 11010202009201号' }],
    ['afterApproval.publicSecurityNumber', { publicSecurityNumber: '粤公网安备44140202000117号' }],
  ])('accepts %s = %j', (_path, fields) => {
    const c = sampleCase(NOW);
    expect(checkGoLiveNumbers(withAfterApproval(c, fields), TODAY)).toEqual([]);
  });

  it.each([
    ['afterApproval.filingNumber', { filingNumber: '京ICP备16020626' }, 'icpNumber.missingHao'],
    ['afterApproval.filingNumber', { filingNumber: '京ICP备1602062号' }, 'icpNumber.serialLength'],
    ['afterApproval.filingNumber', { filingNumber: '京ICP备16020626号-1' }, 'icpNumber.kind'],
    ['afterApproval.filingNumber', { filingNumber: '云ICP备16020626号' }, 'icpNumber.wrongPrefix'],
    ['afterApproval.licenceNumber', { licenceNumber: '粤B2-2009005' }, 'icpNumber.format'],
    [
      'afterApproval.publicSecurityNumber',
      { publicSecurityNumber: '京公网安备 1101020200920号' },
      'icpNumber.publicSecurityFormat',
    ],
    [
      'afterApproval.publicSecurityNumber',
      { publicSecurityNumber: '京ICP备16020626号' },
      'icpNumber.publicSecurityFormat',
    ],
  ])('refuses %s = %j with %s', (path, fields, code) => {
    const c = sampleCase(NOW);
    const findings = checkGoLiveNumbers(withAfterApproval(c, fields), TODAY);
    expect(findings.map((f) => f.path)).toEqual([path]);
    expect(findings[0]?.issues.map((i) => i.code)).toContain(code);
    expect(findings[0]?.issues[0]?.message['zh-CN'].length).toBeGreaterThan(0);
  });

  it('checks each service number against its surface: -N website, -NA app, -NX mini-program', () => {
    const c = withServices([website, app, mini]);
    const ok = withAfterApproval(c, {
      filingNumber: '沪ICP备2026012345号',
      serviceNumbers: [
        { serviceId: 'web', number: '沪ICP备2026012345号-1' },
        { serviceId: 'app', number: '沪ICP备2026012345号-2A' },
        { serviceId: 'mini', number: '沪ICP备2026012345号-3X' },
      ],
    });
    expect(checkGoLiveNumbers(ok, TODAY)).toEqual([]);
    const swapped = withAfterApproval(ok, {
      serviceNumbers: [
        { serviceId: 'web', number: '沪ICP备2026012345号-2A' },
        { serviceId: 'app', number: '沪ICP备2026012346号-2A' },
      ],
    });
    const findings = checkGoLiveNumbers(swapped, TODAY);
    expect(findings.map((f) => [f.path, f.issues[0]?.code])).toEqual([
      ['afterApproval.serviceNumbers.web', 'icpNumber.kind'],
      ['afterApproval.serviceNumbers.app', 'goLive.serviceNumberMismatch'],
    ]);
  });

  it('formats the public-security number with one space, as footers show it', () => {
    expect(formatPublicSecurityNumber('京公网安备11010202009201号')).toBe('京公网安备 11010202009201号');
    expect(formatPublicSecurityNumber('京公网安备 1101020200920号')).toBeUndefined();
  });
});

describe('which number each surface shows', () => {
  const numbers = (c: Case): Case =>
    withAfterApproval(c, {
      filingNumber: '粤ICP备16020626号',
      serviceNumbers: [
        { serviceId: 'web', number: '粤ICP备16020626号-8' },
        { serviceId: 'app', number: '粤ICP备16020626号-2A' },
        { serviceId: 'mini', number: '粤ICP备16020626号-3X' },
      ],
    });

  it('Guangdong website: the subject number by the province rule; elsewhere the website number', () => {
    const gd = numbers(withServices([website, app, mini], '440000'));
    expect(footerFor(gd, website, TODAY)).toMatchObject({
      icpNumber: '粤ICP备16020626号',
      numberSource: 'subject',
    });
    expect(footerFor(gd, app, TODAY)).toMatchObject({
      icpNumber: '粤ICP备16020626号-2A',
      numberSource: 'service',
    });
    expect(footerFor(gd, mini, TODAY)).toMatchObject({
      icpNumber: '粤ICP备16020626号-3X',
      numberSource: 'service',
    });
    const sh = numbers(withServices([website], '310000'));
    expect(footerFor(sh, website, TODAY)).toMatchObject({
      icpNumber: '粤ICP备16020626号-8',
      numberSource: 'service',
    });
    const chosen = withAfterApproval(sh, { displayNumber: 'subject' });
    expect(footerFor(chosen, website, TODAY).icpNumber).toBe('粤ICP备16020626号');
  });

  it('falls back to the subject number, and says so, while a service number is missing or invalid', () => {
    const c = numbers(withServices([website]));
    const missing = withAfterApproval(c, {
      serviceNumbers: [{ serviceId: 'web', number: '粤ICP备16020626号-' }],
    });
    expect(footerFor(missing, website, TODAY)).toMatchObject({
      icpNumber: '粤ICP备16020626号',
      numberSource: 'subjectFallback',
    });
  });
});

describe('footer snippets', () => {
  const full = (() => {
    const c = withServices([
      {
        ...website,
        preApprovals: [
          {
            sector: 'drugs_devices',
            permitName: '互联网药品信息服务资格证书',
            approvalNumber: '(沪)-非经营性-2024-0001',
            issuedBy: '',
            validTo: '',
            attachmentIds: [],
          },
        ],
      } as Service,
      mini,
    ]);
    return withAfterApproval(c, {
      filingNumber: '沪ICP备2026012345号',
      serviceNumbers: [
        { serviceId: 'web', number: '沪ICP备2026012345号-1' },
        { serviceId: 'mini', number: '沪ICP备2026012345号-2X' },
      ],
      licenceNumber: '沪B2-20260001',
      publicSecurityNumber: '沪公网安备31011502000001号',
    });
  })();

  it('HTML parses back to one line: licence, the ICP number linked to MIIT, the public-security badge link, permits', () => {
    const line = footerFor(full, full.services[0]!, TODAY);
    const doc = parseHtml(footerSnippets(line).html);
    const footer = doc.querySelector('div.icp-footer');
    expect(footer).not.toBeNull();
    const links = [...doc.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent.trim(), a.getAttribute('href')])).toEqual([
      ['沪ICP备2026012345号-1', 'https://beian.miit.gov.cn/'],
      ['沪公网安备 31011502000001号', 'https://beian.mps.gov.cn/#/query/webSearch?code=31011502000001'],
    ]);
    expect(links.every((a) => a.getAttribute('rel') === 'noopener noreferrer')).toBe(true);
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('');
    expect(footer?.textContent).toContain('沪B2-20260001');
    expect(footer?.textContent).toContain('互联网药品信息服务资格证书：(沪)-非经营性-2024-0001');
    expect(footerSnippets(line).html).not.toContain('\n');
  });

  it('WXML parses back as XML with the mini-program number as text and no link', () => {
    const line = footerFor(full, full.services[1]!, TODAY);
    const snippet = footerSnippets(line).wxml;
    const doc = parseXml(snippet);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.tagName).toBe('view');
    const texts = [...doc.getElementsByTagName('text')].map((t) => t.textContent);
    expect(texts).toContain('沪ICP备2026012345号-2X');
    expect(texts).toContain('沪B2-20260001');
    expect(snippet).not.toContain('公网安备');
    expect(doc.getElementsByTagName('a')).toHaveLength(0);
  });

  it('escapes what it did not validate (permit names typed by the user)', () => {
    const c = {
      ...full,
      services: [
        {
          ...full.services[0]!,
          preApprovals: [{ ...full.services[0]!.preApprovals[0]!, permitName: '<b>许可</b>&"' }],
        } as Service,
      ],
    };
    const html = footerSnippets(footerFor(c, c.services[0]!, TODAY)).html;
    expect(html).toContain('&lt;b&gt;许可&lt;/b&gt;&amp;&quot;');
    expect(parseHtml(html).querySelector('b')).toBeNull();
  });

  it('plain text for an App About screen names the number and the MIIT query site', () => {
    const c = {
      ...withServices([app]),
      afterApproval: {
        ...full.afterApproval,
        serviceNumbers: [{ serviceId: 'app', number: '沪ICP备2026012345号-3A' }],
      },
    };
    expect(footerSnippets(footerFor(c, app, TODAY)).text.split('\n')).toEqual([
      'ICP备案号：沪ICP备2026012345号-3A',
      '增值电信业务经营许可证：沪B2-20260001',
      '备案查询：https://beian.miit.gov.cn/',
    ]);
  });
});

describe('public-security filing guidance', () => {
  it('is due 30 days after going live and lists what the case already holds', () => {
    const c = withServices([website]);
    const live = withAfterApproval(c, { wentLiveOn: '2026-11-20' });
    const g = publicSecurityGuidance(live, TODAY);
    expect(g).toMatchObject({ dueOn: '2026-12-20', daysLeft: 17, done: false });
    expect(g.asks.find((a) => a.id === 'ip')?.fromCase).toBe('47.100.1.2');
    expect(g.asks.find((a) => a.id === 'accessProvider')?.fromCase).toBe('阿里云计算有限公司 · 上海');
    expect(publicSecurityGuidance(c, TODAY).dueOn).toBeUndefined();
  });
});

describe('generative AI on the product (issue 24)', () => {
  const withModels = (use: Case['answers']['generativeAi'], aiModels: Case['afterApproval']['aiModels']) => {
    const c = withAfterApproval(withServices([website, mini]), {
      filingNumber: '沪ICP备2026012345号',
      serviceNumbers: [
        { serviceId: 'web', number: '沪ICP备2026012345号-1' },
        { serviceId: 'mini', number: '沪ICP备2026012345号-2X' },
      ],
      aiModels,
    });
    return { ...c, answers: { ...c.answers, generativeAi: use } };
  };

  it('the footer, the WXML and the About text name each model with its filing number (own model)', () => {
    const c = withModels('own_model', [{ name: '澜岸助手大模型', number: 'Shanghai-LananZhushou-20260301' }]);
    const expected = '生成式人工智能服务：澜岸助手大模型，备案号：Shanghai-LananZhushou-20260301';
    const web = footerSnippets(footerFor(c, website, TODAY));
    expect(parseHtml(web.html).querySelector('div.icp-footer div.ai-disclosure')?.textContent).toBe(expected);
    expect(web.html).not.toContain('\n');
    expect(web.text.split('\n')).toContain(expected);
    const wxml = parseXml(footerSnippets(footerFor(c, mini, TODAY)).wxml);
    expect(wxml.getElementsByTagName('parsererror')).toHaveLength(0);
    expect([...wxml.getElementsByTagName('text')].map((t) => t.textContent)).toContain(expected);
  });

  it('a registered feature names its online number (上线编号); rows half filled in are left out; markup escaped', () => {
    const c = withModels('uses_filed_model', [
      { name: '通义千问<script>', number: 'Zhejiang-2026-0001' },
      { name: '未填编号', number: '' },
    ]);
    const line = footerFor(c, website, TODAY);
    expect(line.aiModels).toHaveLength(1);
    const html = footerSnippets(line).html;
    expect(html).toContain('上线编号：Zhejiang-2026-0001');
    expect(html).toContain('通义千问&lt;script&gt;');
    expect(parseHtml(html).querySelector('script')).toBeNull();
  });

  it('without models there is no AI line', () => {
    const c = withModels('none', []);
    const snippets = footerSnippets(footerFor(c, website, TODAY));
    expect(snippets.html).not.toContain('ai-disclosure');
    expect(snippets.text).not.toContain('生成式人工智能');
  });
});
