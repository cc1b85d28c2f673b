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
 * nothing is written until the user writes the accepted ones.
 */
export function ScanReader({
  caseId,
  itemId,
  file,
  onTurned,
}: {
  caseId: string;
  itemId: string;
  file: AttachmentMeta;
  /** The scan was turned upright (its attachment replaced). */
  onTurned: () => void;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const api = useApi();
  const { caseData, update, replace, flush } = useCaseSession();
  const target = scanTargetOf(caseData, itemId);
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<ScanReadResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [written, setWritten] = useState<string | null>(null);
  const [turning, setTurning] = useState(false);

  if (!target || file.mediaType === 'application/pdf') return null;
  const labels = SCAN_FIELD_LABELS[target.kind];

  const read = async () => {
    setReading(true);
    setError(null);
    setWritten(null);
    const outcome = await settle(api.scanRead({ caseId, attachmentId: file.id, checklistItemId: itemId }));
    setReading(false);
    if (!outcome.ok) {
      if (outcome.code !== 'scanCancelled') setError(t(`errors.${outcome.code}`));
      return;
    }
    setResult(outcome.value);
    setValues(Object.fromEntries(outcome.value.fields.map((f) => [f.key, f.value])));
    setDecisions(Object.fromEntries(outcome.value.fields.map((f) => [f.key, 'pending' as Decision])));
  };

  const turnUpright = async () => {
    if (!result || result.rotation === 0) return;
    if (!(await flush())) return;
    setTurning(true);
    const outcome = await settle(
      api.attachmentRotate({ caseId, attachmentId: file.id, checklistItemId: itemId, turn: result.rotation }),
    );
    setTurning(false);
    if (outcome.ok) {
      replace(outcome.value);
      onTurned();
    } else setError(t(`errors.${outcome.code}`));
  };

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
    setResult(null);
  };

  if (!result)
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
          <button type="button" className="button" onClick={() => void read()}>
            {t('scanReader.read')}
          </button>
        )}
        {error && <p role="alert">{error}</p>}
        {written && (
          <p role="status" data-testid="scan-written">
            {written}
          </p>
        )}
      </div>
    );

  const missing = SCAN_FIELDS[result.kind].filter((key) => !result.fields.some((f) => f.key === key));
  return (
    <section className="scan-review" aria-labelledby={`scan-review-${file.id}`} data-testid="scan-review">
      <h4 id={`scan-review-${file.id}`}>
        {t('scanReader.heading', { kind: SCAN_KIND_NAMES[result.kind][lang] })}
      </h4>
      <p className="hint">{t('scanReader.intro')}</p>
      {result.rotation !== 0 && (
        <p className="scan-review__sideways" role="alert">
          {t('scanReader.sideways', { degrees: result.rotation })}{' '}
          <button
            type="button"
            className="button button--small"
            disabled={turning}
            onClick={() => void turnUpright()}
          >
            {turning ? t('scanReader.rotating') : t('scanReader.rotate')}
          </button>
        </p>
      )}
      <ol className="scan-review__fields">
        {result.fields.map((field) => {
          const label = labels[field.key];
          const printed = label?.printed ?? field.key;
          const meaning = label?.meaning[lang] ?? field.key;
          const path = scanFieldPath(caseData, target, field.key);
          const def = path ? fieldDef(path) : undefined;
          const failed = result.checks.some((c) => c.field === field.key && c.status === 'fail');
          const problem = applyProblem(target, field.key, values[field.key] ?? '');
          const decision = decisions[field.key] ?? 'pending';
          const inputId = `scan-${file.id.slice(0, 8)}-${field.key}`;
          return (
            <li key={field.key} className={`scan-field scan-field--${decision}`} data-field={field.key}>
              <p className="scan-field__label">
                <span lang="zh-CN">{printed}</span>
                {meaning !== printed && <span className="scan-field__meaning"> · {meaning}</span>}
              </p>
              {field.crop && <Crop bytes={field.crop} alt={t('scanReader.cropAlt', { field: meaning })} />}
              <label className="visually-hidden" htmlFor={inputId}>
                {t('scanReader.valueLabel', { field: meaning })}
              </label>
              <input
                id={inputId}
                className="scan-field__value"
                value={values[field.key] ?? ''}
                disabled={decision !== 'pending'}
                onChange={(event) => setValues((v) => ({ ...v, [field.key]: event.target.value }))}
              />
              {failed && (
                <p className="scan-field__flag scan-field__flag--fail">{t('scanReader.checkFailed')}</p>
              )}
              {field.lowConfidence && <p className="scan-field__flag">{t('scanReader.lowConfidence')}</p>}
              {problem && <p className="scan-field__flag">{t(`scanReader.problem.${problem}`)}</p>}
              <p className="hint">
                {def && path
                  ? t('scanReader.goesTo', {
                      field: `${def.label['zh-CN']} ${def.label.en}`,
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
                      onClick={() => setDecisions((d) => ({ ...d, [field.key]: 'accepted' }))}
                    >
                      {t('scanReader.accept')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setDecisions((d) => ({ ...d, [field.key]: 'skipped' }))}
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
                    className="button button--small button--secondary"
                    onClick={() => setDecisions((d) => ({ ...d, [field.key]: 'pending' }))}
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
      <h5>{t('scanReader.checks')}</h5>
      <ul className="scan-review__checks">
        {result.checks.map((check) => (
          <li
            key={check.id}
            className={`file-check file-check--${check.status === 'fail' ? 'fail' : 'pass'}`}
          >
            <span aria-hidden="true">
              {check.status === 'pass' ? '✓' : check.status === 'fail' ? '✗' : '–'}
            </span>{' '}
            {checkWords(check, lang)}
          </li>
        ))}
      </ul>
      <p className="scan-review__actions">
        <button type="button" className="button" disabled={accepted.length === 0} onClick={write}>
          {t('scanReader.write', { count: accepted.length })}
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={() => setResult(null)}>
          {t('scanReader.close')}
        </button>
      </p>
    </section>
  );
}
