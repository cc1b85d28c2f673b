import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AttachmentMeta } from '../../../../core/model/case';
import type { ChecklistItem, ChecklistStatus } from '../../../../core/rules/checklist';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { AttachmentPreview } from './AttachmentPreview';
import { ScanReader, type ScanReview } from './ScanReader';
import { checkFile, mediaTypeName, type FileCheck } from './fileChecks';
import { useFormat } from '../../i18n/useFormat';
import { DateField } from '../../components/fields/Field';
import { fieldDef } from '../../../../core/model/fields';
import { CHECKLIST } from '../../../../core/rules/data';
import type { StepId } from '../Case/steps';
import { SigningPanel, signedFileText } from './SigningPanel';

/** The element id of a checklist item, so the pre-flight can open it (`attachments:<item id>`). */
export function checklistItemDomId(itemId: string): string {
  return `checklist-item-${itemId}`;
}

/** Items the user attaches files to; generated and platform items are shown for completeness only. */
export function takesFiles(item: ChecklistItem): boolean {
  return item.origin === 'user' || item.origin === 'generated_signed';
}

/** Text keys are camelCase; the checklist's status ids are not all. */
export function statusKey(status: ChecklistStatus) {
  return status === 'at_submission' ? 'atSubmission' : status;
}

const ACCEPT = 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf';

export interface ChecklistItemCardProps {
  caseId: string;
  item: ChecklistItem;
  /** Every line of the checklist (a signed document names the files it lists that are not attached yet). */
  checklist: readonly ChecklistItem[];
  files: readonly AttachmentMeta[];
  busy: boolean;
  onAddFiles: (files: readonly File[]) => void;
  onRemove: (file: AttachmentMeta) => void;
  onValidityChange: (file: AttachmentMeta, field: 'validFrom' | 'validTo', value: string) => void;
  /** Readings under review, by attachment id (see ScanReader). */
  reviews: ReadonlyMap<string, ScanReview>;
  onReview: (file: AttachmentMeta, review: ScanReview | undefined) => void;
  /** The attachment being turned upright, if any. */
  turning: string | null;
  onTurnUpright: (file: AttachmentMeta) => void;
  /** The user says a scan marked as lying on its side is the right way up. */
  onKeepAsIs: (file: AttachmentMeta) => void;
}

/**
 * The step where the case holds the validity dates of an item's document (the business licence term in
 * Applicant, an ID's validity in People or Services), or undefined when only the attached file can say.
 */
export function validityStepOf(entryId: string): StepId | undefined {
  const path = CHECKLIST.items.find((entry) => entry.id === entryId)?.validityFrom?.[0];
  if (path === undefined) return undefined;
  const pattern = path.startsWith('item.') ? `services.*.${path.slice('item.'.length)}` : path;
  return fieldDef(pattern)?.step;
}

