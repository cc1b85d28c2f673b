import { useId, type MouseEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { revealElement } from '../../navigation/focusTarget';
import {
  CONFIDENCES,
  sourceTitle,
  type Confidence,
  type Dispute,
  type Source,
} from '../../../../core/rules/data';
import type { Conclusion, Decision, RouteOption } from '../../../../core/rules/decide';
import type { Language } from '../../../../electron/contract';
import { ExternalLink } from '../../components/ExternalLink';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { enumKey } from '../../i18n/enumKey';
import { RuleAgeNotice, useRulePackWords } from '../../components/RuleAgeNotice';
import './pathway.css';
import { WordSpace } from '../../i18n/WordSpace';

const LEGEND_ID = 'pathway-confidence-levels';
const DISPUTES_ID = 'pathway-disputes';
const disputeAnchor = (id: string) => `pathway-dispute-${id}`;

export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation();
  return (
    <a
      href={`#${LEGEND_ID}`}
      className={`badge badge--${confidence}`}
      data-confidence={confidence}
      title={t(`pathway.legend.${confidence}`)}
      onClick={openTarget}
    >
      {t(`pathway.confidence.${confidence}`)}
    </a>
  );
}

/**
 * Opens the collapsed section an in-page link points to and scrolls it into view (a plain `#id` link does not
 * open a closed <details>, and must not navigate the app).
 */
function openTarget(event: MouseEvent<HTMLAnchorElement>) {
  const id = event.currentTarget.getAttribute('href')?.slice(1);
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  event.preventDefault();
  for (let node: HTMLElement | null = target; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement) node.open = true;
  }
  revealElement(target, 'start');
}

/** Sources once each, by address (or title where there is none): the list key is that stable id. */
export function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = s.url ?? s.title;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const isWeb = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//.test(url);

/** Beside a source whose address is a copy on a site that did not issue the text. */
export function SecondaryMark() {
  const { t } = useTranslation();
  return (
    <span className="source__secondary" translate="yes" data-testid="source-secondary">
      <WordSpace />
      {t('pathway.secondarySource')}
    </span>
  );
}

/** The English meaning of a Chinese source title, after it. */
function SourceMeaning({ meaning }: { meaning: string }) {
  return (
    <span className="source__meaning" lang="en" translate="yes" data-testid="source-meaning">
      {' '}
      ({meaning})
    </span>
  );
}

/**
 * A source's title in the UI language (see sourceTitle): in English a Chinese statute keeps its Chinese name,
 * followed by its English meaning.
 */
export function SourceTitle({ source, lang }: { source: Source; lang: Language }) {
  const { title, meaning } = sourceTitle(source, lang);
  return (
    <>
      {/* A title with an English meaning is the Chinese original. */}
      {meaning ? <span lang="zh-CN">{title}</span> : title}
      {meaning && <SourceMeaning meaning={meaning} />}
    </>
  );
}

/** A source by its title; a web source is a link through the app's link guard (main decides whether it opens). */
function SourceList({ sources }: { sources: readonly Source[] }) {
  const lang = useUiLanguage();
  return (
    <ul className="sources" translate="no">
      {uniqueSources(sources).map((source) => {
        const { title, meaning } = sourceTitle(source, lang);
        return (
          <li key={source.url ?? source.title} className="source">
            {isWeb(source.url) ? (
              <ExternalLink href={source.url}>
                <span lang={meaning ? 'zh-CN' : undefined}>{title}</span>
              </ExternalLink>
            ) : (
              <span className="source__title" lang={meaning ? 'zh-CN' : undefined}>
                {title}
              </span>
            )}
            {meaning && <SourceMeaning meaning={meaning} />}
            {source.secondary && <SecondaryMark />}
          </li>
        );
      })}
    </ul>
  );
}

function SourcesDetails({ sources }: { sources: readonly Source[] }) {
  const { t } = useTranslation();
  const unique = uniqueSources(sources);
  return (
    <details className="conclusion__sources">
      <summary>{t('pathway.sources', { count: unique.length })}</summary>
      <SourceList sources={unique} />
    </details>
  );
}

