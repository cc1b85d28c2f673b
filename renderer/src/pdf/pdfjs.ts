/**
 * pdf.js for previews, set up for the app's CSP: the worker is bundled by Vite and loads from 'self'
 * (script-src 'self' covers workers), and string evaluation is off ('unsafe-eval' is not allowed).
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Opens PDF bytes. The bytes are copied: pdf.js transfers its buffer to the worker. */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    // Nothing is fetched: no standard-font or CMap URLs, so a PDF cannot make the preview reach out.
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
  }).promise;
}

/** Draws one page into a canvas at `cssWidth` CSS pixels wide (sharp on high-DPI screens). */
export async function drawPage(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<void> {
  const page = await pdf.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  const context = canvas.getContext('2d');
  if (context === null) return;
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  page.cleanup();
}
