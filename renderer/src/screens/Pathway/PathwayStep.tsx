import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/stepProps';
import { StepHeading } from '../Case/StepFrame';
import { StepPager } from '../Case/StepPager';
import { GROUP_OF_ANSWER, PathwayQuestions, QUESTION_GROUPS } from './PathwayQuestions';
import { pendingFocusTargets } from '../../navigation/focusTarget';
import { PathwayResult } from './PathwayResult';
import { Card } from '../../components/fields/Card';

const RESULT = QUESTION_GROUPS.length;

/**
 * The pathway check: the questions one group at a time, then the result. A case whose answers already
 * settle the pathway opens on the result; every group can be revisited.
 */
export function PathwayStep({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const { caseData, update, flush, decision } = useCaseSession();
  const [page, setPage] = useState(() => {
    // Opened from a finding about an answer: the group that asks it.
    const answer = pendingFocusTargets()
      .map((id) => /^field-answers-(\w+)$/.exec(id)?.[1])
      .find((key): key is keyof typeof GROUP_OF_ANSWER => !!key && key in GROUP_OF_ANSWER);
    if (answer) return QUESTION_GROUPS.indexOf(GROUP_OF_ANSWER[answer]);
    return decision.pathway === 'incomplete' ? 0 : RESULT;
  });
  const group = QUESTION_GROUPS[page];
  const groupHeading = useRef<HTMLHeadingElement>(null);
  const opened = useRef(false);

  // Moving between groups puts keyboard and screen-reader users at the new group's heading (not on first open,
  // where the step's h1 has focus).
  useEffect(() => {
    if (opened.current) groupHeading.current?.focus();
    opened.current = true;
  }, [page]);

  return (
    <article className="step">
      <StepHeading step={step} />

      <nav className="question-nav" aria-label={t('pathway.groupsLabel')}>
        <ol className="question-nav__list">
          {[...QUESTION_GROUPS, 'result' as const].map((name, index) => (
            <li key={name}>
              <button
                type="button"
                className="question-nav__item"
                aria-current={index === page ? 'step' : undefined}
                onClick={() => setPage(index)}
              >
                {t(`pathway.groups.${name}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {group !== undefined ? (
        <Card
          id="pathway-group-heading"
          headingRef={groupHeading}
          heading={t('pathway.groupOf', {
            number: page + 1,
            total: QUESTION_GROUPS.length,
            name: t(`pathway.groups.${group}`),
          })}
        >
          <PathwayQuestions
            group={group}
            answers={caseData.answers}
            onChange={(recipe, options) => {
              update((current) => ({ ...current, answers: recipe(current.answers) }));
              // A choice is a finished answer: store it now, so the case bar says "Saved" between clicks
              // rather than "not saved yet" through the whole interview. Typed numbers wait for the pause.
              if (!options?.typing) void flush();
            }}
          />
          <div className="button-row">
            {page > 0 && (
              <button type="button" className="button" onClick={() => setPage(page - 1)}>
                {t('pathway.back')}
              </button>
            )}
            <button
              type="button"
              className="button button--primary"
              data-action="next-group"
              onClick={() => {
                void flush();
                setPage(page + 1);
              }}
            >
              {page + 1 === RESULT ? t('pathway.seeResult') : t('pathway.continue')}
            </button>
          </div>
        </Card>
      ) : (
        <div className="card">
          <PathwayResult decision={decision} headingRef={groupHeading} />
          <div className="button-row">
            <button type="button" className="button" onClick={() => setPage(0)}>
              {t('pathway.changeAnswers')}
            </button>
          </div>
        </div>
      )}

      {/* One primary action per screen: the interview's own "Continue", or on the result the next step. */}
      {group === undefined && <StepPager caseId={caseId} step={step} navigate={navigate} />}
    </article>
  );
}