function DisputeLinks({ disputes, lang }: { disputes: readonly Dispute[]; lang: Language }) {
  const { t } = useTranslation();
  if (disputes.length === 0) return null;
  return (
    <ul className="dispute-links">
      {disputes.map((d) => (
        <li key={d.id}>
          <a href={`#${disputeAnchor(d.id)}`} onClick={openTarget} data-dispute-link={d.id}>
            {t('pathway.details.disputeLink', { topic: d.topic[lang] })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A conclusion's or an obstacle's title (the card's heading), how sure the rule is, and why. */
function ConclusionHead({
  headingId,
  finding,
  lang,
}: {
  headingId: string;
  finding: Pick<Conclusion, 'title' | 'confidence' | 'explanation'>;
  lang: Language;
}) {
  return (
    <>
      <header className="conclusion__header">
        <h4 id={headingId} className="conclusion__title">
          {finding.title[lang]}
        </h4>
        <ConfidenceBadge confidence={finding.confidence} />
      </header>
      <p className="conclusion__reason">{finding.explanation[lang]}</p>
    </>
  );
}

function ConclusionCard({ conclusion, lang }: { conclusion: Conclusion; lang: Language }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <article
      className={`conclusion conclusion--${conclusion.effect}`}
      aria-labelledby={headingId}
      data-code={conclusion.code}
    >
      <ConclusionHead headingId={headingId} finding={conclusion} lang={lang} />
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
            <dd>{t('pathway.capitalValue', { amount: conclusion.minRegisteredCapitalCny })}</dd>
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
          <h5 className="conclusion__subheading">{t('pathway.nextActions')}</h5>
          <ul className="conclusion__list">
            {conclusion.nextActions.map((action, index) => (
              <li key={index}>{action[lang]}</li>
            ))}
          </ul>
        </>
      )}
      <DisputeLinks disputes={conclusion.disputes} lang={lang} />
      <SourcesDetails sources={conclusion.sources} />
      <p className="hint">{t('pathway.details.asOf', { date: conclusion.asOf })}</p>
    </article>
  );
}

function RouteItem({ route, likely, lang }: { route: RouteOption; likely: boolean; lang: Language }) {
  const { t } = useTranslation();
  return (
    <li className="route" data-route={route.id}>
      <div className="route__header">
        <p className="route__title">
          {route.title[lang]}
          {likely && <span className="route__likely">{t('pathway.obstacles.mostLikely')}</span>}
        </p>
        <ConfidenceBadge confidence={route.confidence} />
      </div>
      <p className="route__detail">{route.detail[lang]}</p>
      <SourcesDetails sources={route.sources} />
    </li>
  );
}

function ObstacleCard({
  obstacle,
  likelyId,
  lang,
}: {
  obstacle: Conclusion;
  likelyId: string | undefined;
  lang: Language;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <article className="obstacle" aria-labelledby={headingId} data-obstacle={obstacle.code}>
      <ConclusionHead headingId={headingId} finding={obstacle} lang={lang} />
      <DisputeLinks disputes={obstacle.disputes} lang={lang} />
      {obstacle.routes.length > 0 ? (
        <>
          <h5 className="conclusion__subheading">{t('pathway.obstacles.routesHeading')}</h5>
          <ol className="routes">
            {obstacle.routes.map((route) => (
              <RouteItem key={route.id} route={route} likely={route.id === likelyId} lang={lang} />
            ))}
          </ol>
        </>
      ) : (
        <p className="callout callout--warning">
          {obstacle.noRoute?.[lang] ?? t('pathway.obstacles.noRoute')}
        </p>
      )}
      <SourcesDetails sources={obstacle.sources} />
    </article>
  );
}

/** The result in one plain-language paragraph: what to do, how sure, the one open question, whom to ask. */
function BottomLine({ decision, lang }: { decision: Decision; lang: Language }) {
  const { t } = useTranslation();
  const { bottomLine } = decision;
  const headline =
    bottomLine.kind === 'pathway' && bottomLine.pathway
      ? t('pathway.bottom.likely', { what: t(`pathway.bottom.what.${enumKey(bottomLine.pathway)}`) })
      : bottomLine.kind === 'route' && bottomLine.route
        ? t('pathway.bottom.route', { route: bottomLine.route.title[lang] })
        : t('pathway.bottom.incomplete');
  const question = bottomLine.openQuestion;
  return (
    <div
      className={`bottom-line bottom-line--${bottomLine.kind}`}
      data-bottom-line={bottomLine.kind}
      data-pathway={decision.pathway}
    >
      <p className="bottom-line__headline">{headline}</p>
      {bottomLine.kind === 'pathway' && bottomLine.route && (
        <p className="bottom-line__otherwise">
          {t('pathway.bottom.otherwise', { route: bottomLine.route.title[lang] })}
        </p>
      )}
      {bottomLine.kind !== 'incomplete' && (
        <p className="bottom-line__sure">
          {t('pathway.bottom.sure', { level: t(`pathway.bottom.levels.${bottomLine.confidence}`) })}
          <WordSpace />
          <a href={`#${LEGEND_ID}`} onClick={openTarget}>
            {t('pathway.bottom.whatLevelsMean')}
          </a>
        </p>
      )}
      {question && (
        <p className="bottom-line__question">
          {t('pathway.bottom.openQuestion', { topic: question.topic[lang] })}
          <WordSpace />
          {question.disputeId !== undefined && (
            <a href={`#${disputeAnchor(question.disputeId)}`} onClick={openTarget}>
              {t('pathway.bottom.seeViews')}
            </a>
          )}
        </p>
      )}
      {question && (
        <p className="bottom-line__ask">
          {t('pathway.bottom.ask', { who: question.who[lang], question: question.question[lang] })}
        </p>
      )}
      {decision.missingAnswers.length > 0 && (
        <div className="bottom-line__missing" role="note">
          <p className="callout__heading">{t('pathway.missingHeading')}</p>
          <ul>
            {decision.missingAnswers.map((missing) => (
              <li key={missing.answer}>{missing.label[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      {decision.corrections.map((c) => (
        <p key={c.answer} className="callout callout--warning" role="note">
          {c.message[lang]}
        </p>
      ))}
    </div>
  );
}

function FilingSubjectCard({ decision, lang }: { decision: Decision; lang: Language }) {
  const { t } = useTranslation();
  const subject = decision.filingSubject;
  if (!subject) return null;
  return (
    <section className="filing-subject" aria-labelledby="pathway-subject-heading" data-subject={subject.kind}>
      <h3 id="pathway-subject-heading" className="pathway-result__subheading">
        {t('pathway.subject.heading')}
      </h3>
      <p>
        <strong>{t(`pathway.subject.kinds.${subject.kind}`)}</strong>
        {subject.kind !== 'none' && (
          <> — {t('pathway.subject.document', { document: subject.document[lang] })}</>
        )}
      </p>
      {subject.number && <p>{t('pathway.subject.number', { number: subject.number[lang] })}</p>}
      <p className="hint">{subject.note[lang]}</p>
      {subject.providerDependent && (
        <p className="callout callout--warning">{t('pathway.subject.providerDependent')}</p>
      )}
    </section>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <details className="pathway-details" id={LEGEND_ID} tabIndex={-1}>
      <summary>{t('pathway.bottom.whatLevelsMean')}</summary>
      <dl className="legend">
        {CONFIDENCES.map((level) => (
          <div key={level} className="legend__row">
            <dt>
              <span className={`badge badge--${level}`}>{t(`pathway.confidence.${level}`)}</span>
            </dt>
            <dd>{t(`pathway.legend.${level}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * The pathway decision for a non-lawyer: one bottom line first (most likely way, how sure, the open question,
 * whom to ask), then every obstacle with its ways forward, who files, and the details collapsed — each
 * conclusion, each dispute once (linked from the conclusions it affects), the confidence levels explained.
 */
export function PathwayResult({
  decision,
  headingRef,
}: {
  decision: Decision;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const isObstacle = (c: Conclusion) => c.effect === 'blocked' || c.effect === 'no_filing';
  const obstacles = decision.conclusions.filter(isObstacle);
  const details = decision.conclusions.filter((c) => !isObstacle(c));
  const rulePack = useRulePackWords(decision.rulePack);
  return (
    <section className="pathway-result" aria-labelledby="pathway-result-heading">
      <h2 id="pathway-result-heading" ref={headingRef} tabIndex={-1} className="card__heading">
        {t('pathway.resultHeading')}
      </h2>
      <RuleAgeNotice info={decision.rulePack} settingsLink />
      <BottomLine decision={decision} lang={lang} />

      {obstacles.length > 0 && (
        <section className="obstacles" aria-labelledby="pathway-obstacles-heading">
          <h3 id="pathway-obstacles-heading" className="pathway-result__subheading">
            {t('pathway.obstacles.heading', { count: obstacles.length })}
          </h3>
          {obstacles.map((obstacle, index) => (
            <ObstacleCard
              key={`${obstacle.code}:${obstacle.surface ?? obstacle.sector ?? index}`}
              obstacle={obstacle}
              likelyId={decision.likelyRoute?.id}
              lang={lang}
            />
          ))}
        </section>
      )}

      <FilingSubjectCard decision={decision} lang={lang} />

      {details.length > 0 && (
        <details className="pathway-details">
          <summary>{t('pathway.details.conclusions', { count: details.length })}</summary>
          <div className="conclusions">
            {details.map((conclusion, index) => (
              <ConclusionCard
                key={`${conclusion.code}:${conclusion.surface ?? conclusion.sector ?? index}`}
                conclusion={conclusion}
                lang={lang}
              />
            ))}
          </div>
        </details>
      )}

      {decision.disputes.length > 0 && (
        <details className="pathway-details" id={DISPUTES_ID}>
          <summary>{t('pathway.details.disputes', { count: decision.disputes.length })}</summary>
          {decision.disputes.map((dispute) => (
            <section
              key={dispute.id}
              id={disputeAnchor(dispute.id)}
              tabIndex={-1}
              className="dispute"
              aria-label={dispute.topic[lang]}
              data-dispute={dispute.id}
            >
              <h4 className="conclusion__subheading">{dispute.topic[lang]}</h4>
              <ul className="conclusion__list">
                {dispute.views.map((view, index) => (
                  <li key={index}>
                    {view.position[lang]}
                    <SourceList sources={view.sources} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </details>
      )}

      <Legend />
      <p className="hint pathway-result__version">{t('pathway.details.footer', rulePack)}</p>
    </section>
  );
}
