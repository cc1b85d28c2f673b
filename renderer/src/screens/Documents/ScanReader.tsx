import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../../core/model/case';
import { fieldDef } from '../../../../core/model/fields';
import { applyProblem, applyScanFields, scanFieldPath, scanTargetOf } from '../../../../core/ocr/apply';
import { SCAN_FIELD_LABELS, SCAN_KIND_NAMES, checkWords } from '../../../../core/ocr/labels';
import { SCAN_FIELDS } from '../../../../core/ocr/types';
import type { ScanReadResult } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { settle } from '../../api/settle';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { useCaseSession } from '../Case/caseSession';

type Decision = 'pending' | 'accepted' | 'skipped';

/**
 * A reading under review: what was read, the values as the user has edited them, and each one's decision.
 * Held by the Documents step (per attachment), so turning the scan upright — which replaces the attachment
 * — keeps the review.
 */
export interface ScanReview {
  result: ScanReadResult;
  values: Record<string, string>;
  decisions: Record<string, Decision>;
}

const UNREADABLE_PROBLEMS = ['image', 'pdfNoImage', 'pdfImageCoding', 'pdfDamaged'] as const;

/** A crop of the scan as an image, from its JPEG bytes. */
function Crop({ bytes, alt }: { bytes: Uint8Array; alt: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([bytes.slice()], { type: 'image/jpeg' })), [bytes]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img className="scan-field__crop" src={url} alt={alt} />;
}

/**
 * "Fill the fields from this scan?": reads a stored licence, ID card side or passport offline, then lists
 * each value beside the piece of the scan it came from, with its label as printed and its meaning, for the
 * user to accept, edit or skip one by one. Values that failed a check or read uncertainly are flagged;
 * nothing is written until the user writes the accepted ones. A scan found lying on its side is marked so
 * (its checklist item is then not "provided" until it is turned).
 */
