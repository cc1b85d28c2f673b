/**
 * Signed scans drawn from the documents themselves, for the sample case: the page exactly as the app prints
 * it for signing (its layout and verification mark, page-raster.ts), with a hand signature in each signature
 * box, the company seal in the seal circle, the date written into the 年 月 日 boxes, and the SAMPLE
 * watermark — one JPEG per page, slightly turned as a hand-fed scan is. Each carries the signed-copy record
 * the app would have read from it.
 */
import type { Case } from '../../core/model/case';
import type { TextOp } from '../../core/documents/layout';
import { PAGE } from '../../core/documents/layout';
import { signedTemplate, signersOf } from '../../core/documents/signing';
import { signingLineOf } from '../../core/rules/checklist';
import { layoutForSigning } from '../signing';
import { pageDrawing, pageSvg } from './page-raster';
import { PEN, rasterise, seal, signature, watermark, type SampleFonts, type SampleScan } from './scans';
import { svgText } from './svg-text';

/** Pixels across an A4 page: 200 dpi, what the checklist's scan rules ask for. */
const PAGE_WIDTH_PX = 1654;

/** The date written by hand into the 年 月 日 boxes, in blue-black ink. */
function handDate(
  page: TextOp[],
  boxes: { x: number; y: number; w: number; h: number }[],
  fonts: SampleFonts,
  date: Date,
): string {
  const parts = {
    年: String(date.getUTCFullYear()),
    月: String(date.getUTCMonth() + 1),
    日: String(date.getUTCDate()),
  };
  return (Object.keys(parts) as (keyof typeof parts)[])
    .map((char) => {
      const label = page.findLast((op) => op.text === char);
      const box =
        label && boxes.findLast((b) => b.x + b.w <= label.x + 1 && b.y < label.y && label.y < b.y + b.h + 4);
      if (!box) return '';
      return svgText(fonts.regular, parts[char], box.x + box.w / 2, box.y + box.h * 0.78, {
        size: box.h * 0.8,
        fill: PEN,
        anchor: 'middle',
      });
    })
    .join('');
}

/**
 * The signed scans of one document of the case, page by page (the checklist line's files), as the sample
 * ships them.
 */
export async function drawSignedScans(
  c: Case,
  templateId: string,
  fonts: SampleFonts,
  options: { now: Date; resourcesDir: string },
): Promise<SampleScan[]> {
  const template = signedTemplate(templateId);
  const line = signingLineOf(templateId);
  if (!template || !line) throw new Error(`${templateId} is not a document signed by hand`);
  const print = await layoutForSigning(c, templateId, {
    languages: [],
    now: options.now,
    resourcesDir: options.resourcesDir,
  });
  const labels = signersOf(template).flatMap((signer) =>
    signer.completedBy === 'applicant' ? signer.signatures.map((s) => s.zh.trim()) : [],
  );
  const scans: SampleScan[] = [];
  for (let page = 0; page < print.pageCount; page++) {
    const ops = print.layout.ops.filter((op) => op.page === page);
    const texts = ops.filter((op): op is TextOp => op.kind === 'text');
    const boxes = ops.flatMap((op) => (op.kind === 'rect' && !op.fill ? [op] : []));
    let ink = '';
    for (const label of texts.filter((op) => labels.some((l) => op.text.startsWith(l)))) {
      const box = boxes.find((b) => b.x >= label.x + label.width - 1 && b.y < label.y && label.y < b.y + b.h);
      if (box) ink += signature(box.x + 12, box.y + box.h * 0.62, Math.min(0.75, box.w / 330));
    }
    ink += handDate(texts, boxes, fonts, options.now);
    for (const circle of ops.flatMap((op) => (op.kind === 'circle' ? [op] : [])))
      ink += seal(fonts, c.subject.name, '', circle.cx, circle.cy, circle.r * 0.95);
    const drawing = `${pageDrawing(print.layout, page, fonts)}${ink}${watermark(fonts, PAGE.width, PAGE.height)}`;
    const height = Math.round((PAGE_WIDTH_PX * PAGE.height) / PAGE.width);
    const several = print.pageCount > 1;
    scans.push({
      checklistItemId: line.id,
      originalName: `${template.title.zh}-签字盖章-样本${several ? `-第${page + 1}页` : ''}.jpg`,
      jpeg: await rasterise(pageSvg(drawing, PAGE_WIDTH_PX), PAGE_WIDTH_PX, height, page % 2 ? 0.3 : -0.35),
      width: PAGE_WIDTH_PX,
      height,
      validFrom: '',
      validTo: '',
      signedCopy: {
        templateId,
        contentVersion: print.version,
        pages: [page + 1],
        pageCount: print.pageCount,
        fields: print.print.fields,
      },
    });
  }
  return scans;
}
