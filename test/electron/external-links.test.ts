import { describe, expect, it } from 'vitest';
import { citedSourceUrls } from '../../core/rules/sources';
import { isAllowedExternalUrl } from '../../electron/external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://beian.miit.gov.cn/',
    'https://beian.miit.gov.cn/#/Integrated/index',
    'https://miit.gov.cn/',
    'https://www.miit.gov.cn/zwgk/index.html?q=1',
    'https://www.gov.cn/zhengce/',
    'https://www.beian.gov.cn/portal/index',
    'https://developers.weixin.qq.com/miniprogram/product/',
    'HTTPS://BEIAN.MIIT.GOV.CN/',
    // The default port is the same URL once parsed.
    'https://beian.miit.gov.cn:443/',
    // Full-width letters normalise to the same ASCII host, so this is the real site.
    'https://ｍｉｉｔ.gov.cn/',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: disguised with case and whitespace', ' JavaScript:alert(document.domain)'],
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http: (no TLS)', 'http://beian.miit.gov.cn/'],
    ['ftp:', 'ftp://miit.gov.cn/'],
    ['a custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['the app scheme itself', 'app://bundle/index.html'],
    ['smb share', '\\\\evil.com\\share'],
    ['a relative URL', '/index.html'],
    ['an empty string', ''],
    ['a user name', 'https://user@beian.miit.gov.cn/'],
    ['a user and password', 'https://user:secret@beian.miit.gov.cn/'],
    ['credentials that fake the host', 'https://beian.miit.gov.cn@evil.com/'],
    ['a backslash that fakes the host', 'https://evil.com\\@beian.miit.gov.cn/'],
    ['a non-default port', 'https://beian.miit.gov.cn:8443/'],
    ['port 80 over https', 'https://beian.miit.gov.cn:80/'],
    ['a look-alike suffix', 'https://miit.gov.cn.evil.com/'],
    ['a look-alike prefix', 'https://evilmiit.gov.cn.example/'],
    ['a host merely ending in the same letters', 'https://notgov.cn/'],
    ['a host ending in weixin.qq.com letters', 'https://evilweixin.qq.com/'],
    ['an ideographic full stop that joins hosts', 'https://miit.gov.cn。evil.com/'],
    ['an encoded dot that joins hosts', 'https://miit.gov.cn%2eevil.com/'],
    ['a Cyrillic look-alike letter (punycode) under gov.cn', 'https://mіit.gov.cn/'],
    ['an explicit punycode label', 'https://xn--mit-jhd.gov.cn/'],
    ['a punycode look-alike of gov', 'https://miit.gоv.cn/'],
    ['an IPv4 address', 'https://1.2.3.4/'],
    ['a hexadecimal IPv4 address', 'https://0x7f.1/'],
    ['an IPv6 address', 'https://[::1]/'],
    ['a trailing-dot host (not the canonical name)', 'https://beian.miit.gov.cn./'],
    ['a bare TLD', 'https://cn/'],
    // Issue 22 point 11: an explicit list, not every *.gov.cn host.
    ['any other *.gov.cn host', 'https://someone.gov.cn/'],
    ['a host under an allowed one', 'https://evil.beian.miit.gov.cn/'],
    ['another weixin.qq.com host', 'https://open.weixin.qq.com/'],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('opens every https source the rule data cites, at exactly that address, and nothing else on those sites', () => {
    const cited = citedSourceUrls();
    expect(cited.size).toBeGreaterThan(20);
    for (const url of cited) expect(isAllowedExternalUrl(url), url).toBe(url.startsWith('https://'));
    // A cited source over plain http is not opened (issue 22 point 11).
    expect(isAllowedExternalUrl('http://kaizencpa.com/Knowledge/info/id/1147.html')).toBe(false);
    expect(cited).toContain('https://kaizencpa.com/Knowledge/info/id/1147.html');
    expect(isAllowedExternalUrl('https://kaizencpa.com/Knowledge/info/id/1148.html')).toBe(false);
    expect(isAllowedExternalUrl('https://kaizencpa.com/')).toBe(false);
    expect(
      isAllowedExternalUrl('javascript:alert(1)//https://kaizencpa.com/Knowledge/info/id/1147.html'),
    ).toBe(false);
  });
});
