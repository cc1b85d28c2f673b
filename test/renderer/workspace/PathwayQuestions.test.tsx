import { fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { PathwayAnswersSchema, type PathwayAnswers } from '../../../core/model/case';
import en from '../../../locales/en.json';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { PathwayQuestions, type QuestionGroup } from '../../../renderer/src/screens/Pathway/PathwayQuestions';

function Harness({ group, initial }: { group: QuestionGroup; initial: Partial<PathwayAnswers> }) {
  const [answers, setAnswers] = useState(() => PathwayAnswersSchema.parse(initial));
  return (
    <>
      <PathwayQuestions group={group} answers={answers} onChange={(recipe) => setAnswers(recipe)} />
      <output data-testid="answers">{JSON.stringify(answers)}</output>
    </>
  );
}

function renderGroup(group: QuestionGroup, initial: Partial<PathwayAnswers> = {}) {
  const view = render(
    <I18nextProvider i18n={createI18n('en')}>
      <Harness group={group} initial={initial} />
    </I18nextProvider>,
  );
  const answers = () => JSON.parse(view.getByTestId('answers').textContent ?? '{}') as PathwayAnswers;
  const question = (id: string) => document.querySelector(`[data-question="${id}"]`);
  return { answers, question };
}

describe('pathway questions (issues 16, 13.5)', () => {
  it('says why an equity share outside 0–100 is not taken, and takes a valid one', () => {
    const { answers } = renderGroup('applicant', { subject: 'jv', foreignEquityPct: 40 });
    const input = document.getElementById('q-foreignEquityPct') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '150' } });
    // What was typed stays in the box with the reason beside it; the stored answer is unchanged.
    expect(input.value).toBe('150');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(en.pathway.equityRange);
    expect(input.getAttribute('aria-describedby')).toContain(alert?.id);
    expect(answers().foreignEquityPct).toBe(40);
    fireEvent.change(input, { target: { value: '60' } });
    expect(answers().foreignEquityPct).toBe(60);
    expect(document.querySelector('[role="alert"]')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('asks about hosting for websites and Apps, and about the account for a mini-program', () => {
    const { question, answers } = renderGroup('launch');
    expect(question('mainlandHosting')).toBeNull();
    expect(question('miniProgramAccount')).toBeNull();
    fireEvent.click(document.getElementById('q-surfaces-mini_program') as HTMLElement);
    expect(question('mainlandHosting')).toBeNull();
    expect(question('miniProgramAccount')).not.toBeNull();
    fireEvent.click(document.getElementById('q-miniProgramAccount-overseas_entity') as HTMLElement);
    expect(answers().miniProgramAccount).toBe('overseas_entity');
    expect(answers().mainlandHosting).toBeNull();
    fireEvent.click(document.getElementById('q-surfaces-website') as HTMLElement);
    expect(question('mainlandHosting')).not.toBeNull();
  });

  it('asks a WFOE no equity share, a joint venture its share', () => {
    renderGroup('applicant', { subject: 'wfoe' });
    expect(document.getElementById('q-foreignEquityPct')).toBeNull();
    expect(document.body.textContent).toContain(en.pathway.wfoeEquity);
    fireEvent.click(document.getElementById('q-subject-jv') as HTMLElement);
    expect(document.getElementById('q-foreignEquityPct')).not.toBeNull();
  });

  it('asks whether a user-content platform earns money, and which licence is planned', () => {
    const { question, answers } = renderGroup('money');
    expect(question('platformMonetised')).toBeNull();
    expect(question('licenceCategory')).not.toBeNull();
    fireEvent.click(document.getElementById('q-activities-ugc_platform') as HTMLElement);
    fireEvent.click(document.getElementById('q-platformMonetised-no') as HTMLElement);
    fireEvent.click(document.getElementById('q-licenceCategory-b21') as HTMLElement);
    expect(answers()).toMatchObject({ platformMonetised: false, licenceCategory: 'b21' });
  });

  it('names the 2025-plan cities in the pilot question, and shows provinces in both scripts', () => {
    renderGroup('location');
    const label = document.querySelector('label[for="q-pilotLocation-other_2025_plan_city"]');
    expect(label?.textContent).toContain('Hangzhou');
    expect(label?.textContent).toContain('Shanghai (outside Lin-gang and Pudong)');
    const shanghai = document.querySelector('#q-province option[value="310000"]');
    // English first in English, as every region picker does (a select's type-ahead matches the start);
    // a place's name, not text to translate.
    expect(shanghai?.textContent).toBe('Shanghai 上海市');
    expect(shanghai?.getAttribute('translate')).toBe('no');
  });
});
