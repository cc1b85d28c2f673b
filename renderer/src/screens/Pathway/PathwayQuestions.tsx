import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITIES,
  LICENCE_CATEGORIES,
  MINI_PROGRAM_ACCOUNT_OWNERS,
  PILOT_LOCATIONS,
  SECTORS,
  SUBJECT_KINDS,
  SURFACES,
  type PathwayAnswers,
} from '../../../../core/model/case';
import { provinceList } from '../../../../core/model/regions';
import { mainlandProvinceByCode } from '../../../../core/validate/provinces';
import { PATHWAY_RULES, preApprovalFor } from '../../../../core/rules/data';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { enumKey } from '../../i18n/enumKey';
import { Field } from '../../components/fields';

/** The question groups of DESIGN.md §2.1, asked one group at a time. */
export const QUESTION_GROUPS = ['launch', 'applicant', 'location', 'money', 'content'] as const;
export type QuestionGroup = (typeof QUESTION_GROUPS)[number];

type Answer = keyof PathwayAnswers;

/** The applicant kinds with a foreign equity share to ask about (a WFOE is 100 % by definition). */
const COMPANY_KINDS: readonly string[] = ['domestic_company', 'jv', 'other_org'];

/** The question text comes from the rule data, so the pathway check and its "missing answer" notes agree. */
function useQuestionLabel(): (answer: Answer) => string {
  const lang = useUiLanguage();
  return (answer) => PATHWAY_RULES.answerLabels[answer]?.[lang] ?? answer;
}

function Question({
  id,
  legend,
  help,
  children,
}: {
  id: string;
  legend: string;
  help: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="question" aria-describedby={`${id}-help`} data-question={id}>
      <legend className="question__legend">{legend}</legend>
      <p id={`${id}-help`} className="hint question__help">
        {help}
      </p>
      <div className="question__choices">{children}</div>
    </fieldset>
  );
}

const YES_NO = ['yes', 'no'] as const;

