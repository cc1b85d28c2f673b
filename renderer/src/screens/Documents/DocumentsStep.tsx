import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../../core/model/case';
import type { ScanRefusal } from '../../../../core/documents/signed-scan';
import { buildChecklist, type ChecklistStatus } from '../../../../core/rules/checklist';
import { packetPathway } from '../../../../core/rules/licence-categories';
import type { ErrorCode } from '../../../../electron/contract';
import en from '../../../../locales/en.json';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { Section } from '../../components/fields/FormSection';
import { PiInventory } from '../../components/PiInventory';
import { ProgressPanel } from '../../components/ProgressPanel';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/stepProps';
import { StepFrame } from '../Case/StepFrame';
import { ChecklistItemCard, takesFiles } from './ChecklistItemCard';
import type { ScanReview } from './ScanReader';
import '../workspace-steps.css';
import { settle } from '../../api/settle';
import { documentTemplate } from '../../../../core/documents/templates';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { changesText } from './SigningPanel';

/** The reasons a signed scan is refused (core/documents/signed-scan.ts `ScanRefusal`), each with its text. */
const SCAN_REFUSALS = [
  'noMark',
  'instructionSheet',
  'unmarkedPage',
  'otherCase',
  'otherDocument',
  'otherVersion',
  'mixedPrintouts',
  'severalPagesInImage',
  'pageRepeated',
  'unsignedOriginal',
  'digitalDocument',
  'undecodablePdf',
] as const satisfies readonly ScanRefusal['reason'][];

type AttachmentKind = keyof typeof en.errors.attachmentKind;
const KNOWN_KINDS: ReadonlySet<string> = new Set(Object.keys(en.errors.attachmentKind));

/**
 * The summary's counts. A missing required item is a pre-flight error (it is in the step list's “to fix”
 * count); a missing recommended one is not, so the two are counted apart.
 */
const SUMMARY_COUNTS = [
  'missingRequired',
  'missingRecommended',
  'invalid',
  'stale',
  'expiring',
  'provided',
] as const;
type SummaryCount = (typeof SUMMARY_COUNTS)[number];
/** Shown even at 0 (“0 required missing” is the good news); the others only when some item has them. */
const ALWAYS_COUNTED: ReadonlySet<SummaryCount> = new Set(['missingRequired', 'provided']);
const BADGE_STYLE: Record<SummaryCount, string> = {
  missingRequired: 'missing',
  missingRecommended: 'recommended',
  invalid: 'invalid',
  stale: 'stale',
  expiring: 'expiring',
  provided: 'provided',
};

const summaryCount = (item: { status: ChecklistStatus; importance: 'required' | 'recommended' }) =>
  item.status === 'missing'
    ? item.importance === 'required'
      ? 'missingRequired'
      : 'missingRecommended'
    : item.status;

interface Refusal {
  itemId: string;
  fileName: string;
  code: ErrorCode;
  details?: Record<string, string | number | boolean>;
}

interface Adding {
  itemId: string;
  done: number;
  total: number;
  fileName: string;
  cancelled: boolean;
}

/**
 * The Documents step: the checklist computed from the pathway and the case, each item with its status,
 * format rules and validity, and its files — added by drag and drop or the file picker, previewed, checked
 * against the rules one by one, dated and removed.
 */
