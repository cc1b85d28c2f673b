import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';

type PdfState = { kind: 'ready'; pdf: PDFDocumentProxy } | { kind: 'failed' };
type PageState = 'drawing' | 'drawn' | 'failed';

/**
 * Pages of a PDF drawn with pdf.js, each a canvas labelled "page n of m". `maxPages` limits a thumbnail to
 * its first pages. pdf.js is loaded only when a PDF is first shown, so other screens do not pay for it.
 *
 * Each page draws itself once its canvas is mounted (its own effect runs after React has placed it), so a
 * page is never looked up before it exists; pages draw one after another through a shared queue. Until a
 * page is drawn it says so, and a page pdf.js cannot draw says that instead of staying blank.
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
  // Which bytes the state describes: new bytes are "loading" until their document has opened.
  const [loaded, setLoaded] = useState<{ bytes: Uint8Array; state: PdfState } | null>(null);
  const state: PdfState | { kind: 'loading' } = loaded?.bytes === bytes ? loaded.state : { kind: 'loading' };
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let current = true;
    let opened: PDFDocumentProxy | undefined;
    void (async () => {
      try {
        const { openPdf } = await import('../pdf/pdfjs');
        const pdf = await openPdf(bytes);
        opened = pdf;
        if (!current) return void pdf.destroy();
        queue.current = Promise.resolve();
        setLoaded({ bytes, state: { kind: 'ready', pdf } });
      } catch {
        if (current) setLoaded({ bytes, state: { kind: 'failed' } });
      }
    })();
    return () => {
      current = false;
      void opened?.destroy();
    };
  }, [bytes]);

  if (state.kind === 'failed')
    return (
      <p className="pdf-pages__note pdf-pages__note--error" role="alert">
        {t('preview.pdfFailed')}
      </p>
    );
  if (state.kind === 'loading')
    return (
      <div className="pdf-pages" aria-busy="true">
        <p className="pdf-pages__note" role="status">
          {t('preview.loading')}
        </p>
      </div>
    );
  const total = state.pdf.numPages;
  const shown = maxPages === undefined ? total : Math.min(maxPages, total);
  return (
    <div className="pdf-pages">
      {Array.from({ length: shown }, (_, index) => (
        <PdfPage
          key={index}
          pdf={state.pdf}
          page={index + 1}
          total={total}
          width={width}
          label={t('preview.pageOf', { title, page: index + 1, total })}
          queueRef={queue}
        />
      ))}
    </div>
  );
}

function PdfPage({
  pdf,
  page,
  total,
  width,
  label,
  queueRef,
}: {
  pdf: PDFDocumentProxy;
  page: number;
  total: number;
  width: number;
  label: string;
  /** Pages draw one after another: each waits for the one before it. */
  queueRef: React.RefObject<Promise<void>>;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<PageState>('drawing');

  useEffect(() => {
    let current = true;
    const draw = async () => {
      const target = canvas.current;
      if (!current || target === null) return;
      try {
        const { drawPage } = await import('../pdf/pdfjs');
        await drawPage(pdf, page, target, width);
        if (current) setState('drawn');
      } catch {
        if (current) setState('failed');
      }
    };
    queueRef.current = queueRef.current.then(draw);
    return () => {
      current = false;
    };
  }, [pdf, page, width, queueRef]);

  return (
    <div className="pdf-pages__frame" data-page-state={state}>
      <canvas
        ref={canvas}
        data-page={page}
        className="pdf-pages__page"
        role="img"
        aria-label={label}
        aria-busy={state === 'drawing'}
        hidden={state === 'failed'}
      />
      {state === 'drawing' && (
        <p className="pdf-pages__note" role="status">
          {t('workspaceGuide.preview.drawing', { page, total })}
        </p>
      )}
      {state === 'failed' && (
        <p className="pdf-pages__note pdf-pages__note--error" role="alert">
          {t('workspaceGuide.preview.drawFailed')}
        </p>
      )}
    </div>
  );
}