export function ChecklistItemCard({
  caseId,
  item,
  checklist,
  files,
  busy,
  onAddFiles,
  onRemove,
  onValidityChange,
  reviews,
  onReview,
  turning,
  onTurnUpright,
  onKeepAsIs,
}: ChecklistItemCardProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const fmt = useFormat();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const format = item.format;
  const validityStep = validityStepOf(item.entryId);
  const accepting = takesFiles(item);
  // An item that holds all the files it takes is replaced by removing a file first, not by adding one.
  const full = files.length >= (format?.maxFiles ?? Infinity);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!accepting || busy) return;
    const dropped = [...event.dataTransfer.files];
    if (dropped.length > 0) onAddFiles(dropped);
  };

  return (
    <section
      className={`card checklist-item checklist-item--${item.status}`}
      aria-labelledby={headingId}
      id={checklistItemDomId(item.id)}
      tabIndex={-1}
      data-status={item.status}
      data-item-id={item.id}
    >
      <div className="checklist-item__head">
        <h3 id={headingId} className="checklist-item__name">
          <span lang="zh-CN">{item.name['zh-CN']}</span>
          <span className="checklist-item__name-en" lang="en">
            {item.name.en}
          </span>
        </h3>
        <p className="checklist-item__badges">
          <span className={`status-badge status-badge--${item.status}`}>
            {item.signing && item.status === 'missing'
              ? t('signing.badge')
              : t(`documentsStep.status.${statusKey(item.status)}`)}
          </span>
          <span className="checklist-item__importance">
            {t(`documentsStep.importance.${item.importance}`)}
          </span>
        </p>
      </div>

      <dl className="checklist-item__facts">
        <dt>{t('documentsStep.why')}</dt>
        <dd>{item.why[lang]}</dd>
        <dt>{t('documentsStep.providedBy')}</dt>
        <dd>{item.providedBy[lang]}</dd>
        {format !== undefined && (
          <>
            <dt>{t('documentsStep.format')}</dt>
            <dd>
              <ul className="checklist-item__rules">
                <li>
                  {t('documentsStep.rules.types', {
                    types: format.mediaTypes.map(mediaTypeName).join(' / '),
                  })}
                </li>
                {format.maxBytes !== undefined && (
                  <li>{t('documentsStep.rules.maxSize', { size: fmt.bytes(format.maxBytes) })}</li>
                )}
                {(format.minLongEdgePx !== undefined || format.minShortEdgePx !== undefined) && (
                  <li>
                    {t('documentsStep.rules.minPixels', {
                      long: format.minLongEdgePx ?? 0,
                      short: format.minShortEdgePx ?? 0,
                    })}
                  </li>
                )}
                {/* A signed document's files are its pages: the signing panel says how they come. */}
                {!item.signing && (
                  <li>
                    {format.minFiles === format.maxFiles
                      ? t('documentsStep.rules.filesExactly', { count: format.maxFiles })
                      : t('documentsStep.rules.filesRange', { min: format.minFiles, max: format.maxFiles })}
                  </li>
                )}
                {format.checkValidity && (
                  <li>
                    {validityStep === undefined
                      ? t('documentsStep.rules.validity')
                      : t('workspaceGuide.documents.validityFromCase', {
                          step: t(`steps.${validityStep}.label`),
                        })}
                  </li>
                )}
                {format.note !== undefined && <li>{format.note[lang]}</li>}
              </ul>
            </dd>
          </>
        )}
        {item.validTo !== undefined && (
          <>
            <dt>{t('documentsStep.validUntil')}</dt>
            <dd>{fmt.date(item.validTo)}</dd>
          </>
        )}
      </dl>
      {format?.colour === true && <p className="hint">{t('workspaceGuide.documents.colourAdvice')}</p>}

      {item.signing && <SigningPanel caseId={caseId} item={item} checklist={checklist} />}

      {item.problems.length > 0 && (
        <ul className="checklist-item__problems">
          {item.problems.map((problem, index) => (
            <li key={index}>{problem[lang]}</li>
          ))}
        </ul>
      )}

      {!accepting && (
        <p className="hint">
          {item.origin === 'generated'
            ? t('documentsStep.generatedHint')
            : t('documentsStep.atSubmissionHint')}
        </p>
      )}

      {files.length > 0 && (
        <ul
          className="checklist-item__files"
          aria-label={t('documentsStep.filesOf', { name: item.name[lang] })}
        >
          {files.map((file) => (
            <FileRow
              key={file.id}
              caseId={caseId}
              itemId={item.id}
              file={file}
              checks={checkFile(file, format)}
              signedAs={item.signing ? signedFileText(t, file, item.signing) : undefined}
              // Dates the case already holds (the business licence term, an ID's validity) are not asked again.
              showValidity={format?.checkValidity === true && validityStep === undefined}
              busy={busy}
              onRemove={() => onRemove(file)}
              onValidityChange={(field, value) => onValidityChange(file, field, value)}
              review={reviews.get(file.id)}
              onReview={(review) => onReview(file, review)}
              turning={turning === file.id}
              onTurnUpright={() => onTurnUpright(file)}
              onKeepAsIs={() => onKeepAsIs(file)}
            />
          ))}
        </ul>
      )}

      {accepting && full && <p className="hint">{t('documentsStep.fullHint')}</p>}
      {accepting && !full && (
        <div
          className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
          data-testid="drop-zone"
          onDragEnter={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p className="drop-zone__text">{t('documentsStep.dropHere')}</p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => input.current?.click()}
            aria-describedby={headingId}
          >
            {t('documentsStep.chooseFile')}
          </button>
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            accept={ACCEPT}
            multiple={(format?.maxFiles ?? 1) > 1}
            data-testid={`file-input-${item.id}`}
            onChange={(event) => {
              const chosen = [...(event.target.files ?? [])];
              event.target.value = '';
              if (chosen.length > 0) onAddFiles(chosen);
            }}
          />
        </div>
      )}
    </section>
  );
}

