import { it } from 'vitest';
import { useAppSession } from './support/fixture';
const e2e = useAppSession();
const $ = (id: string) => e2e.page.locator(`[data-testid="${id}"]`);
it('shots', { timeout: 300_000 }, async () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    if (lang === 'zh-CN') {
      await e2e.app.open('#/settings');
      await e2e.app.chooseLanguage('zh-CN', 'zh-CN');
      await e2e.app.header.home.click();
    } else await e2e.app.open();
    await e2e.ws.home.openSample.click();
    await e2e.ws.waitForStep('pathway');
    await e2e.app.openStep('afterApproval');
    await $('golive-filing-number').fill('沪ICP备2026012345号');
    await $('golive-licence-number').fill('沪B2-20260001');
    await $('golive-licence-valid-to').fill('2027-02-28');
    await $('annual-figure-revenueCny').fill('2861400');
    await $('annual-figure-telecomRevenueCny').fill('3000000');
    await $('annual-figure-users').fill('5000');
    await e2e.ws.waitUntilSaved();
    const height = await e2e.page.evaluate(() => (document.querySelector('main#main')?.scrollHeight ?? 0) + 120);
    await e2e.page.setViewportSize({ width: 1280, height: Math.min(16000, height) });
    for (const id of ['after-annual', 'after-renewal', 'after-changes']) {
      const box = await e2e.page.evaluate((id) => {
        const h = document.getElementById(id)!;
        const card = h.closest('section, .card') ?? h;
        const r = card.getBoundingClientRect();
        return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
      }, id);
      for (let y = 0, n = 0; y < box.height; y += 1200, n++) {
        await e2e.page.screenshot({ path: `/tmp/lifecycle-out/ui-${id}-${lang}-${n}.png`, clip: { x: box.x, y: box.y + y, width: box.width, height: Math.min(1200, box.height - y) } });
      }
    }
  }
});
