import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type PdfState = { kind: 'ready'; pages: number } | { kind: 'failed' };

/**
 * Pages of a PDF drawn with pdf.js, each a canvas labelled "page n of m". `maxPages` limits a thumbnail to
 * its first pages. pdf.js is loaded only when a PDF is first shown, so other screens do not pay for it.
 */
export function PdfPages({
  bytes,
  title,
  width,
  maxPages,
}: {
  bytes: Uint8Array;
  /** What the PDF is, for the pages' accessible names. */
  title: string;
  width: number;
  maxPages?: number;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  // Which bytes the state describes: new bytes are "loading" until their document has opened.
  const [loaded, setLoaded] = useState<{ bytes: Uint8Array; state: PdfState } | null>(null);
  const state: PdfState | { kind: 'loading' } = loaded?.bytes === bytes ? loaded.state : { kind: 'loading' };

  useEffect(() => {
    let current = true;
    let destroy: (() => Promise<void>) | undefined;
    void (async () => {
      try {
        const { openPdf, drawPage } = await import('../pdf/pdfjs');
        const pdf = await openPdf(bytes);
        destroy = () => pdf.destroy();
        if (!current) return;
        const count = maxPages === undefined ? pdf.numPages : Math.min(maxPages, pdf.numPages);
        setLoaded({ bytes, state: { kind: 'ready', pages: pdf.numPages } });
        // Wait for React to place the canvases, then draw them in order.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        for (let n = 1; n <= count && current; n++) {
          const canvas = container.current?.querySelector<HTMLCanvasElement>(`canvas[data-page="${n}"]`);
          if (canvas) await drawPage(pdf, n, canvas, width);
        }
      } catch {
        if (current) setLoaded({ bytes, state: { kind: 'failed' } });
      }
    })();
    return () => {
      current = false;
      void destroy?.();
    };
  }, [bytes, width, maxPages]);

  if (state.kind === 'failed') return <p className="pdf-pages__note">{t('preview.pdfFailed')}</p>;
  const shown =
    state.kind === 'ready' ? (maxPages === undefined ? state.pages : Math.min(maxPages, state.pages)) : 0;
  return (
    <div className="pdf-pages" ref={container} aria-busy={state.kind === 'loading'}>
      {state.kind === 'loading' && <p className="pdf-pages__note">{t('preview.loading')}</p>}
      {Array.from({ length: shown }, (_, index) => (
        <canvas
          key={index}
          data-page={index + 1}
          className="pdf-pages__page"
          role="img"
          aria-label={t('preview.pageOf', {
            title,
            page: index + 1,
            total: state.kind === 'ready' ? state.pages : 0,
          })}
        />
      ))}
    </div>
  );
}
