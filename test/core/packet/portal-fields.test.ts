import { createHash } from 'node:crypto';
import { documentLabels } from '../../../core/documents/templates';
import { sampleCase } from '../../../core/model/sample-case';
import { escapeHtml, portalFieldsHtml, portalSections } from '../../../core/packet/portal-fields';
import { bundledFonts, parseIndependently } from '../documents/pdf-reader';

const meta = {
  caseName: 'c',
  subjectName: '上海澜岸贸易有限公司',
  pathway: { zh: 'ICP备案', en: 'ICP filing' },
  generatedAt: '2026-11-25T08:00:00.000Z',
};

describe('portal-fields.html', () => {
  it("lists the portal's Chinese label, the value in the portal's form, and the English meaning", () => {
    const sections = portalSections(sampleCase(), documentLabels());
    const rows = sections.flatMap((s) => s.rows);
    const row = (path: string) => rows.find((r) => r.path === path);
    expect(row('subject.name')).toMatchObject({ labelZh: '主办单位名称', value: '上海澜岸贸易有限公司' });
    expect(row('subject.province')?.value).toBe('上海市（310000）');
    expect(row('principal.idType')?.value).toBe('护照');
    expect(row('principal.idValidTo')?.value).toBe('2031年6月30日');
    expect(row('services.0.appId')).toMatchObject({ labelZh: '小程序ID', labelEn: 'Mini-program AppID' });
    // The mini-program has its own person in charge, listed in its own section.
    const appletPrincipal = sections.find((s) => s.title.zh.startsWith('小程序负责人'));
    expect(appletPrincipal?.rows.find((r) => r.path === 'services.0.principal.name')?.value).toBe('王丽');
    // Website-only fields do not appear for a mini-program.
    expect(row('services.0.homeUrl')).toBeUndefined();
  });

  it('escapes every value and keeps to its own inline script, allowed by hash, with nothing from outside', async () => {
    const c = sampleCase();
    c.subject.name = '<script>alert("x")</script> & "Co" \'Ltd\'';
    const html = await portalFieldsHtml(portalSections(c, documentLabels()), {
      ...meta,
      subjectName: c.subject.name,
    });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(escapeHtml(c.subject.name));
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256')
      .update(scripts[0] ?? '')
      .digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\s(src|href)=|https?:\/\/|@import|url\(/);
    // A copy button on every typed value; none on values picked from a list on the portal.
    const buttons = html.match(/<button type="button" class="copy">/g) ?? [];
    const rows = portalSections(c, documentLabels()).flatMap((section) => section.rows);
    expect(buttons.length).toBe(rows.filter((r) => r.copy).length);
    expect(buttons.length).toBeGreaterThan(30);
    expect(rows.find((r) => r.path === 'principal.idType')?.copy).toBe(false);
    expect(html).toMatch(/@media print/);
  });

  it('embeds its own subset of the document font, holding every character it shows, allowed by its CSP', async () => {
    const c = sampleCase();
    const sections = portalSections(c, documentLabels());
    const html = await portalFieldsHtml(sections, meta, { font: bundledFonts().regular });
    expect(html).toContain('font-src data:');
    const match = /url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/.exec(html);
    expect(match).not.toBeNull();
    const font = parseIndependently(new Uint8Array(Buffer.from(match?.[1] ?? '', 'base64')));
    const shown = html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>|<[^>]+>/g, '');
    const han = [...new Set(shown.match(/[\u3400-\u9fff]/g) ?? [])];
    expect(han.length).toBeGreaterThan(100);
    const missing = han.filter((ch) => font.glyphForCodePoint(ch.codePointAt(0) ?? 0).id === 0);
    expect(missing).toEqual([]);
    // The subset is small next to the 10 MB font, and its outlines are the original's.
    expect(match?.[1]?.length ?? 0).toBeLessThan(400_000);
    const original = parseIndependently(bundledFonts().regular);
    for (const ch of han.slice(0, 20))
      expect(font.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG()).toBe(
        original.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG(),
      );
  });

  it('holds every character of a sheet made after another in the same process (a face kept per sheet)', async () => {
    const fonts = bundledFonts();
    const first = await portalFieldsHtml(portalSections(sampleCase(), documentLabels()), meta, {
      font: fonts.regular,
    });
    // The same case renamed with characters the first sheet does not show.
    const renamed = { ...sampleCase(), name: '鳌鹦鹉麒麟' };
    const sheet = await portalFieldsHtml(
      portalSections(renamed, documentLabels()),
      { ...meta, caseName: renamed.name },
      {
        font: fonts.regular,
      },
    );
    const embedded = (html: string) =>
      parseIndependently(
        new Uint8Array(
          Buffer.from(/url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/.exec(html)?.[1] ?? '', 'base64'),
        ),
      );
    const font = embedded(sheet);
    expect([...'鳌鹦鹉麒麟'].filter((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id === 0)).toEqual([]);
    // And the first sheet made again is the first sheet, byte for byte.
    const again = await portalFieldsHtml(portalSections(sampleCase(), documentLabels()), meta, {
      font: fonts.regular,
    });
    expect(again).toBe(first);
  });
});
