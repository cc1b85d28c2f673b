/**
 * The allow-check for links the app may open in the user's browser. Pure, so it is tested in plain Node.
 * Only https, and only an explicit list: the official sites the app links to (MIIT's filing system, the
 * government and public-security portals, WeChat's developer documentation), by exact host, and the https
 * sources the rule data cites, at exactly their address. A cited source over plain http is not opened (its
 * address is shown for the user to copy), and no other *.gov.cn host passes (issue 22 point 11). Other
 * schemes, credentials in the URL, odd ports and look-alike hosts are refused; no allowed site uses an
 * internationalised name, so any punycode label (`xn--`) is refused too.
 */
import { citedSourceUrls } from '../core/rules/sources';

const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  'miit.gov.cn',
  'www.miit.gov.cn',
  'beian.miit.gov.cn',
  'gov.cn',
  'www.gov.cn',
  'beian.gov.cn',
  'www.beian.gov.cn',
  'developers.weixin.qq.com',
  'mp.weixin.qq.com',
]);

export function isAllowedExternalUrl(raw: string): boolean {
  // A source the rule data cites opens at exactly that address (the pathway result links every one of them).
  if (citedSourceUrls().has(raw) && raw.startsWith('https://')) return true;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  if (host.split('.').some((label) => label.startsWith('xn--'))) return false;
  return ALLOWED_HOSTS.has(host);
}
