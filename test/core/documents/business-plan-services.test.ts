/**
 * Review 8, fresh pass: the business plan's deployment section describes every service the letter applies
 * for. The nationwide case's mini-program (AppID, platform, filing number) was in the letter but missing from
 * the technical plan. Read back from the rendered PDF.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import { planPacket } from '../../../core/packet/gate';
import { decidePathway } from '../../../core/rules/decide';
import { DOCUMENT_NOW, nationwideCase } from '../../fixtures/documents/cases';
import { bundledFonts, compactText } from './pdf-reader';

describe('business plan: every service in the technical plan (review 8)', () => {
  it('names the mini-program with its platform, AppID and filing number, as the letter does', async () => {
    const c = nationwideCase();
    const { documents } = planPacket(c, decidePathway(c.answers));
    const text = async (id: string) =>
      compactText(
        await renderDocument(id, c, {
          variant: 'submission',
          fonts: bundledFonts(),
          now: DOCUMENT_NOW,
          decision: documents,
        }),
      );
    const plan = await text('business-plan');
    const technical = plan.slice(plan.indexOf('五、技术方案'), plan.indexOf('六、'));
    expect(technical).toContain(
      '小程序“数联优选商城”运行于微信平台（AppIDwx3f8a1c6d2e5b7094，ICP备案号京ICP备2025081234号-2X）',
    );
    for (const s of c.services) expect(technical, s.name).toContain(`“${s.name}”`);
    expect(await text('licence-application-letter')).toContain(
      '小程序“数联优选商城”，AppIDwx3f8a1c6d2e5b7094',
    );
  }, 30_000);
});
