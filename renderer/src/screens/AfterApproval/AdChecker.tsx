import { useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AD_TEXT_MAX_CHARS, checkAdCopy, type AdFinding } from '../../../../core/after/ad-check';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { useCaseSession } from '../Case/caseSession';
import { SourceList } from './SourceList';
import { AfterSection } from './AfterSection';

/** The checked text with every finding marked; each mark names its finding's number. */
function Highlighted({ text, findings }: { text: string; findings: readonly AdFinding[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  findings.forEach((f, index) => {
    if (f.start > at) parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={index} className={`after-mark after-mark--${f.severity}`} data-rule={f.ruleId}>
        {text.slice(f.start, f.end)}
        <sup>{index + 1}</sup>
      </mark>,
    );
    at = f.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return (
    <div className="after-highlight" data-testid="ad-highlight">
      {parts}
    </div>
  );
}

/**
 * The Advertising Law checker: paste or drop ad copy or a store listing (Chinese or English); each finding
 * is marked in the text and listed with its rule, source and a suggested rewording. The text is kept in
 * the case (autosave, undo); what the checker refuses (binary, over the limit) stays in the box untouched.
 */
export function AdChecker() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { caseData, update } = useCaseSession();
  const stored = caseData.afterApproval.adCopy;
  // What the user typed or dropped; longer text than the case can hold stays here (and on screen).
  const [local, setLocal] = useState<string | null>(null);
  const [dropProblem, setDropProblem] = useState<string>('');
  const text = local ?? stored;
  const result = useMemo(() => (text.trim() === '' ? undefined : checkAdCopy(text)), [text]);

  const change = (next: string) => {
    setDropProblem('');
    if (next.length > AD_TEXT_MAX_CHARS) {
      setLocal(next);
      return;
    }
    setLocal(null);
    update((c) => ({ ...c, afterApproval: { ...c.afterApproval, adCopy: next } }));
  };

  const onDrop = async (event: DragEvent<HTMLTextAreaElement>) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      change(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      setDropProblem(t('afterApproval.adCheck.notUtf8', { name: file.name }));
    }
  };

  const bans = result?.ok ? result.findings.filter((f) => f.severity === 'ban').length : 0;
  const reviews = result?.ok ? result.findings.length - bans : 0;
  return (
    <AfterSection
      id="after-adcheck"
      heading={t('afterApproval.adCheck.heading')}
      intro={t('afterApproval.adCheck.intro')}
    >
      <label className="field" htmlFor="ad-copy">
        <span className="field__label">{t('afterApproval.adCheck.label')}</span>
        <textarea
          id="ad-copy"
          className="textarea after-adcopy"
          rows={6}
          value={text}
          onChange={(e) => change(e.target.value)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => void onDrop(e)}
          data-testid="ad-copy"
        />
        <span className="hint">
          {t('afterApproval.adCheck.count', { count: text.length, max: AD_TEXT_MAX_CHARS })}
        </span>
      </label>
      {dropProblem && (
        <p className="field-issue field-issue--error" role="alert">
          {dropProblem}
        </p>
      )}
      {result && !result.ok && (
        <p className="field-issue field-issue--error" role="alert" data-testid="ad-refused">
          {t(`afterApproval.adCheck.refused.${result.code}`, {
            count: result.characters,
            max: AD_TEXT_MAX_CHARS,
          })}
        </p>
      )}
      {result?.ok && (
        <div aria-live="polite">
          <p className="after-ad-summary" data-testid="ad-summary">
            {result.findings.length === 0
              ? t('afterApproval.adCheck.clean')
              : t('afterApproval.adCheck.summary', { bans, reviews })}
          </p>
          {result.findings.length > 0 && (
            <>
              <Highlighted text={text} findings={result.findings} />
              <ol className="after-findings" data-testid="ad-findings">
                {result.findings.map((f, index) => (
                  <li
                    key={`${f.start}-${f.groupId}`}
                    className={`after-finding after-finding--${f.severity}`}
                  >
                    <p>
                      <strong>
                        {t('afterApproval.adCheck.findingTitle', { number: index + 1, text: f.text })}
                      </strong>{' '}
                      <span
                        className={`severity-badge severity-badge--${f.severity === 'ban' ? 'error' : 'warning'}`}
                      >
                        {t(`afterApproval.adCheck.severity.${f.severity}`)}
                      </span>{' '}
                      {f.title[lang]}{' '}
                      <span className={`badge badge--${f.confidence}`}>
                        {t(`afterApproval.confidence.${f.confidence}`)}
                      </span>
                    </p>
                    <p className="hint">{f.article[lang]}</p>
                    <p>{t('afterApproval.adCheck.suggestion', { text: f.suggestion[lang] })}</p>
                    <SourceList sources={f.sources} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
      <p className="hint">{t('afterApproval.adCheck.disclaimer')}</p>
    </AfterSection>
  );
}