/** A labelled Pathway question (one input, not a group) is a shared Field styled as a question. */
const QUESTION_FRAME = {
  frameClassName: 'question',
  labelClassName: 'question__legend',
  hintClassName: 'question__help',
} as const;

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
  const label = useQuestionLabel();
  const set = <K extends Answer>(key: K, value: PathwayAnswers[K], options?: { typing?: boolean }) =>
    onChange((current) => ({ ...current, [key]: value }), options);
  const toggleIn = <K extends 'surfaces' | 'activities' | 'sectors'>(
    key: K,
    item: PathwayAnswers[K][number],
    on: boolean,
  ) =>
    onChange((current) => ({
      ...current,
      [key]: toggle(current[key] as PathwayAnswers[K][number][], item, on),
    }));

  switch (group) {
    case 'launch':
      return (
        <>
          <Question id="surfaces" legend={label('surfaces')} help={t('pathway.help.surfaces')}>
            {SURFACES.map((surface) => (
              <Choice
                key={surface}
                type="checkbox"
                name="surfaces"
                value={surface}
                checked={answers.surfaces.includes(surface)}
                onChange={(on) => toggleIn('surfaces', surface, on)}
                label={t(`pathway.surfaces.${enumKey(surface)}`)}
              />
            ))}
          </Question>
          {answers.surfaces.some((surface) => surface === 'website' || surface === 'app') && (
            <Question
              id="mainlandHosting"
              legend={label('mainlandHosting')}
              help={t('pathway.help.mainlandHosting')}
            >
              <RadioChoices
                name="mainlandHosting"
                values={YES_NO}
                value={answers.mainlandHosting === null ? null : answers.mainlandHosting ? 'yes' : 'no'}
                onChange={(next) => set('mainlandHosting', next === 'yes')}
                labelOf={(choice) => t(`pathway.yesNo.${choice}`)}
              />
            </Question>
          )}
          {answers.surfaces.includes('mini_program') && (
            <Question
              id="miniProgramAccount"
              legend={label('miniProgramAccount')}
              help={t('pathway.help.miniProgramAccount')}
            >
              <RadioChoices
                name="miniProgramAccount"
                values={MINI_PROGRAM_ACCOUNT_OWNERS}
                value={answers.miniProgramAccount}
                onChange={(next) => set('miniProgramAccount', next)}
                labelOf={(owner) => t(`pathway.accountOwners.${enumKey(owner)}`)}
              />
            </Question>
          )}
        </>
      );
    case 'applicant':
      return (
        <>
          <Question id="subject" legend={label('subject')} help={t('pathway.help.subject')}>
            <RadioChoices
              name="subject"
              values={SUBJECT_KINDS}
              value={answers.subject}
              onChange={(next) => set('subject', next)}
              labelOf={(kind) => t(`pathway.subjects.${enumKey(kind)}`)}
            />
          </Question>
          {answers.subject === 'wfoe' && <p className="hint question">{t('pathway.wfoeEquity')}</p>}
          {answers.subject !== null && COMPANY_KINDS.includes(answers.subject) && (
            <Field
              id="q-foreignEquityPct"
              label={label('foreignEquityPct')}
              hint={t('pathway.help.foreignEquityPct')}
              {...QUESTION_FRAME}
            >
              {(describedBy) => (
                <input
                  id="q-foreignEquityPct"
                  type="number"
                  min={0}
                  max={100}
                  className="input input--number"
                  aria-describedby={describedBy}
                  value={answers.foreignEquityPct ?? ''}
                  onChange={(event) => {
                    const raw = event.target.value;
                    const value = raw === '' ? null : Number(raw);
                    if (value === null || (Number.isFinite(value) && value >= 0 && value <= 100))
                      set('foreignEquityPct', value, { typing: true });
                  }}
                />
              )}
            </Field>
          )}
        </>
      );
    case 'location':
      return (
        <>
          <Field
            id="q-province"
            label={label('province')}
            hint={t('pathway.help.province')}
            {...QUESTION_FRAME}
          >
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
                  <option key={province.code} value={province.code}>
                    {/* Both names, whatever the language: the portal uses the Chinese one (issue 12.7). */}
                    {`${province.name} ${mainlandProvinceByCode(province.code)?.nameEn ?? ''}`.trim()}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Question id="pilotLocation" legend={label('pilotLocation')} help={t('pathway.help.pilotLocation')}>
            <RadioChoices
              name="pilotLocation"
              values={PILOT_LOCATIONS}
              value={answers.pilotLocation}
              onChange={(next) => set('pilotLocation', next)}
              labelOf={(place) => t(`pathway.pilot.${enumKey(place)}`)}
            />
          </Question>
          <Question id="scope" legend={label('scope')} help={t('pathway.help.scope')}>
            <RadioChoices
              name="scope"
              values={['single_province', 'multi_province'] as const}
              value={answers.scope}
              onChange={(next) => set('scope', next)}
              labelOf={(scope) => t(`pathway.scope.${enumKey(scope)}`)}
            />
          </Question>
        </>
      );
    case 'money':
      return (
        <>
          <Question id="activities" legend={label('activities')} help={t('pathway.help.activities')}>
            {ACTIVITIES.map((activity) => (
              <Choice
                key={activity}
                type="checkbox"
                name="activities"
                value={activity}
                checked={answers.activities.includes(activity)}
                onChange={(on) => toggleIn('activities', activity, on)}
                label={t(`pathway.activities.${enumKey(activity)}`)}
              />
            ))}
          </Question>
          {answers.activities.includes('ugc_platform') && (
            <Question
              id="platformMonetised"
              legend={label('platformMonetised')}
              help={t('pathway.help.platformMonetised')}
            >
              <RadioChoices
                name="platformMonetised"
                values={YES_NO}
                value={answers.platformMonetised === null ? null : answers.platformMonetised ? 'yes' : 'no'}
                onChange={(next) => set('platformMonetised', next === 'yes')}
                labelOf={(choice) => t(`pathway.yesNo.${choice}`)}
              />
            </Question>
          )}
          <Question
            id="licenceCategory"
            legend={label('licenceCategory')}
            help={t('pathway.help.licenceCategory')}
          >
            <RadioChoices
              name="licenceCategory"
              values={LICENCE_CATEGORIES}
              value={answers.licenceCategory}
              onChange={(next) => set('licenceCategory', next)}
              labelOf={(category) => t(`pathway.licenceCategories.${enumKey(category)}`)}
            />
          </Question>
        </>
      );
    case 'content':
      return (
        <Question id="sectors" legend={label('sectors')} help={t('pathway.help.sectors')}>
          {SECTORS.map((sector) => {
            const entry = preApprovalFor(sector);
            return (
              <Choice
                key={sector}
                type="checkbox"
                name="sectors"
                value={sector}
                checked={answers.sectors.includes(sector)}
                onChange={(on) => toggleIn('sectors', sector, on)}
                label={entry ? entry.label[lang] : sector}
                hint={entry ? t('pathway.sectorAuthority', { authority: entry.authority[lang] }) : undefined}
              />
            );
          })}
        </Question>
      );
  }
}
