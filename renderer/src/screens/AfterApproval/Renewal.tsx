import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLicenceHolder } from '../../../../core/after/changes';
import { renewalMaterials, renewalPreChecks, renewalStatus } from '../../../../core/after/renewal';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { useCaseSession } from '../Case/caseSession';
import { AfterSection } from './AfterSection';
import { DateField } from '../../components/fields';
import { ConfidenceBadge } from './LifecycleFields';
import { ChinaDateNote } from '../../components/ChinaDateNote';
import { SourceList } from './SourceList';
import { useFormat } from '../../i18n/useFormat';
import { WordSpace } from '../../i18n/WordSpace';

/**
 * Licence renewal: the countdown to the last day to apply, each service's launch date (the evidence the
 * renewal needs), the pre-checks, the packet's materials, and the packet built by main into a folder it asks
 * for.
 */
export function Renewal({ caseId, today }: { caseId: string; today: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useUiLanguage();
  const api = useApi();
  const call = useApiCall();
  const { caseData, update, flush } = useCaseSession();
  const [built, setBuilt] = useState<{ folder: string; count: number } | null>(null);
  const status = renewalStatus(caseData, today);

  const build = async () => {
    setBuilt(null);
    if (!(await flush())) return;
    const result = await call(api.renewalBuild({ caseId, today }));
    if (result?.built) setBuilt({ folder: result.folderPath, count: result.fileCount });
  };

  // A filing does not hold a licence: no pre-checks to fail, no packet to build (as the annual report).
  if (!isLicenceHolder(caseData)) {
    return (
      <AfterSection
        id="after-renewal"
        heading={t('lifecycle.renewal.heading')}
        intro={t('lifecycle.renewal.intro')}
      >
        <p className="hint" data-testid="renewal-not-licensed">
          {t('lifecycle.renewal.notLicensed')}
        </p>
      </AfterSection>
    );
  }

  return (
    <AfterSection
      id="after-renewal"
      heading={t('lifecycle.renewal.heading')}
      intro={t('lifecycle.renewal.intro')}
    >
      {status.phase === 'noLicence' ? (
        <p className="hint" data-testid="renewal-no-licence">
          {t('lifecycle.renewal.noLicence')}
        </p>
      ) : (
        <div
          className={`after-timer${status.phase === 'late' || status.phase === 'expired' ? ' after-timer--overdue' : ''}`}
          role="status"
          data-testid="renewal-countdown"
          data-phase={status.phase}
        >
          <p className="after-timer__left">
            {status.daysToApplyBy !== null && status.daysToApplyBy >= 0
              ? t('lifecycle.renewal.countdown', { count: status.daysToApplyBy })
              : t('lifecycle.renewal.overdue', { count: -(status.daysToApplyBy ?? 0) })}
          </p>
          <p>{t(`lifecycle.renewal.phase.${status.phase}`, { date: status.prepareFrom })}</p>
          <dl className="lifecycle-dates">
            <dt>{t('lifecycle.renewal.validTo')}</dt>
            <dd>{fmt.date(status.validTo)}</dd>
            <dt>{t('lifecycle.renewal.prepareFrom')}</dt>
            <dd>{fmt.date(status.prepareFrom)}</dd>
            <dt>{t('lifecycle.renewal.applyBy')}</dt>
            <dd data-testid="renewal-apply-by">{fmt.date(status.applyBy)}</dd>
          </dl>
          <ConfidenceBadge confidence={status.confidence} />
          <SourceList sources={status.sources} />
        </div>
      )}

      <h3 className="card__subheading">{t('lifecycle.renewal.launches.heading')}</h3>
      <p className="hint">{t('lifecycle.renewal.launches.intro')}</p>
      <div className="field-grid after-grid">
        {caseData.services.map((service) => (
          <DateField
            key={service.id}
            id={`renewal-launch-${service.id}`}
            testId={`renewal-launch-${service.id}`}
            label={t('lifecycle.renewal.launches.label', { name: service.name || service.id })}
            value={service.launchedOn ?? ''}
            onChange={(launchedOn) =>
              update((c) => ({
                ...c,
                services: c.services.map((s) => (s.id === service.id ? { ...s, launchedOn } : s)),
              }))
            }
          />
        ))}
      </div>

      <h3 className="card__subheading">{t('lifecycle.renewal.prechecks.heading')}</h3>
      <ul className="after-flags" data-testid="renewal-prechecks">
        {renewalPreChecks(caseData, today).map((check) => (
          <li key={check.id} data-check={check.id} data-ok={check.ok}>
            <span className={`status-badge ${check.ok ? 'after-state--upcoming' : 'after-state--overdue'}`}>
              {check.ok ? t('lifecycle.renewal.prechecks.ok') : t('lifecycle.renewal.prechecks.fail')}
            </span>{' '}
            <strong>{t(`lifecycle.renewal.prechecks.${check.id}`)}</strong>
            {check.findings.length > 0 && (
              <ul>
                {check.findings.map((finding) => (
                  <li key={finding.en}>{finding[lang]}</li>
                ))}
              </ul>
            )}
            <SourceList sources={check.sources} />
          </li>
        ))}
      </ul>

      <h3 className="card__subheading">{t('lifecycle.renewal.materials.heading')}</h3>
      <ul className="after-flags" data-testid="renewal-materials">
        {renewalMaterials(caseData).map((m) => (
          <li key={m.id}>
            <span className="hint">
              {m.template
                ? t('lifecycle.renewal.materials.written')
                : t('lifecycle.renewal.materials.toPrepare')}
            </span>
            <WordSpace />
            <span lang="zh-CN">{m.label['zh-CN']}</span>
            {lang === 'en' && <span className="hint"> — {m.label.en}</span>}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void build()}
        data-testid="renewal-build"
        disabled={status.phase === 'noLicence'}
      >
        {t('lifecycle.renewal.build')}
      </button>
      <ChinaDateNote testId="renewal-china-date" />
      {built && (
        <p className="after-saved" role="status" data-testid="renewal-built">
          {t('lifecycle.renewal.built', { folder: built.folder, count: built.count })}
        </p>
      )}
    </AfterSection>
  );
}
