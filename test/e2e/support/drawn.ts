/** TEST ONLY — helpers the workspace e2e files share: dates relative to today, and "a page was drawn". */
import type { Page } from 'playwright-core';

/** An ISO date `days` from today (local), as the date inputs take it. */
export function isoInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The first PDF page under `scope` has been drawn: its canvas holds ink — opaque pixels that are not white.
 * A canvas nobody has drawn on is transparent black (0, 0, 0, 0) and holds none; a page pdf.js has drawn is
 * opaque white with dark text. (Counting every dark value, as before, let a blank transparent canvas pass.)
 */
export async function waitForDrawnPage(page: Page, scope: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas.pdf-pages__page`);
      if (!canvas || canvas.width === 0) return false;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!data) return false;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        const opaque = data[i + 3]! >= 250;
        const white = data[i]! >= 235 && data[i + 1]! >= 235 && data[i + 2]! >= 235;
        if (opaque && !white) ink++;
      }
      return ink > 200;
    },
    scope,
    { timeout },
  );
}
