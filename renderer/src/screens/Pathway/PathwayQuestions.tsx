import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITIES,
  GENERATIVE_AI_USES,
  LICENCE_CATEGORIES,
  MINI_PROGRAM_ACCOUNT_OWNERS,
  PILOT_LOCATIONS,
  SECTORS,
  SUBJECT_KINDS,
  SURFACES,
  type PathwayAnswers,
} from '../../../../core/model/case';
import { provinceList } from '../../../../core/model/regions';
import { regionLabel } from '../../components/fields/RegionSelect';
import { PATHWAY_RULES, preApprovalFor } from '../../../../core/rules/data';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { enumKey } from '../../i18n/enumKey';
import { Field, fieldDomId } from '../../components/fields';

/** The question groups of DESIGN.md §2.1, asked one group at a time. */
export const QUESTION_GROUPS = ['launch', 'applicant', 'location', 'money', 'content'] as const;
export type QuestionGroup = (typeof QUESTION_GROUPS)[number];

/** The group that asks each answer (a finding about an answer opens its group). */
export const GROUP_OF_ANSWER: Readonly<Record<keyof PathwayAnswers, QuestionGroup>> = {
  surfaces: 'launch',
  mainlandHosting: 'launch',
  miniProgramAccount: 'launch',
  subject: 'applicant',
  foreignEquityPct: 'applicant',
  province: 'location',
  pilotLocation: 'location',
  scope: 'location',
  activities: 'money',
  platformMonetised: 'money',
  licenceCategory: 'money',
  sectors: 'content',
  generativeAi: 'content',
  recommendation: 'content',
  publicOpinion: 'content',
};

type Answer = keyof PathwayAnswers;
/** The answers that are one value of a list (or none yet), asked as radio buttons. */
type ChoiceAnswer =
  'miniProgramAccount' | 'subject' | 'pilotLocation' | 'scope' | 'licenceCategory' | 'generativeAi';
/** The answers that are any number of values, asked as checkboxes. */
type ListAnswer = 'surfaces' | 'activities' | 'sectors';

/** The applicant kinds with a foreign equity share to ask about (a WFOE is 100 % by definition). */
const COMPANY_KINDS: readonly string[] = ['domestic_company', 'jv', 'other_org'];

/** The question text comes from the rule data, so the pathway check and its "missing answer" notes agree. */
function useQuestionLabel(): (answer: Answer) => string {
  const lang = useUiLanguage();
  return (answer) => PATHWAY_RULES.answerLabels[answer]?.[lang] ?? answer;
}

/** A question asked as a group of choices, its legend from the rule data and its help from the locales. */
function Question({ id, children }: { id: Answer; children: ReactNode }) {
  const { t } = useTranslation();
  const label = useQuestionLabel();
  return (
    // Findings about an answer (answers.<id>) open this question.
    <fieldset
      className="question"
      aria-describedby={`${id}-help`}
      data-question={id}
      id={fieldDomId(`answers.${id}`)}
      tabIndex={-1}
    >
      <legend className="question__legend">{label(id)}</legend>
      <p id={`${id}-help`} className="hint question__help">
        {t(`pathway.help.${id}`)}
      </p>
      <div className="question__choices">{children}</div>
    </fieldset>
  );
}

const YES_NO = ['yes', 'no'] as const;

/** A question answered in one input (not a group): a shared Field styled as a question, `q-<answer>`. */
function InputQuestion({ id, children }: { id: Answer; children: (describedBy: string) => ReactNode }) {
  const { t } = useTranslation();
  const label = useQuestionLabel();
  return (
    <Field
      id={`q-${id}`}
      label={label(id)}
      hint={t(`pathway.help.${id}`)}
      frameClassName="question"
      labelClassName="question__legend"
      hintClassName="question__help"
    >
      {children}
    </Field>
  );
}

/**
 * The foreign equity share, 0 to 100. A number outside that range is not stored: it stays in the box with the
 * reason under it, so the user sees why (the input used to drop the keystroke without a word).
 */
