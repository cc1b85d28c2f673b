/**
 * A process draws the same documents again and again (every export of a case, the review copies): the
 * encoded font subsets and their deflated streams are kept and reused (font.ts, render.ts). What is reused
 * must be exactly what drawing afresh gives — a subset kept for one document and handed to another would
 * print the wrong glyphs while its text still extracts correctly.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as RenderModule from '../../../core/documents/render';
import { DOCUMENT_NOW, licenceCase } from '../../fixtures/documents/cases';
import { bundledFonts } from './pdf-reader';

/** A fresh copy of the renderer, with nothing kept from documents drawn before. */
async function freshRenderer(): Promise<typeof RenderModule> {
  vi.resetModules();
  return import('../../../core/documents/render');
}

describe('documents drawn again in the same process', { timeout: 60_000 }, () => {
  it('are byte for byte what a fresh process draws, whatever was drawn before them', async () => {
    const fonts = bundledFonts();
    const c = licenceCase();
    const options = { variant: 'submission' as const, fonts, now: DOCUMENT_NOW };
    const ids = ['licence-application-letter', 'lawful-operation-commitment', 'key-staff'];

    const warm = await freshRenderer();
    const drawn = new Map<string, Uint8Array[]>();
    for (const round of [1, 2])
      for (const id of round === 1 ? ids : [...ids].reverse())
        drawn.set(id, [...(drawn.get(id) ?? []), await warm.renderDocument(id, c, options)]);

    for (const id of ids) {
      const alone = await (await freshRenderer()).renderDocument(id, c, options);
      const [first, second] = drawn.get(id) ?? [];
      expect(Buffer.from(first!).equals(Buffer.from(alone)), `${id}, first drawing`).toBe(true);
      expect(Buffer.from(second!).equals(Buffer.from(alone)), `${id}, drawn again`).toBe(true);
    }
  });

  it('kept drawings: the same document again, and what changed drawn afresh', async () => {
    const { keepingRenderer, renderDocument } = await freshRenderer();
    const fonts = bundledFonts();
    const render = keepingRenderer(fonts);
    const c = licenceCase();
    const renamed = { ...c, subject: { ...c.subject, name: '深圳云帆智学教育科技有限公司' } };
    const later = new Date(DOCUMENT_NOW.getTime() + 86_400_000);
    const cases = [
      { c, variant: 'submission' as const, now: DOCUMENT_NOW },
      { c, variant: 'review' as const, now: DOCUMENT_NOW },
      { c: renamed, variant: 'submission' as const, now: DOCUMENT_NOW },
      { c, variant: 'submission' as const, now: later },
    ];
    for (const round of [1, 2])
      for (const { c: which, variant, now } of cases) {
        const kept = await render('licence-application-letter', which, { variant, now });
        const afresh = await renderDocument('licence-application-letter', which, { variant, now, fonts });
        expect(
          Buffer.from(kept).equals(Buffer.from(afresh)),
          `${variant} ${now.toISOString()} round ${round}`,
        ).toBe(true);
        // A copy: what the caller does with it does not change the next one.
        kept.fill(0);
      }
  });
});