export function DocumentsStep({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  const call = useApiCall();
  const lang = useUiLanguage();
  const { caseData, decision, update, replace, flush } = useCaseSession();
  const [adding, setAdding] = useState<Adding | null>(null);
  const [refusals, setRefusals] = useState<readonly Refusal[]>([]);
  const [removing, setRemoving] = useState(false);
  const cancelAdding = useRef(false);
  const [reviews, setReviews] = useState<ReadonlyMap<string, ScanReview>>(new Map());
  const [turning, setTurning] = useState<string | null>(null);

  const checklist = useMemo(() => buildChecklist(caseData, decision), [caseData, decision]);
  const attachable = checklist.filter(takesFiles);
  const other = checklist.filter((item) => !takesFiles(item));
  const counts = new Map<string, number>();
  for (const item of attachable) {
    const key = summaryCount(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  const addFiles = async (itemId: string, files: readonly File[]) => {
    // The store writes the case: anything typed but not yet saved goes first, so nothing is lost.
    if (!(await flush())) return;
    cancelAdding.current = false;
    setRefusals((current) => current.filter((r) => r.itemId !== itemId));
    const refused: Refusal[] = [];
    for (const [index, file] of files.entries()) {
      if (cancelAdding.current) break;
      setAdding({ itemId, done: index, total: files.length, fileName: file.name, cancelled: false });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await settle(
        api.attachmentAdd({ caseId, checklistItemId: itemId, fileName: file.name, bytes }),
      );
      if (result.ok) replace(result.value.case);
      else
        refused.push({
          itemId,
          fileName: file.name,
          code: result.code,
          ...(result.details ? { details: result.details } : {}),
        });
    }
    setAdding(null);
    setRefusals((current) => [...current, ...refused]);
  };

  const remove = async (itemId: string, file: AttachmentMeta) => {
    if (!(await flush())) return;
    setRemoving(true);
    const stored = await call(
      api.attachmentRemove({ caseId, attachmentId: file.id, checklistItemId: itemId }),
    );
    setRemoving(false);
    if (stored) replace(stored);
  };

  const setReview = (file: AttachmentMeta, review: ScanReview | undefined) =>
    setReviews((current) => {
      const next = new Map(current);
      if (review) next.set(file.id, review);
      else next.delete(file.id);
      return next;
    });

  // The store replaces the scan with a turned copy (a new attachment); a reading under review moves with it.
  const turnUpright = async (itemId: string, file: AttachmentMeta) => {
    const turn = file.turnToUpright;
    if (turn === undefined || !(await flush())) return;
    const before = new Set(caseData.attachments.map((a) => a.id));
    setTurning(file.id);
    const stored = await call(
      api.attachmentRotate({ caseId, attachmentId: file.id, checklistItemId: itemId, turn }),
    );
    setTurning(null);
    if (!stored) return;
    replace(stored);
    const turned = stored.attachments.find((a) => a.checklistItemId === itemId && !before.has(a.id));
    setReviews((current) => {
      const review = current.get(file.id);
      if (!review || !turned) return current;
      const next = new Map(current);
      next.delete(file.id);
      next.set(turned.id, review);
      return next;
    });
  };

  const keepAsIs = (itemId: string, file: AttachmentMeta) =>
    update((current) => ({
      ...current,
      attachments: current.attachments.map((a) => {
        if (a.id !== file.id || a.checklistItemId !== itemId) return a;
        const { turnToUpright: _turn, ...upright } = a;
        return upright;
      }),
    }));

  const setValidity = (file: AttachmentMeta, field: 'validFrom' | 'validTo', value: string) => {
    update((current) => ({
      ...current,
      attachments: current.attachments.map((a) =>
        a.id === file.id && a.checklistItemId === file.checklistItemId ? { ...a, [field]: value } : a,
      ),
    }));
  };

  const refusalText = (refusal: Refusal) => {
    if (refusal.code === 'signedScanRefused') return signedScanRefusal(refusal);
    const found = refusal.details?.found;
    const reason = t(`errors.${refusal.code}`, { ...refusal.details });
    if (typeof found === 'string' && KNOWN_KINDS.has(found)) {
      const kind = t(`errors.attachmentKind.${found as AttachmentKind}`);
      return t('documentsStep.refusedKind', { name: refusal.fileName, kind, reason });
    }
    return t('documentsStep.refused', { name: refusal.fileName, reason });
  };

  /** Why a file is not the signed scan its line needs, and what to do, naming the documents concerned. */
  const signedScanRefusal = (refusal: Refusal) => {
    const details = refusal.details ?? {};
    const reason = String(details.reason ?? '');
    const title = (id: string | undefined) => {
      const template = id === undefined ? undefined : documentTemplate(id);
      return template ? (lang === 'zh-CN' ? template.title.zh : template.title.en) : '';
    };
    const line = checklist.find((i) => i.id === refusal.itemId);
    const changed = typeof details.changed === 'string' ? details.changed.split('\n') : [];
    const known = (SCAN_REFUSALS as readonly string[]).includes(reason);
    const text = known
      ? t(`signing.refused.${reason as (typeof SCAN_REFUSALS)[number]}`, {
          document: title(line?.signing?.templateId),
          found: title(typeof details.found === 'string' ? details.found : undefined),
          page: details.page ?? '',
          changes: changesText(lang, changed),
        })
      : t('errors.signedScanRefused');
    return t('documentsStep.refused', { name: refusal.fileName, reason: text });
  };

  const renderItem = (item: (typeof checklist)[number]) => (
    <div key={item.id} className="checklist__entry">
      <ChecklistItemCard
        caseId={caseId}
        item={item}
        checklist={checklist}
        files={caseData.attachments.filter((a) => item.attachmentIds.includes(a.id))}
        busy={adding !== null || removing || turning !== null}
        onAddFiles={(files) => void addFiles(item.id, files)}
        onRemove={(file) => void remove(item.id, file)}
        onValidityChange={setValidity}
        reviews={reviews}
        onReview={setReview}
        turning={turning}
        onTurnUpright={(file) => void turnUpright(item.id, file)}
        onKeepAsIs={(file) => keepAsIs(item.id, file)}
      />
      {refusals
        .filter((r) => r.itemId === item.id)
        .map((refusal, index) => (
          <p key={index} className="checklist__refusal" role="alert">
            {refusalText(refusal)}
          </p>
        ))}
      {adding?.itemId === item.id && (
        <ProgressPanel
          label={t('documentsStep.adding')}
          done={adding.done}
          total={adding.total}
          detail={adding.fileName}
          cancelling={adding.cancelled}
          onCancel={() => {
            cancelAdding.current = true;
            setAdding((current) => (current ? { ...current, cancelled: true } : current));
          }}
        />
      )}
    </div>
  );

  return (
    <StepFrame caseId={caseId} step={step} navigate={navigate} className="documents-step">
      <p className="documents-step__counts" data-testid="checklist-counts">
        {SUMMARY_COUNTS.filter((key) => ALWAYS_COUNTED.has(key) || (counts.get(key) ?? 0) > 0).map((key) => (
          <span key={key} className={`status-badge status-badge--${BADGE_STYLE[key]}`}>
            {t(`documentsStep.count.${key}`, { count: counts.get(key) ?? 0 })}
          </span>
        ))}
      </p>
      <p className="hint documents-step__counts-note">{t('documentsStep.countsNote')}</p>

      {checklist.length === 0 ? (
        <div className="callout" role="note">
          <p>{t('documentsStep.empty')}</p>
        </div>
      ) : (
        <>
          <section aria-labelledby="documents-attach-heading" className="checklist">
            <h2 id="documents-attach-heading" className="checklist__heading">
              {t('documentsStep.toAttach')}
            </h2>
            {attachable.map(renderItem)}
          </section>
          {other.length > 0 && (
            <section aria-labelledby="documents-other-heading" className="checklist">
              <h2 id="documents-other-heading" className="checklist__heading">
                {t('documentsStep.notAttached')}
              </h2>
              <p className="hint">{t('documentsStep.notAttachedHint')}</p>
              {other.map(renderItem)}
            </section>
          )}
        </>
      )}
      {packetPathway(decision) && (
        <Section
          id="documents-inventory"
          title={t('documentsStep.inventory.heading')}
          hint={t('documentsStep.inventory.intro')}
        >
          <PiInventory />
        </Section>
      )}
      <p className="hint documents-step__source">
        {t('documentsStep.sourceNote', { asOf: checklist[0]?.asOf ?? '' })}
      </p>
    </StepFrame>
  );
}
