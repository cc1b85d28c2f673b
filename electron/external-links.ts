/**
 * The allow-check for links the app may open in the user's browser. Pure, so it is tested in plain Node.
 * Only https links to the official sites the app cites (MIIT's filing system, government portals) and
 * the sources in the rule data pass; everything else — other schemes, credentials in the URL, odd ports,
 * look-alike hosts — is refused. No allowed site uses an internationalised name, so any punycode label
 * (`xn--`) is refused too: `mіit.gov.cn` with a Cyrillic і would otherwise pass as a *.gov.cn host.
 */
import { citedSourceUrls } from '../core/rules/sources';

const ALLOWED_HOST_SUFFIXES = ['miit.gov.cn', 'gov.cn', 'beian.gov.cn', 'weixin.qq.com'];

export function isAllowedExternalUrl(raw: string): boolean {
  // A source the rule data cites opens at exactly that address (the pathway result links every one of them).
  if (citedSourceUrls().has(raw)) return true;
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
  return ALLOWED_HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
