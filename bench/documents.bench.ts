/**
 * Document rendering speed and size (issue 4): the warm re-render of a 3-page document through the whole
 * engine (bind, lay out, draw, subset-embed, save) against pdfkit drawing the same laid-out text and rules
 * with the same fonts in the same process, and the size of every document of the packet.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import PDFKitDocument from 'pdfkit';
import type { DocumentFonts } from '../core/documents/font';
import { PAGE, type Layout } from '../core/documents/layout';
import { drawDocument, prepareDocument, renderDocument } from '../core/documents/render';
import { documentTemplates } from '../core/documents/templates';
import type { Case } from '../core/model/case';
import { medianMs, type Bench } from './run';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The test fixtures (the sample case and its licence variant) live outside the node tsconfig project, so
// they are loaded by path rather than imported.
const fixturesFile = path.join(root, 'test/fixtures/documents/cases.ts');
const { DOCUMENT_NOW, filingCase, licenceCase } = (await import(pathToFileURL(fixturesFile).href)) as {
  DOCUMENT_NOW: Date;
  filingCase: () => Case;
  licenceCase: () => Case;
};
const fonts: DocumentFonts = {
  regular: new Uint8Array(readFileSync(path.join(root, 'resources/fonts/NotoSansSC-Regular.ttf'))),
  bold: new Uint8Array(readFileSync(path.join(root, 'resources/fonts/NotoSansSC-Bold.ttf'))),
};

const GREY: Record<string, [number, number, number]> = {
  ink: [0, 0, 0],
  gloss: [92, 102, 120],
  mark: [184, 28, 28],
  faint: [158, 158, 158],
  shade: [237, 237, 237],
};

/** pdfkit drawing exactly the operations of our layout, with the same two fonts. */
function renderWithPdfkit(layout: Layout): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFKitDocument({ size: [PAGE.width, PAGE.height], margin: 0, autoFirstPage: false });
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold ?? fonts.regular);
    for (let page = 0; page < layout.pageCount; page++) {
      doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
      for (const op of layout.ops) {
        if (op.page !== page) continue;
        if (op.kind === 'text') {
          // pdfkit positions the top of the line box; our y is the baseline (ascender 1.16 em).
          doc
            .font(op.face)
            .fontSize(op.size)
            .fillColor(GREY[op.tone] ?? GREY.ink!)
            .text(op.text, op.x, op.y - 1.16 * op.size, {
              lineBreak: false,
              characterSpacing: op.charSpacing,
            });
        } else if (op.kind === 'rect') {
          if (op.fill) doc.rect(op.x, op.y, op.w, op.h).fill(GREY[op.fill] ?? GREY.shade!);
          if (op.stroke)
            doc
              .lineWidth(op.strokeWidth ?? 0.6)
              .strokeColor(GREY[op.stroke]!)
              .rect(op.x, op.y, op.w, op.h)
              .stroke();
        } else if (op.kind === 'circle') {
          doc
            .dash(3, { space: 3 })
            .strokeColor(GREY[op.stroke]!)
            .circle(op.cx, op.cy, op.r)
            .stroke()
            .undash();
        } else {
          doc
            .lineWidth(op.width)
            .strokeColor(GREY[op.tone]!)
            .moveTo(op.x1, op.y1)
            .lineTo(op.x2, op.y2)
            .stroke();
        }
      }
    }
    doc.end();
  });
}

export const benches: Bench[] = [
  {
    name: 'documents: warm re-render of a 3-page document vs pdfkit',
    run: async () => {
      const caseData = filingCase();
      const options = { variant: 'submission' as const, fonts, now: DOCUMENT_NOW };
      const prepared = prepareDocument('privacy-policy', caseData, options);
      const characters = prepared.layout.ops.reduce(
        (n, op) => n + (op.kind === 'text' ? [...op.text].length : 0),
        0,
      );
      const iterations = 30;
      // Interleave the two so that a busy machine slows both alike.
      const ours: number[] = [];
      const drawOnly: number[] = [];
      const pdfkit: number[] = [];
      await renderDocument('privacy-policy', caseData, options);
      await renderWithPdfkit(prepared.layout);
      for (let i = 0; i < 5; i++) {
        ours.push(
          await medianMs(() => renderDocument('privacy-policy', caseData, options), iterations / 5, 1),
        );
        drawOnly.push(
          await medianMs(
            () => drawDocument(prepared, fonts, { now: DOCUMENT_NOW, variant: 'submission' }),
            iterations / 5,
            1,
          ),
        );
        pdfkit.push(await medianMs(() => renderWithPdfkit(prepared.layout), iterations / 5, 1));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
      const oursMs = median(ours);
      const pdfkitMs = median(pdfkit);
      const ourBytes = (await renderDocument('privacy-policy', caseData, options)).length;
      const pdfkitBytes = (await renderWithPdfkit(prepared.layout)).length;
      return [
        {
          label: `document: privacy-policy, ${prepared.layout.pageCount} pages, ${characters} characters`,
          value: prepared.layout.pageCount,
          unit: 'count',
        },
        { label: 'renderDocument (bind + layout + PDF), warm median', value: oursMs, unit: 'ms' },
        { label: 'of which drawing and saving the PDF only', value: median(drawOnly), unit: 'ms' },
        { label: 'pdfkit drawing the same laid-out text, same fonts', value: pdfkitMs, unit: 'ms' },
        {
          label: 'ratio renderDocument / pdfkit',
          value: oursMs / pdfkitMs,
          unit: 'ratio',
          goal: '≤ 0.5',
          met: oursMs / pdfkitMs <= 0.5,
        },
        {
          label: 'size: ours',
          value: ourBytes / 1024,
          unit: 'KB',
          goal: '≤ 120 KB',
          met: ourBytes <= 120 * 1024,
        },
        { label: 'size: pdfkit, same content', value: pdfkitBytes / 1024, unit: 'KB' },
      ];
    },
  },
  {
    name: 'documents: size of every document (submission copy)',
    run: async () => {
      const results = [];
      for (const template of documentTemplates()) {
        const caseData = template.pathway === 'licence' ? licenceCase() : filingCase();
        const bytes = await renderDocument(template.id, caseData, {
          variant: 'submission',
          fonts,
          now: DOCUMENT_NOW,
        });
        results.push({
          label: template.id,
          value: bytes.length / 1024,
          unit: 'KB' as const,
          goal: '≤ 120 KB',
          met: bytes.length <= 120 * 1024,
        });
      }
      return results;
    },
  },
];
