/**
 * Every template rendered from the sample case (and the sample's variants that make each document apply),
 * read back as a reviewer's software reads it: the text pdf.js extracts, the fonts embedded, where the text
 * sits on the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MARGINS, PAGE, REVIEW_MARK } from '../../../core/documents/layout';
import { prepareDocument, renderDocument, type DocumentVariant } from '../../../core/documents/render';
import { BLANK } from '../../../core/documents/resolve';
import { createCase } from '../../../core/model/restore';
import { documentTemplates } from '../../../core/documents/templates';
import { NO_LINE_END, NO_LINE_START } from '../../../core/documents/wrap';
import type { DocumentTemplate } from '../../../core/documents/template-schema';
import type { Case } from '../../../core/model/case';
import {
  APP_PUBLIC_KEY,
  DOCUMENT_NOW,
  appCase,
  filingCase,
  licenceCase,
  preApprovalCase,
  renamedCase,
} from '../../fixtures/documents/cases';
import {
  bundledFonts,
  compact,
  embeddedFonts,
  extractText,
  linesOf,
  parseIndependently,
  type PdfTextItem,
} from './pdf-reader';

const DECISION = { filing: true, licence: true, licenceCategories: ['B25' as const] };

/** The case each template is rendered from: the sample, or the sample plus what makes the document apply. */
function caseFor(template: DocumentTemplate): Case {
  if (template.pathway === 'licence') return licenceCase();
  if (template.id === 'rename-letter') return renamedCase();
  return filingCase();
}

interface Rendered {
  template: DocumentTemplate;
  variant: DocumentVariant;
  bytes: Uint8Array;
  prepared: ReturnType<typeof prepareDocument>;
  pageCount: number;
  items: PdfTextItem[];
}

const rendered: Rendered[] = [];

beforeAll(async () => {
  const fonts = bundledFonts();
  for (const template of documentTemplates()) {
    for (const variant of ['submission', 'review'] as const) {
      const caseData = caseFor(template);
      const options = { variant, fonts, now: DOCUMENT_NOW, decision: DECISION };
      const bytes = await renderDocument(template.id, caseData, options);
      const prepared = prepareDocument(template.id, caseData, options);
      const { pageCount, items } = await extractText(bytes);
      rendered.push({ template, variant, bytes, prepared, pageCount, items });
    }
  }
}, 120_000);

const each = (variant?: DocumentVariant) => rendered.filter((r) => !variant || r.variant === variant);
const label = (r: Rendered) => `${r.template.id} (${r.variant})`;

