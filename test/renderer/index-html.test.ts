/**
 * renderer/index.html carries the same policy main sends as a header, and nothing the policy would refuse:
 * no inline script or style, no remote URL.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import html from '../../renderer/index.html?raw';

function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((directive) => directive.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort();
}

describe('renderer/index.html', () => {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);

  it('declares the CSP of the app protocol (frame-ancestors only works as a header)', () => {
    expect(meta).not.toBeNull();
    const header = directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors'));
    expect(directives(meta?.[1] ?? '')).toEqual(header);
  });

  it('allows no remote origin and no inline code', () => {
    const policy = meta?.[1] ?? '';
    expect(policy).not.toMatch(/https?:|wss?:|\*|'unsafe-inline'|'unsafe-eval'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
  });

  it('has no inline script, inline style or remote URL of its own', () => {
    for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(script[1]).toMatch(/\bsrc="\.\//);
      expect(script[2]?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
