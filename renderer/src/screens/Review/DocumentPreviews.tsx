import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewDocuments } from '../../../../core/packet/preview';
import type { ErrorCode } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { ChinaDateNote } from '../../components/ChinaDateNote';
import { PdfPages } from '../../components/PdfPages';
import { ProgressPanel } from '../../components/ProgressPanel';
import { useCaseSession } from '../Case/caseSession';
import { RadioGroupField } from '../../components/fields/Field';
import { settle } from '../../api/settle';
import { Card } from '../../components/fields/Card';

type Variant = 'submission' | 'review';

/** Edits settle this long before the previews are drawn again: typing does not re-render every document. */
export const PREVIEW_DEBOUNCE_MS = 800;
/**
 * Width the review previews draw an A4 page at (CSS px; it shrinks with the window). At 800 px the smallest
 * English gloss (7.5 pt) is drawn about 10 px high, readable without zooming; 560 px made it 7 px.
 */
export const REVIEW_PAGE_WIDTH = 800;

type Rendered =
  | { kind: 'ready'; bytes: Uint8Array }
  | { kind: 'failed'; code: ErrorCode; details?: Record<string, string | number | boolean> };

interface Run {
  done: number;
  total: number;
  current: string;
  cancelling: boolean;
}

/**
 * A live preview of every generated document of the case's packet, as filed or as the bilingual review copy.
 * Main renders each document of the *stored* case (autosave keeps it a moment behind the typing); the
 * previews are drawn again once the case has been saved and left alone for {@link PREVIEW_DEBOUNCE_MS}.
 */
export function DocumentPreviews({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { caseData, decision, saveState } = useCaseSession();
  const [variant, setVariant] = useState<Variant>('submission');
  const [rendered, setRendered] = useState<ReadonlyMap<string, Rendered>>(new Map());
  const [run, setRun] = useState<Run | null>(null);
  const [stopped, setStopped] = useState(false);
  // null until the user opens or closes one: then the first document is open, so a preview shows at once.
  const [open, setOpen] = useState<ReadonlySet<string> | null>(null);
  const [generation, setGeneration] = useState(0);
  const cancel = useRef<() => void>(() => undefined);
  const zh = i18n.language === 'zh-CN';

  const documents = useMemo(() => previewDocuments(caseData, decision), [caseData, decision]);
  const documentIds = documents.map((d) => d.templateId).join(',');
  const savedAt = saveState.kind === 'saved' ? saveState.at : null;

  useEffect(() => {
    if (savedAt === null) return;
    let cancelled = false;
    cancel.current = () => {
      cancelled = true;
      setRun((current) => (current ? { ...current, cancelling: true } : current));
    };
    const ids = documentIds === '' ? [] : documentIds.split(',');
    const timer = setTimeout(() => {
      void (async () => {
        setStopped(false);
        const next = new Map<string, Rendered>();
        for (const [index, templateId] of ids.entries()) {
          if (cancelled) break;
          setRun({ done: index, total: ids.length, current: templateId, cancelling: false });
          const result = await settle(api.documentRender({ caseId, templateId, variant }));
          if (cancelled) break;
          next.set(
            templateId,
            result.ok
              ? { kind: 'ready', bytes: result.value.bytes }
              : { kind: 'failed', code: result.code, ...(result.details ? { details: result.details } : {}) },
          );
          setRendered(new Map(next));
        }
        setRun(null);
        if (cancelled) setStopped(true);
      })();
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, caseId, variant, savedAt, documentIds, generation]);

  const current = documents.find((d) => d.templateId === run?.current);
  return (
    <Card id="review-previews-heading" className="previews" heading={t('reviewStep.previewsHeading')}>
      <p className="hint">{t('reviewStep.previewsHint')}</p>
      <ChinaDateNote testId="previews-china-date" />
      <RadioGroupField
        className="previews__variant"
        name="preview-variant"
        legend={t('reviewStep.variant')}
        value={variant}
        onChange={setVariant}
        options={(['submission', 'review'] as const).map((option) => ({
          value: option,
          label: t(`reviewStep.variants.${option}`),
        }))}
      />

      {run !== null && (
        <ProgressPanel
          label={t('reviewStep.rendering')}
          done={run.done}
          total={run.total}
          detail={current ? (zh ? current.title.zh : current.title.en) : ''}
          cancelling={run.cancelling}
          onCancel={() => cancel.current()}
        />
      )}
      {stopped && (
        <p className="previews__stopped">
          {t('reviewStep.renderingStopped')}{' '}
          <button type="button" className="button button--small" onClick={() => setGeneration((g) => g + 1)}>
            {t('reviewStep.renderAgain')}
          </button>
        </p>
      )}

      <ol className="previews__list">
        {documents.map((document, index) => {
          const state = rendered.get(document.templateId);
          const isOpen = open === null ? index === 0 : open.has(document.templateId);
          const title = zh ? document.title.zh : `${document.title.en} · ${document.title.zh}`;
          return (
            <li key={document.templateId} className="preview" data-template-id={document.templateId}>
              <button
                type="button"
                className="preview__toggle"
                aria-expanded={isOpen}
                aria-controls={`preview-${document.templateId}`}
                onClick={() => {
                  const next = new Set(open ?? documents.slice(0, 1).map((d) => d.templateId));
                  if (isOpen) next.delete(document.templateId);
                  else next.add(document.templateId);
                  setOpen(next);
                }}
              >
                <span className="preview__title">{title}</span>
                <span className="preview__state">
                  {state === undefined
                    ? t('reviewStep.previewPending')
                    : state.kind === 'failed'
                      ? t('reviewStep.previewFailed')
                      : ''}
                </span>
              </button>
              <div id={`preview-${document.templateId}`} className="preview__body" hidden={!isOpen}>
                {isOpen && state?.kind === 'ready' && (
                  <PdfPages bytes={state.bytes} title={title} width={REVIEW_PAGE_WIDTH} />
                )}
                {isOpen && state?.kind === 'failed' && (
                  <p className="preview__error" role="alert">
                    {t(`errors.${state.code}`, { ...state.details })}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
