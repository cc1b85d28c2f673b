import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AttachmentMeta } from '../../../../core/model/case';
import type { ChecklistItem, SigningLine } from '../../../../core/rules/checklist';
import { attachmentsLookedAt, isLineOf } from '../../../../core/documents/conditions';
import {
  changedFieldLabel,
  displayVersion,
  signedTemplate,
  signingDuties,
} from '../../../../core/documents/signing';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { useCaseSession } from '../Case/caseSession';

/** The state sentence of a signed document's line. */
function stateText(t: TFunction, signing: SigningLine): string {
  switch (signing.state) {
    case 'none':
      return t('signing.state.none');
    case 'incomplete':
      return t('signing.state.incomplete');
    case 'stale':
      return t('signing.state.stale');
    case 'unchecked':
      return t('signing.state.unchecked');
    case 'complete':
      return signing.pageCount === 1
        ? t('signing.state.completeOnePage', { count: 1 })
        : t('signing.state.completeAllPages', { count: signing.pageCount ?? 0 });
  }
}

/**
 * The sign-and-return part of a checklist line for a document the app generates to be signed by hand:
 * what the line needs now, who signs and seals what, the version the document prints now, and
 * "Print / save for signing" (main saves the marked PDF with its instruction page through its own dialog).
 * A document whose text lists files that go with it (the licence letter's 附件) names those not attached
 * yet: attached after it is printed, they change it, and it must be signed again.
 */
export function SigningPanel({
  caseId,
  item,
  checklist,
}: {
  caseId: string;
  item: ChecklistItem;
  /** Every line of the case's checklist. */
  checklist: readonly ChecklistItem[];
}) {
  const { t } = useTranslation();
  const api = useApi();
  const call = useApiCall();
  const lang = useUiLanguage();
  const { caseData, replace, flush } = useCaseSession();
  const [busy, setBusy] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const signing = item.signing;
  const template = signing ? signedTemplate(signing.templateId) : undefined;
  if (!signing || !template) return null;

  const duties = signingDuties(template, caseData, lang === 'zh-CN' ? 'zh' : 'en');
  const lookedAt = attachmentsLookedAt(template);
  const notYetAttached = checklist.filter(
    (line) =>
      line.id !== item.id &&
      line.attachmentIds.length === 0 &&
      lookedAt.some((entry) => isLineOf(line.id, entry)),
  );
  const waiting = notYetAttached.map((line) => line.name[lang]).join(lang === 'zh-CN' ? '、' : '; ');
  // The seal carries the Chinese name; in English the company's English name follows it, when the case has one.
  const latin = caseData.subject.nameLatin.trim();
  const companyName = (company: string) =>
    lang === 'en' && latin !== '' && company === caseData.subject.name ? `${company} (${latin})` : company;
  const print = async () => {
    // The print records the version in the case: what is typed goes first.
    if (!(await flush())) return;
    setBusy(true);
    setSavedTo(null);
    const result = await call(api.signingPrint({ caseId, templateId: signing.templateId, language: lang }));
    setBusy(false);
    if (result?.saved) {
      replace(result.case);
      setSavedTo(result.filePath);
    }
  };

  return (
    <div className="signing-panel" data-testid="signing-panel" data-state={signing.state}>
      <h4 className="signing-panel__heading">{t('signing.heading')}</h4>
      <p className="signing-panel__state">{stateText(t, signing)}</p>
      <ul className="signing-panel__duties" aria-label={t('signing.dutiesLabel')}>
        {duties.map((duty, i) => {
          // The label as printed, with its English meaning in the English UI.
          const quoted = (zh: string, en: string) => (lang === 'zh-CN' ? `“${zh}”` : `“${zh}” (${en})`);
          if (duty.kind === 'signature') {
            const line = quoted(duty.label, duty.labelEn);
            return (
              <li key={i}>
                {duty.person
                  ? t('signing.duty.signature', { person: duty.person, line })
                  : t('signing.duty.signatureAnyone', { line })}
              </li>
            );
          }
          const party = quoted(duty.party, duty.partyEn);
          return (
            <li key={i}>
              {duty.kind === 'seal'
                ? t('signing.duty.seal', { company: companyName(duty.company), party })
                : t('signing.duty.provider', { party })}
            </li>
          );
        })}
      </ul>
      <p className="signing-panel__version">
        {/* The version code is a code, not words: marked so that it is never translated. */}
        <Trans
          i18nKey="signing.version"
          values={{ version: displayVersion(signing.version) }}
          components={{ code: <code translate="no" /> }}
        />
      </p>
      {waiting !== '' && (
        <p className="hint" data-testid="signing-attach-first">
          {signing.state === 'complete'
            ? t('signing.attachChanges', { list: waiting })
            : t('signing.attachFirst', { list: waiting })}
        </p>
      )}
      <div className="signing-panel__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid={`sign-print-${item.id}`}
          disabled={busy}
          onClick={() => void print()}
        >
          {busy ? t('signing.printing') : t('signing.print')}
        </button>
      </div>
      {savedTo !== null && (
        <p className="signing-panel__saved" role="status" data-testid="signing-saved">
          {t('signing.saved', { path: savedTo })}
        </p>
      )}
      <p className="hint">{t('signing.attachHint')}</p>
    </div>
  );
}

/** What a file on a signed document's line is: the checked signed copy of which pages, out of date, unchecked. */
export function signedFileText(
  t: TFunction,
  file: AttachmentMeta,
  signing: SigningLine,
): { text: string; tone: 'pass' | 'fail' } {
  const copy = file.signedCopy;
  if (!copy || copy.templateId !== signing.templateId || signing.uncheckedIds.includes(file.id))
    return { text: t('signing.file.unchecked'), tone: 'fail' };
  if (copy.contentVersion !== signing.version)
    return { text: t('signing.file.stale', { version: displayVersion(copy.contentVersion) }), tone: 'fail' };
  return {
    text: t('signing.file.current', {
      pages: copy.pages.join(', '),
      count: copy.pageCount,
      version: displayVersion(copy.contentVersion),
    }),
    tone: 'pass',
  };
}

/** The changed fields of a refusal or an out-of-date copy, named in the UI language: " (A, B)". */
export function changesText(lang: 'en' | 'zh-CN', paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const labels = paths.map((p) => changedFieldLabel(p)[lang]);
  return lang === 'zh-CN' ? `（${labels.join('、')}）` : ` (${labels.join(', ')})`;
}
