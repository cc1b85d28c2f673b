/**
 * Review 8: the business plan's implementation plan follows the case's facts. A service the case records as
 * live (its launch date, or the go-live date after filing) is described as running since that day, and one
 * already filed as filed — not as a system still being developed (准备阶段); a service neither filed nor
 * launched keeps the preparation stage. Read back from the rendered PDF.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import type { Case } from '../../../core/model/case';
import { DOCUMENT_NOW, licenceCase } from '../../fixtures/documents/cases';
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