function EquityInput({
  describedBy,
  value,
  onChange,
}: {
  describedBy: string;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<string | null>(null);
  const errorId = 'q-foreignEquityPct-error';
  return (
    <>
      <input
        id="q-foreignEquityPct"
        type="number"
        min={0}
        max={100}
        className="input input--number"
        aria-describedby={
          [describedBy, refused !== null ? errorId : ''].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={refused !== null || undefined}
        value={refused ?? value ?? ''}
        onChange={(event) => {
          const raw = event.target.value;
          const next = raw === '' ? null : Number(raw);
          if (next === null || (Number.isFinite(next) && next >= 0 && next <= 100)) {
            setRefused(null);
            onChange(next);
          } else setRefused(raw);
        }}
      />
      {refused !== null && (
        <p id={errorId} role="alert" className="field-issue field-issue--error">
          {t('pathway.equityRange')}
        </p>
      )}
    </>
  );
}

/** The radio choices of one question: one per value, the answer's value checked. */
function RadioChoices<V extends string>({
  name,
  values,
  value,
  onChange,
  labelOf,
}: {
  name: string;
  values: readonly V[];
  value: V | null;
  onChange: (value: V) => void;
  labelOf: (value: V) => string;
}) {
  return (
    <>
      {values.map((option) => (
        <Choice
          key={option}
          type="radio"
          name={name}
          value={option}
          checked={value === option}
          onChange={() => onChange(option)}
          label={labelOf(option)}
        />
      ))}
    </>
  );
}

function Choice({
  type,
  name,
  value,
  checked,
  onChange,
  label,
  hint,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  value: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint?: string;
}) {
  const id = `q-${name}-${value}`;
  return (
    <div className="choice">
      <input
        id={id}
        type={type}
        name={name}
        value={value}
        className={type === 'radio' ? 'radio' : 'checkbox'}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id} className="choice__label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint choice__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

export function PathwayQuestions({
  group,
  answers,
  onChange,
}: {
  group: QuestionGroup;
  answers: PathwayAnswers;
  /** Applies a change to the answers as they are when it lands (clicks in quick succession all count). */
  onChange: (recipe: (current: PathwayAnswers) => PathwayAnswers, options?: { typing?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const set = <K extends Answer>(key: K, value: PathwayAnswers[K], options?: { typing?: boolean }) =>
    onChange((current) => ({ ...current, [key]: value }), options);
  const toggleIn = <K extends ListAnswer>(key: K, item: PathwayAnswers[K][number], on: boolean) =>
    onChange((current) => ({
      ...current,
      [key]: toggle(current[key] as PathwayAnswers[K][number][], item, on),
    }));

  /** A question answered by one of `values`. */
  const radioQuestion = <K extends ChoiceAnswer>(
    key: K,
    values: readonly NonNullable<PathwayAnswers[K]>[],
    labelOf: (value: NonNullable<PathwayAnswers[K]>) => string,
  ) => (
    <Question id={key}>
      <RadioChoices
        name={key}
        values={values}
        value={answers[key] as NonNullable<PathwayAnswers[K]> | null}
        onChange={(next) => set(key, next)}
        labelOf={labelOf}
      />
    </Question>
  );
  /** A yes/no question; no answer yet is neither checked. */
  const yesNoQuestion = (
    key: 'mainlandHosting' | 'platformMonetised' | 'recommendation' | 'publicOpinion',
  ) => (
    <Question id={key}>
      <RadioChoices
        name={key}
        values={YES_NO}
        value={answers[key] === null ? null : answers[key] ? 'yes' : 'no'}
        onChange={(next) => set(key, next === 'yes')}
        labelOf={(choice) => t(`pathway.yesNo.${choice}`)}
      />
    </Question>
  );
  /** A question answered by any of `values`, each a checkbox (a hint under one where it has one). */
  const checksQuestion = <K extends ListAnswer>(
    key: K,
    values: readonly PathwayAnswers[K][number][],
    labelOf: (value: PathwayAnswers[K][number]) => string,
    hintOf?: (value: PathwayAnswers[K][number]) => string | undefined,
  ) => (
    <Question id={key}>
      {values.map((value) => (
        <Choice
          key={value}
          type="checkbox"
          name={key}
          value={value}
          checked={(answers[key] as readonly string[]).includes(value)}
          onChange={(on) => toggleIn(key, value, on)}
          label={labelOf(value)}
          hint={hintOf?.(value)}
        />
      ))}
    </Question>
  );

  switch (group) {
    case 'launch':
      return (
        <>
          {checksQuestion('surfaces', SURFACES, (surface) => t(`pathway.surfaces.${enumKey(surface)}`))}
          {answers.surfaces.some((surface) => surface === 'website' || surface === 'app') &&
            yesNoQuestion('mainlandHosting')}
          {answers.surfaces.includes('mini_program') &&
            radioQuestion('miniProgramAccount', MINI_PROGRAM_ACCOUNT_OWNERS, (owner) =>
              t(`pathway.accountOwners.${enumKey(owner)}`),
            )}
        </>
      );
    case 'applicant':
      return (
        <>
          {radioQuestion('subject', SUBJECT_KINDS, (kind) => t(`pathway.subjects.${enumKey(kind)}`))}
          {answers.subject === 'wfoe' && <p className="hint question">{t('pathway.wfoeEquity')}</p>}
          {answers.subject !== null && COMPANY_KINDS.includes(answers.subject) && (
            <InputQuestion id="foreignEquityPct">
              {(describedBy) => (
                <EquityInput
                  describedBy={describedBy}
                  value={answers.foreignEquityPct}
                  onChange={(value) => set('foreignEquityPct', value, { typing: true })}
                />
              )}
            </InputQuestion>
          )}
        </>
      );
    case 'location':
      return (
        <>
          <InputQuestion id="province">
            {(describedBy) => (
              <select
                id="q-province"
                className="select"
                aria-describedby={describedBy}
                value={answers.province}
                onChange={(event) => set('province', event.target.value)}
              >
                <option value="">{t('fields.choose')}</option>
                {provinceList().map((province) => (
                  // Both names, whatever the language (the portal uses the Chinese one, issue 12.7), the UI
                  // language's first as in every region picker: a place's name, not text to translate.
                  <option key={province.code} value={province.code} translate="no">
                    {regionLabel(province, lang)}
                  </option>
                ))}
              </select>
            )}
          </InputQuestion>
          {radioQuestion('pilotLocation', PILOT_LOCATIONS, (place) => t(`pathway.pilot.${enumKey(place)}`))}
          {radioQuestion('scope', ['single_province', 'multi_province'] as const, (scope) =>
            t(`pathway.scope.${enumKey(scope)}`),
          )}
        </>
      );
    case 'money':
      return (
        <>
          {checksQuestion('activities', ACTIVITIES, (activity) =>
            t(`pathway.activities.${enumKey(activity)}`),
          )}
          {answers.activities.includes('ugc_platform') && yesNoQuestion('platformMonetised')}
          {radioQuestion('licenceCategory', LICENCE_CATEGORIES, (category) =>
            t(`pathway.licenceCategories.${enumKey(category)}`),
          )}
        </>
      );
    case 'content':
      return (
        <>
          {checksQuestion(
            'sectors',
            SECTORS,
            (sector) => preApprovalFor(sector)?.label[lang] ?? sector,
            (sector) => {
              const entry = preApprovalFor(sector);
              return entry ? t('pathway.sectorAuthority', { authority: entry.authority[lang] }) : undefined;
            },
          )}
          {radioQuestion('generativeAi', GENERATIVE_AI_USES, (use) =>
            t(`pathway.generativeAi.${enumKey(use)}`),
          )}
          {yesNoQuestion('recommendation')}
          {/* Public-opinion attributes decide algorithm filing: asked where an algorithm could need it. */}
          {(answers.recommendation === true || answers.generativeAi === 'own_model') &&
            yesNoQuestion('publicOpinion')}
        </>
      );
  }
}