function FileRow({
  caseId,
  itemId,
  file,
  checks,
  signedAs,
  showValidity,
  busy,
  onRemove,
  onValidityChange,
  review,
  onReview,
  turning,
  onTurnUpright,
  onKeepAsIs,
}: {
  caseId: string;
  itemId: string;
  file: AttachmentMeta;
  checks: FileCheck[];
  /** On a signed document's line: what the app read from the file. */
  signedAs?: { text: string; tone: 'pass' | 'fail' } | undefined;
  showValidity: boolean;
  busy: boolean;
  onRemove: () => void;
  onValidityChange: (field: 'validFrom' | 'validTo', value: string) => void;
  review: ScanReview | undefined;
  onReview: (review: ScanReview | undefined) => void;
  turning: boolean;
  onTurnUpright: () => void;
  onKeepAsIs: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const name = file.originalName || file.id.slice(0, 8);
  const idBase = `file-${itemId}-${file.id.slice(0, 12)}`;
  return (
    <li className="file-row" data-attachment-id={file.id}>
      <AttachmentPreview caseId={caseId} file={file} />
      <div className="file-row__body">
        <p className="file-row__name">{name}</p>
        <p className="file-row__meta">
          {[
            mediaTypeName(file.mediaType),
            fmt.bytes(file.bytes),
            file.widthPx !== undefined && file.heightPx !== undefined
              ? t('documentsStep.pixels', { width: file.widthPx, height: file.heightPx })
              : '',
            file.pages !== undefined ? t('documentsStep.pages', { count: file.pages }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {signedAs && (
          <p
            className={`file-check file-check--${signedAs.tone}`}
            data-testid="signed-as"
            data-tone={signedAs.tone}
          >
            <span className="file-check__mark" aria-hidden="true">
              {signedAs.tone === 'pass' ? '✓' : '✗'}
            </span>
            {signedAs.text}
          </p>
        )}
        {checks.length > 0 && (
          <ul className="file-checks" aria-label={t('documentsStep.checksOf', { name })}>
            {checks.map((check) => (
              <li key={check.id} className={`file-check file-check--${check.pass ? 'pass' : 'fail'}`}>
                <span className="file-check__mark" aria-hidden="true">
                  {check.pass ? '✓' : '✗'}
                </span>
                <span className="visually-hidden">
                  {check.pass ? t('documentsStep.checkPassed') : t('documentsStep.checkFailed')}
                </span>
                {describeCheck(check, t, fmt.bytes)}
              </li>
            ))}
          </ul>
        )}
        {file.turnToUpright !== undefined && (
          <div className="file-row__sideways" role="alert" data-testid="sideways">
            <p>
              {file.turnToUpright === 180
                ? t('scanReader.upsideDown')
                : t('scanReader.sideways', { degrees: file.turnToUpright })}
            </p>
            <p className="button-row">
              <button
                type="button"
                className="button button--small button--primary"
                data-action="turn-upright"
                disabled={busy || turning}
                onClick={onTurnUpright}
              >
                {turning ? t('scanReader.rotating') : t('scanReader.rotate')}
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                disabled={busy || turning}
                onClick={onKeepAsIs}
              >
                {t('scanReader.keepAsIs')}
              </button>
            </p>
          </div>
        )}
        <ScanReader caseId={caseId} itemId={itemId} file={file} review={review} onReview={onReview} />
        {showValidity && (
          <div className="file-row__validity">
            <DateField
              id={`${idBase}-from`}
              label={t('documentsStep.validFrom')}
              value={file.validFrom}
              onChange={(value) => onValidityChange('validFrom', value)}
            />
            <DateField
              id={`${idBase}-to`}
              label={t('documentsStep.validTo')}
              value={file.validTo}
              testId="valid-to"
              onChange={(value) => onValidityChange('validTo', value)}
            />
          </div>
        )}
        <button
          type="button"
          className="button button--small button--danger"
          onClick={onRemove}
          disabled={busy}
        >
          {t('documentsStep.remove', { name })}
        </button>
      </div>
    </li>
  );
}

function describeCheck(check: FileCheck, t: TFunction, bytes: (n: number) => string): string {
  switch (check.id) {
    case 'type':
      return t('documentsStep.checks.type', {
        found: mediaTypeName(check.found),
        accepted: check.accepted.map(mediaTypeName).join(' / '),
      });
    case 'size':
      return t('documentsStep.checks.size', {
        size: bytes(check.bytes),
        max: bytes(check.maxBytes),
      });
    case 'pixels':
      return t('documentsStep.checks.pixels', {
        width: check.width,
        height: check.height,
        long: check.minLong,
        short: check.minShort,
      });
  }
}