export function ScanReader({
  caseId,
  itemId,
  file,
  review,
  onReview,
}: {
  caseId: string;
  itemId: string;
  file: AttachmentMeta;
  review: ScanReview | undefined;
  onReview: (review: ScanReview | undefined) => void;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const api = useApi();
  const { caseData, update } = useCaseSession();
  const target = scanTargetOf(caseData, itemId);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  if (!target) return null;
  const labels = SCAN_FIELD_LABELS[target.kind];

  const read = async () => {
    setReading(true);
    setError(null);
    setWritten(null);
    const outcome = await settle(api.scanRead({ caseId, attachmentId: file.id, checklistItemId: itemId }));
    setReading(false);
    if (!outcome.ok) {
      const problem = outcome.details?.problem;
      if (outcome.code === 'scanUnreadable' && UNREADABLE_PROBLEMS.some((p) => p === problem))
        setError(t(`scanReader.unreadable.${problem as (typeof UNREADABLE_PROBLEMS)[number]}`));
      else if (outcome.code !== 'scanCancelled') setError(t(`errors.${outcome.code}`));
      return;
    }
    const result = outcome.value;
    onReview({
      result,
      values: Object.fromEntries(result.fields.map((f) => [f.key, f.value])),
      decisions: Object.fromEntries(result.fields.map((f) => [f.key, 'pending' as Decision])),
    });
    // Read lying on its side: the checklist must not call it provided until it is turned.
    if (result.rotation !== 0 && file.turnToUpright !== result.rotation) {
      const turn = result.rotation;
      update((current) => ({
        ...current,
        attachments: current.attachments.map((a) =>
          a.id === file.id && a.checklistItemId === itemId ? { ...a, turnToUpright: turn } : a,
        ),
      }));
    }
  };

  if (!review)
    return (
      <div className="scan-offer" data-testid="scan-offer">
        <p className="scan-offer__question">{t('scanReader.offer')}</p>
        <p className="hint">{t('scanReader.offerHint')}</p>
        {reading ? (
          <p role="status" className="scan-offer__reading">
            {t('scanReader.reading')}{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => void api.scanCancel({ caseId })}
            >
              {t('scanReader.stop')}
            </button>
          </p>
        ) : (
          <button
            type="button"
            className="button button--small"
            data-action="read-scan"
            onClick={() => void read()}
          >
            {t('scanReader.read')}
          </button>
        )}
        {error && (
          <p role="alert" className="scan-offer__error">
            {error}
          </p>
        )}
        {written && (
          <p role="status" data-testid="scan-written">
            {written}
          </p>
        )}
      </div>
    );

  const { result, values, decisions } = review;
  const flagged = (key: string) =>
    result.checks.some((c) => c.field === key && c.status === 'fail') ||
    result.fields.some((f) => f.key === key && f.lowConfidence);
  const writable = (key: string) =>
    scanFieldPath(caseData, target, key) !== undefined &&
    applyProblem(caseData, target, key, values[key] ?? '') === undefined;
  const decide = (key: string, decision: Decision) =>
    onReview({ ...review, decisions: { ...decisions, [key]: decision } });
  const clean = result.fields.filter(
    (f) => decisions[f.key] === 'pending' && writable(f.key) && !flagged(f.key),
  );
  const accepted = Object.entries(decisions).filter(([, d]) => d === 'accepted');

  const write = () => {
    const chosen = Object.fromEntries(accepted.map(([key]) => [key, values[key] ?? '']));
    update((current) => applyScanFields(current, target, chosen));
    const steps = new Set(
      accepted
        .map(([key]) => scanFieldPath(caseData, target, key))
        .map((path) => (path ? fieldDef(path)?.step : undefined))
        .filter((step): step is NonNullable<typeof step> => step !== undefined),
    );
    setWritten(
      t('scanReader.written', {
        count: accepted.length,
        steps: [...steps].map((step) => t(`steps.${step}.label`)).join(', '),
      }),
    );
    onReview(undefined);
  };

  const missing = SCAN_FIELDS[result.kind].filter((key) => !result.fields.some((f) => f.key === key));
  return (
    <section className="scan-review" aria-labelledby={`scan-review-${file.id}`} data-testid="scan-review">
      <h4 id={`scan-review-${file.id}`} className="scan-review__heading">
        {t('scanReader.heading', { kind: SCAN_KIND_NAMES[result.kind][lang] })}
      </h4>
      <p className="hint">{t('scanReader.intro')}</p>
      <ol className="scan-review__fields">
        {result.fields.map((field) => {
          const label = labels[field.key];
          const printed = label?.printed ?? field.key;
          const meaning = label?.meaning[lang] ?? field.key;
          const path = scanFieldPath(caseData, target, field.key);
          const def = path ? fieldDef(path) : undefined;
          const failed = result.checks.some((c) => c.field === field.key && c.status === 'fail');
          const problem = applyProblem(caseData, target, field.key, values[field.key] ?? '');
          const decision = decisions[field.key] ?? 'pending';
          const inputId = `scan-${file.id.slice(0, 8)}-${field.key}`;
          return (
            <li key={field.key} className={`scan-field scan-field--${decision}`} data-field={field.key}>
              <p className="scan-field__label">
                <label htmlFor={inputId}>{meaning}</label>
                {meaning !== printed && (
                  <span className="scan-field__printed" lang={target.kind === 'passport' ? 'en' : 'zh-CN'}>
                    {printed}
                  </span>
                )}
              </p>
              {field.crop && <Crop bytes={field.crop} alt={t('scanReader.cropAlt', { field: meaning })} />}
              <input
                id={inputId}
                className="scan-field__value"
                value={values[field.key] ?? ''}
                disabled={decision !== 'pending'}
                onChange={(event) =>
                  onReview({ ...review, values: { ...values, [field.key]: event.target.value } })
                }
              />
              {failed && (
                <p className="scan-field__flag scan-field__flag--fail">{t('scanReader.checkFailed')}</p>
              )}
              {field.lowConfidence && <p className="scan-field__flag">{t('scanReader.lowConfidence')}</p>}
              {problem && <p className="scan-field__flag">{t(`scanReader.problem.${problem}`)}</p>}
              <p className="hint scan-field__target">
                {def && path
                  ? t('scanReader.goesTo', {
                      field: `${def.label.en} · ${def.label['zh-CN']}`,
                      step: t(`steps.${def.step}.label`),
                    })
                  : t('scanReader.noField')}
              </p>
              {decision === 'pending' ? (
                <p className="scan-field__actions">
                  {path && !problem && (
                    <button
                      type="button"
                      className="button button--small"
                      data-action="accept-field"
                      onClick={() => decide(field.key, 'accepted')}
                    >
                      {t('scanReader.accept')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => decide(field.key, 'skipped')}
                  >
                    {t('scanReader.skip')}
                  </button>
                </p>
              ) : (
                <p className="scan-field__actions">
                  <span className="scan-field__decision">
                    {decision === 'accepted' ? t('scanReader.accepted') : t('scanReader.skipped')}
                  </span>{' '}
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => decide(field.key, 'pending')}
                  >
                    {t('scanReader.undo')}
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {missing.length > 0 && (
        <p className="hint">
          {t('scanReader.notFound', {
            fields: missing.map((key) => labels[key]?.meaning[lang] ?? key).join(', '),
          })}
        </p>
      )}
      <h5 className="scan-review__checks-heading">{t('scanReader.checks')}</h5>
      <ul className="scan-review__checks file-checks">
        {result.checks.map((check) => (
          <li
            key={check.id}
            className={`file-check file-check--${check.status === 'fail' ? 'fail' : 'pass'}`}
          >
            <span className="file-check__mark" aria-hidden="true">
              {check.status === 'pass' ? '✓' : check.status === 'fail' ? '✗' : '–'}
            </span>
            {checkWords(check, lang)}
          </li>
        ))}
      </ul>
      <p className="scan-review__actions button-row">
        <button
          type="button"
          className="button"
          data-action="accept-clean"
          disabled={clean.length === 0}
          onClick={() =>
            onReview({
              ...review,
              decisions: { ...decisions, ...Object.fromEntries(clean.map((f) => [f.key, 'accepted'])) },
            })
          }
        >
          {t('scanReader.acceptClean', { count: clean.length })}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-action="write-scan"
          disabled={accepted.length === 0}
          onClick={write}
        >
          {t('scanReader.write', { count: accepted.length })}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onReview(undefined)}>
          {t('scanReader.close')}
        </button>
      </p>
    </section>
  );
}
