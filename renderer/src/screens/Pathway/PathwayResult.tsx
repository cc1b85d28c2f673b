import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidence, Source } from '../../../../core/rules/data';
import type { Conclusion, Decision } from '../../../../core/rules/decide';
import { ExternalLink } from '../../components/ExternalLink';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { enumKey } from '../../i18n/enumKey';

export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${confidence}`} data-confidence={confidence}>
      {t(`pathway.confidence.${confidence}`)}
    </span>
  );
}

/** A source by its title; a web source also shows its address (the link opens only if main allows it). */
function SourceItem({ source }: { source: Source }) {
  return (
    <li className="source" translate="no">
      <span className="source__title">{source.title}</span>
      {source.url !== undefined && source.url.startsWith('https://') && (
        <>
          {' '}
          <ExternalLink href={source.url}>
            <span className="source__url">{source.url}</span>
          </ExternalLink>
        </>
      )}
      {source.url !== undefined && !source.url.startsWith('https://') && (
        <span className="source__url"> {source.url}</span>
      )}
    </li>
  );
}

function ConclusionCard({ conclusion, index }: { conclusion: Conclusion; index: number }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const headingId = `conclusion-${index}`;
  return (
    <article
      className={`conclusion conclusion--${conclusion.effect}`}
      aria-labelledby={headingId}
      data-code={conclusion.code}
    >
      <header className="conclusion__header">
        <h3 id={headingId} className="conclusion__title">
          {conclusion.title[lang]}
        </h3>
        <ConfidenceBadge confidence={conclusion.confidence} />
      </header>
      {conclusion.confidence === 'unclear' && (
        <p className="callout callout--warning conclusion__ask">{t('pathway.askHuman')}</p>
      )}
      <p className="conclusion__reason">{conclusion.explanation[lang]}</p>
      <dl className="facts">
        {conclusion.authority && (
          <>
            <dt>{t('pathway.authority')}</dt>
            <dd>{conclusion.authority[lang]}</dd>
          </>
        )}
        {conclusion.minRegisteredCapitalCny !== undefined && (
          <>
            <dt>{t('pathway.minCapital')}</dt>
            <dd>
              {t('pathway.capitalValue', { amount: conclusion.minRegisteredCapitalCny.toLocaleString(lang) })}
            </dd>
          </>
        )}
        {conclusion.timeline && (
          <>
            <dt>{t('pathway.timeline')}</dt>
            <dd>{conclusion.timeline.text[lang]}</dd>
          </>
        )}
        {conclusion.preApproval && (
          <>
            <dt>{t('pathway.preApproval')}</dt>
            <dd>
              {t('pathway.preApprovalValue', {
                permit: conclusion.preApproval.permit[lang],
                authority: conclusion.preApproval.authority[lang],
              })}
            </dd>
          </>
        )}
      </dl>
      {conclusion.nextActions.length > 0 && (
        <>
          <h4 className="conclusion__subheading">{t('pathway.nextActions')}</h4>
          <ul className="conclusion__list">
            {conclusion.nextActions.map((action) => (
              <li key={action.en}>{action[lang]}</li>
            ))}
          </ul>
        </>
      )}
      {conclusion.disputes.length > 0 && (
        <aside className="dispute" aria-label={t('pathway.disputed')}>
          <h4 className="conclusion__subheading">{t('pathway.disputed')}</h4>
          {conclusion.disputes.map((dispute) => (
            <div key={dispute.id} className="dispute__item">
              <p className="dispute__topic">{dispute.topic[lang]}</p>
              <ul className="conclusion__list">
                {dispute.views.map((view) => (
                  <li key={view.position.en}>
                    {view.position[lang]}
                    <ul className="sources">
                      {view.sources.map((source) => (
                        <SourceItem key={source.title} source={source} />
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </aside>
      )}
      <details className="conclusion__sources">
        <summary>{t('pathway.sources', { count: conclusion.sources.length })}</summary>
        <ul className="sources">
          {conclusion.sources.map((source) => (
            <SourceItem key={source.title} source={source} />
          ))}
        </ul>
        <p className="hint">{t('pathway.ruleAsOf', { rule: conclusion.ruleId, date: conclusion.asOf })}</p>
      </details>
    </article>
  );
}

/** The pathway decision in plain language: the overall result, then every conclusion with its grounds. */
export function PathwayResult({
  decision,
  headingRef,
}: {
  decision: Decision;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (
    <section className="pathway-result" aria-labelledby="pathway-result-heading">
      <h2 id="pathway-result-heading" ref={headingRef} tabIndex={-1} className="card__heading">
        {t('pathway.resultHeading')}
      </h2>
      <div className={`verdict verdict--${decision.pathway}`} data-pathway={decision.pathway}>
        <p className="verdict__label">{t(`pathway.verdict.${enumKey(decision.pathway)}`)}</p>
        <ConfidenceBadge confidence={decision.pathwayConfidence} />
      </div>
      {decision.alternativePathway !== undefined && decision.alternativePathway !== decision.pathway && (
        <p className="callout callout--warning">
          {t('pathway.alternative', {
            pathway: t(`pathway.verdict.${enumKey(decision.alternativePathway)}`),
          })}
        </p>
      )}
      {decision.missingAnswers.length > 0 && (
        <div className="callout" role="note">
          <p className="callout__heading">{t('pathway.missingHeading')}</p>
          <ul>
            {decision.missingAnswers.map((missing) => (
              <li key={missing.answer}>{missing.label[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="conclusions">
        {decision.conclusions.map((conclusion, index) => (
          <ConclusionCard key={`${conclusion.ruleId}-${index}`} conclusion={conclusion} index={index} />
        ))}
      </div>
      <p className="hint pathway-result__version">
        {t('pathway.rulesVersion', { date: decision.asOf })}{' '}
        <span translate="no">{decision.rulesVersion}</span>
      </p>
    </section>
  );
}