describe('every template, rendered from the sample case', () => {
  it('covers all fifteen documents of the filing and licence packets in both variants', () => {
    expect(new Set(rendered.map((r) => r.template.id)).size).toBe(15);
    expect(rendered).toHaveLength(30);
  });

  it('extracts back as exactly the laid-out Chinese, line by line and page by page', () => {
    for (const r of each()) {
      const expected = linesOf(
        r.prepared.layout.ops.flatMap((op) =>
          op.kind === 'text' ? [{ page: op.page, x: op.x, y: PAGE.height - op.y, text: op.text }] : [],
        ),
      );
      expect(r.pageCount, label(r)).toBe(r.prepared.layout.pageCount);
      expect(linesOf(r.items), label(r)).toEqual(expected);
    }
  });

  it('loses no resolved text in wrapping: each block reads back whole, or whole on its attachment page', () => {
    for (const r of each()) {
      const byUnit = new Map<string, string>();
      for (const op of r.prepared.layout.ops) {
        if (op.kind === 'text') byUnit.set(op.unit, (byUnit.get(op.unit) ?? '') + compact(op.text));
      }
      for (const unit of r.prepared.layout.units) {
        if (unit.continuedIn) {
          expect(byUnit.get(unit.continuedIn), `${label(r)} ${unit.id}`).toBe(compact(unit.text));
        } else {
          expect(byUnit.get(unit.id) ?? '', `${label(r)} ${unit.id}`).toBe(compact(unit.text));
        }
      }
    }
  });

  it("prints the sample's own data, dates as 2026年11月25日 and page numbers 第 N 页 共 M 页", () => {
    for (const r of each('submission')) {
      const text = compact(r.items.map((i) => i.text).join(''));
      expect(text, label(r)).toContain(
        r.template.pathway === 'licence'
          ? '深圳市云帆知学科技有限公司'
          : r.template.id === 'rename-letter'
            ? '杭州青禾数字科技有限公司'
            : '上海澜岸贸易有限公司',
      );
      for (let page = 1; page <= r.pageCount; page++) {
        expect(text, label(r)).toContain(`第${page}页共${r.pageCount}页`);
      }
    }
    // One date rule per case: the licence case is dated with its planned submission date.
    const dated = each('submission').filter((r) => r.template.id === 'licence-application-letter');
    expect(compact(dated[0]?.items.map((i) => i.text).join('') ?? '')).toContain('2026年12月1日');
    const commitment = each('submission').find((r) => r.template.id === 'filing-commitment');
    const commitmentText = compact(commitment?.items.map((i) => i.text).join('') ?? '');
    expect(commitmentText).toContain('上海市通信管理局：');
    expect(commitmentText).toContain('小程序：澜岸家居优选（AppIDwx3f8a1c92d4e6b705）');
    expect(commitmentText).toContain('特此承诺。');
  });

  it('starts no line with closing punctuation and ends none with opening punctuation', () => {
    for (const r of each()) {
      for (const item of r.items) {
        const chars = [...item.text.trim()];
        expect(NO_LINE_START.has(chars[0] ?? ''), `${label(r)}: "${item.text}"`).toBe(false);
        expect(NO_LINE_END.has(chars.at(-1) ?? ''), `${label(r)}: "${item.text}"`).toBe(false);
      }
    }
  });

  it('keeps all text inside the margins; page numbers and review marks sit in the margin bands', () => {
    const tolerance = 0.5;
    for (const r of each()) {
      for (const item of r.items) {
        const where = `${label(r)} p${item.page + 1}: "${item.text}"`;
        const top = item.y + 0.88 * item.size;
        const bottom = item.y - 0.12 * item.size;
        const furniture = /^第\s*\d+\s*页\s*共\s*\d+\s*页$/.test(item.text) || item.text === REVIEW_MARK;
        if (furniture) {
          expect(item.x, where).toBeGreaterThan(MARGINS.left);
          expect(item.x + item.width, where).toBeLessThan(PAGE.width - MARGINS.right);
          expect(bottom, where).toBeGreaterThan(8);
          expect(top, where).toBeLessThan(PAGE.height - 8);
          expect(top < MARGINS.bottom || bottom > PAGE.height - MARGINS.top, where).toBe(true);
          continue;
        }
        expect(item.x, where).toBeGreaterThanOrEqual(MARGINS.left - tolerance);
        expect(item.x + item.width, where).toBeLessThanOrEqual(PAGE.width - MARGINS.right + tolerance);
        expect(top, where).toBeLessThanOrEqual(PAGE.height - MARGINS.top + tolerance);
        expect(bottom, where).toBeGreaterThanOrEqual(MARGINS.bottom - tolerance);
      }
    }
  });

  it('marks every page of the review copy 仅供核对 · For review only, top and bottom, and no submission page', () => {
    for (const r of each('review')) {
      for (let page = 0; page < r.pageCount; page++) {
        const marks = r.items.filter((i) => i.page === page && i.text === REVIEW_MARK);
        expect(marks, `${label(r)} p${page + 1}`).toHaveLength(2);
      }
      expect(
        r.items.some((i) => /[A-Za-z]{4,} [a-z]{3,}/.test(i.text) && i.size < 11),
        label(r),
      ).toBe(true);
    }
    for (const r of each('submission')) {
      expect(
        r.items.some((i) => i.text.includes('仅供核对') || i.text.includes('review only')),
        label(r),
      ).toBe(false);
    }
  });

  it('embeds Noto Sans SC as tagged subsets far smaller than the 10 MB font files', async () => {
    const originalSize = bundledFonts().regular.length;
    for (const r of each()) {
      const fonts = await embeddedFonts(r.bytes);
      expect(fonts.length, label(r)).toBeGreaterThanOrEqual(1);
      for (const font of fonts) {
        expect(font.baseFont, label(r)).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/);
        expect(font.bytes.length, label(r)).toBeLessThan(originalSize / 20);
      }
      expect(r.bytes.length, label(r)).toBeLessThan(200_000);
    }
  });

  it('embeds every glyph with exactly the outline of the original font (the @pdf-lib/fontkit blank-glyph bug)', async () => {
    const originals = {
      Regular: parseIndependently(bundledFonts().regular),
      Bold: parseIndependently(bundledFonts().bold ?? bundledFonts().regular),
    };
    let compared = 0;
    let inked = 0;
    for (const r of each()) {
      for (const font of await embeddedFonts(r.bytes)) {
        const subset = parseIndependently(font.bytes);
        const original = originals[font.baseFont.endsWith('Bold') ? 'Bold' : 'Regular'];
        for (const [glyphId, text] of font.toUnicode) {
          const codePoint = text.codePointAt(0) ?? 0;
          const expected = original.glyphForCodePoint(codePoint).path.toSVG();
          const actual = subset.getGlyph(glyphId).path.toSVG();
          expect(actual, `${label(r)} ${font.baseFont} "${text}" (glyph ${glyphId})`).toBe(expected);
          compared++;
          if (expected !== '') inked++;
        }
      }
    }
    // Thousands of glyph comparisons, nearly all with ink (a blank glyph would also compare as blank).
    expect(compared).toBeGreaterThan(3000);
    expect(inked / compared).toBeGreaterThan(0.95);
  }, 120_000);
});

