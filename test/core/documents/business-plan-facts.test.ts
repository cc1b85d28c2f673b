/**
 * Review 8: the business plan's implementation plan follows the case's facts. A service the case records as
 * live (its launch date, or the go-live date after filing) is described as running since that day, and one
 * already filed as filed — not as a system still being developed (准备阶段); a service neither filed nor
 * launched keeps the preparation stage. And the technical plan describes every service the letter applies
 * for (the nationwide case's mini-program was in the letter, not in the plan). Read back from the rendered PDFs.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import type { Case } from '../../../core/model/case';
import { planPacket } from '../../../core/packet/gate';
import { decidePathway } from '../../../core/rules/decide';
import { DOCUMENT_NOW, licenceCase, nationwideCase } from '../../fixtures/documents/cases';
import { bundledFonts, compactText } from './pdf-reader';

async function plan(c: Case): Promise<string> {
  return compactText(
    await renderDocument('business-plan', c, {
      variant: 'submission',
      fonts: bundledFonts(),
      now: DOCUMENT_NOW,
    }),
  );
}

describe('business plan: live or not yet (review 8)', () => {
  it('a website live since its launch date is running, not in a preparation stage', async () => {
    const c = licenceCase();
    c.services[0]!.launchedOn = '2025-09-01';
    const text = await plan(c);
    expect(text).not.toContain('准备阶段');
    expect(text).not.toContain('开发测试');
    expect(text).not.toContain('上线阶段');
    expect(text).toContain('网站“云帆知学”已于2025年9月1日上线运行');
    // Still no commercial service before the licence, and the planned start of operation stays.
    expect(text).toContain('取得经营许可证前，本公司不通过上述服务开展经营性互联网信息服务');
    expect(text).toContain('计划于2027年2月1日正式开展经营');
    // What the company does meanwhile is its own clause, not joined to what it does not do (review 9).
    expect(text).toContain(
      '经营性互联网信息服务；在此期间完成网络安全等级保护定级备案及安全测评，健全网络与信息安全管理制度和客户服务体系。',
    );
  }, 30_000);

  it('the go-live date recorded after filing counts too', async () => {
    const c = licenceCase();
    c.afterApproval.wentLiveOn = '2025-10-08';
    const text = await plan(c);
    expect(text).not.toContain('准备阶段');
    expect(text).toContain('已于2025年10月8日上线运行');
  }, 30_000);

  it('a filed service without a launch date is filed, not under development', async () => {
    const text = await plan(licenceCase());
    expect(text).not.toContain('准备阶段');
    expect(text).not.toContain('开发测试');
    expect(text).toContain('网站“云帆知学”已办理ICP备案，备案号粤ICP备2025071234号-1');
    expect(text).not.toContain('上线运行');
  }, 30_000);

  it('a service neither filed nor launched keeps the preparation stage', async () => {
    const c = licenceCase();
    c.subject.filingNumber = '';
    for (const s of c.services) delete s.filingNumber;
    const text = await plan(c);
    expect(text).toContain('（一）准备阶段：取得经营许可证前，完成业务系统的开发测试');
    expect(text).toContain('（二）上线阶段');
    expect(text).not.toContain('上线运行');
    expect(text).not.toContain('尚未上线');
  }, 30_000);
});

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
