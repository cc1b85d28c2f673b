import { describe, expect, it } from 'vitest';
import type { Case } from '../../../core/model/case';
import { linkPrincipal } from '../../../core/model/principal';
import { createCase } from '../../../core/model/restore';
import { sampleCase } from '../../../core/model/sample-case';
import { checkCase } from '../../../core/rules';
import { answers, TODAY } from '../rules/helpers';

const WANG_LI = {
  name: '王丽',
  idNumber: '310115199003152346',
  idValidFrom: '2019-04-02',
  idValidTo: '2026-12-20',
  mobile: '13816472059',
  emergencyPhone: '13917385264',
  email: 'wang.li@northwind-home.cn',
};

/** A new case (the principal is the legal representative by default) whose legal representative is entered. */
function freshCaseWithLegalRep(): Case {
  const c = createCase({ id: 'c-1', name: 'People', now: new Date(`${TODAY}T09:00:00Z`) });
  return {
    ...c,
    answers: answers({ surfaces: ['mini_program'] }),
    legalRepresentative: { ...c.legalRepresentative, ...WANG_LI },
  };
}

describe('the principal linked to the legal representative', () => {
  it('is one person: a principal without details takes the legal representative’s', () => {
    const linked = linkPrincipal(freshCaseWithLegalRep());
    expect(linked.principal).toMatchObject({ ...WANG_LI, isLegalRepresentative: true });
    expect(linked.legalRepresentative).toMatchObject(WANG_LI);
  });

  it('copies the principal’s details to the legal representative once the principal has some', () => {
    const c = freshCaseWithLegalRep();
    const edited = { ...c, principal: { ...c.principal, ...WANG_LI, mobile: '13900000001' } };
    const linked = linkPrincipal(edited);
    expect(linked.legalRepresentative.mobile).toBe('13900000001');
    expect(linkPrincipal(linked)).toBe(linked);
  });

  it('leaves two different people alone', () => {
    const c = freshCaseWithLegalRep();
    const separate = { ...c, principal: { ...c.principal, isLegalRepresentative: false } };
    expect(linkPrincipal(separate)).toBe(separate);
    expect(separate.principal.name).toBe('');
  });

  it('asks for the details once, and reports an expiring ID once, on the person in charge', () => {
    const issues = checkCase(freshCaseWithLegalRep(), { today: TODAY });
    const people = issues.filter((i) => i.step === 'people');
    // Today's code asked for the principal's name, ID, expiry, mobile, emergency phone and e-mail again.
    expect(people.filter((i) => i.code === 'field.required').map((i) => i.path)).toEqual([]);
    const expiring = people.filter((i) => i.code === 'document.expiresBeforeReviewEnds');
    expect(expiring.map((i) => i.path)).toEqual(['principal.idValidTo']);
    expect(people.some((i) => i.path.startsWith('legalRepresentative.'))).toBe(false);
  });

  it('keeps the sample’s pre-flight as it was (its principal is its legal representative)', () => {
    const sample = sampleCase(new Date(`${TODAY}T09:00:00Z`));
    expect(linkPrincipal(sample)).toBe(sample);
  });
});