describe('documents that change with the case', () => {
  it('render from a brand-new empty case, with fill-in blanks where data is missing', async () => {
    const empty = createCase({ id: 'empty', name: 'empty', now: DOCUMENT_NOW });
    const options = {
      variant: 'review' as const,
      fonts: bundledFonts(),
      now: DOCUMENT_NOW,
      decision: DECISION,
    };
    for (const template of documentTemplates()) {
      const prepared = prepareDocument(template.id, empty, options);
      const text = prepared.layout.ops.map((op) => (op.kind === 'text' ? op.text : '')).join('');
      expect(text, template.id).toContain(BLANK);
      const bytes = await renderDocument(template.id, empty, options);
      expect(new TextDecoder().decode(bytes.slice(0, 5)), template.id).toBe('%PDF-');
    }
  }, 60_000);

  it('refuses characters the font cannot print instead of printing empty boxes', () => {
    const c = filingCase();
    c.subject.name = '上海澜岸贸易有限公司😀';
    expect(() =>
      prepareDocument('filing-commitment', c, {
        variant: 'submission',
        fonts: bundledFonts(),
        now: DOCUMENT_NOW,
      }),
    ).toThrow(expect.objectContaining({ code: 'unsupportedCharacters' }) as Error);
  });

  it('the pre-approval statement lists the permits when a service holds one, instead of the no-approval undertaking', async () => {
    const options = { variant: 'submission' as const, fonts: bundledFonts(), now: DOCUMENT_NOW };
    const withPermit = await extractText(
      await renderDocument('pre-approval-statement', preApprovalCase(), options),
    );
    const text = compact(withPermit.items.map((i) => i.text).join(''));
    expect(text).toContain('前置审批事项说明');
    expect(text).toContain('互联网药品信息服务资格证书');
    expect(text).toContain('（沪）-非经营性-2026-0042');
    expect(text).toContain('2031年5月31日');
    expect(text).toContain('特此说明。');
    expect(text).not.toContain('本单位郑重承诺：上述服务不涉及');

    const without = await extractText(await renderDocument('pre-approval-statement', filingCase(), options));
    const withoutText = compact(without.items.map((i) => i.text).join(''));
    expect(withoutText).toContain('前置审批事项说明');
    expect(withoutText).toContain('本单位郑重承诺：上述服务不涉及');
    expect(withoutText).toContain('特此说明。');
  }, 30_000);
});

describe('over-long values', () => {
  it('continue on an attachment page with a 见附页 pointer, never clipped', async () => {
    const fonts = bundledFonts();
    const caseData = appCase();
    const options = { variant: 'submission' as const, fonts, now: DOCUMENT_NOW };
    const prepared = prepareDocument('filing-info-sheet', caseData, options);
    const { items } = await extractText(await renderDocument('filing-info-sheet', caseData, options));

    expect(prepared.layout.attachmentCount).toBe(1);
    const pointer = items.find((i) => i.text === '（见附页1）');
    expect(pointer).toBeDefined();
    const heading = items.find((i) => i.text.startsWith('附页1'));
    const headingLine = linesOf(items)[heading?.page ?? 0]?.find((line) => line.startsWith('附页1'));
    expect(headingLine).toBe(`附页1App特征信息（接第${(pointer?.page ?? 0) + 1}页）`);
    expect(heading?.page).toBeGreaterThan(pointer?.page ?? Infinity);

    // The whole value, both public keys included, reads back on the attachment pages.
    const attachmentText = compact(
      items
        .filter((i) => i.page >= (heading?.page ?? 0) && !/^第\s*\d/.test(i.text))
        .map((i) => i.text)
        .join(''),
    );
    expect(attachmentText).toContain(APP_PUBLIC_KEY);
    expect(attachmentText).toContain([...APP_PUBLIC_KEY].reverse().join(''));
    expect(attachmentText).toContain('签名MD5值：7A:1F:3C:9D:52:E8:04:B6:11:C9:8E:2D:70:5A:F3:64');
  }, 60_000);
});
