/**
 * Where confirmed values land in the case: the licence's into the subject, the legal representative's name
 * into the record the case keeps for that person (the principal's while the two are linked), ID card and
 * passport values into the person of the checklist item; values that cannot be written as read are refused
 * with their reason, never forced.
 */
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../core/model/restore';
import { linkPrincipal } from '../../../core/model/principal';
import type { Case } from '../../../core/model/case';
import { applyProblem, applyScanFields, scanFieldPath, scanTargetOf } from '../../../core/ocr/apply';

const LICENCE = {
  name: '深圳市星河云帆科技有限公司',
  uscc: '91440300MA5FQ8K2X4',
  type: '有限责任公司（自然人投资或控股）',
  legalRepresentative: '陈志堃',
  registeredCapital: '人民币1000万元整',
  establishedOn: '2019-07-22',
  validTo: '长期',
  address: '深圳市南山区粤海街道科技南十二路18号',
  businessScope: '计算机软硬件的技术开发。',
};

const blank = () =>
  createCase({
    id: '00000000-0000-4000-8000-000000000001',
    name: 't',
    now: new Date('2026-12-07T00:00:00Z'),
  });

const licence = { kind: 'business_licence' } as const;

/** The case as the app keeps it after an edit (caseSession links the principal after every change). */
const written = (c: Case, values: Record<string, string>) =>
  linkPrincipal(applyScanFields(c, licence, values));

function withPrincipal(principal: Partial<Case['principal']>): Case {
  const c = blank();
  return linkPrincipal({ ...c, principal: { ...c.principal, ...principal } });
}

describe('writing a read licence', () => {
  it('fills the subject: RMB capital in yuan, 长期 as long-term, the type for reference only', () => {
    const c = written(blank(), LICENCE);
    expect(c.subject).toMatchObject({
      name: LICENCE.name,
      certificateType: 'business_licence',
      certificateNumber: LICENCE.uscc,
      registeredCapitalCny: 10_000_000,
      establishedOn: '2019-07-22',
      certificateLongTerm: true,
      certificateValidTo: '',
      certificateAddress: LICENCE.address,
      businessScope: LICENCE.businessScope,
    });
    expect(scanFieldPath(c, licence, 'type')).toBeUndefined();
  });

  it('the legal representative goes to the principal while the two are linked, and survives the link', () => {
    // The person in charge, linked, with an ID number entered but no name yet.
    const c = withPrincipal({ isLegalRepresentative: true, idNumber: '110105198807123021' });
    expect(scanFieldPath(c, licence, 'legalRepresentative')).toBe('principal.name');
    const after = written(c, { legalRepresentative: LICENCE.legalRepresentative });
    expect(after.principal.name).toBe(LICENCE.legalRepresentative);
    expect(after.legalRepresentative.name).toBe(LICENCE.legalRepresentative);
    expect(after.legalRepresentative.idNumber).toBe('110105198807123021');
  });

  it('refuses a legal representative other than the linked person in charge, and writes the rest', () => {
    const c = withPrincipal({ isLegalRepresentative: true, name: '安娜·穆勒' });
    expect(applyProblem(c, licence, 'legalRepresentative', LICENCE.legalRepresentative)).toBe(
      'legalRepIsOtherPerson',
    );
    expect(applyProblem(c, licence, 'legalRepresentative', ' 安娜·穆勒 ')).toBeUndefined();
    const after = written(c, LICENCE);
    expect(after.principal.name).toBe('安娜·穆勒');
    expect(after.legalRepresentative.name).toBe('安娜·穆勒');
    expect(after.subject.name).toBe(LICENCE.name);
  });

  it('with a separate legal representative, only their record gets the name', () => {
    const c = withPrincipal({ isLegalRepresentative: false, name: '王芳' });
    expect(scanFieldPath(c, licence, 'legalRepresentative')).toBe('legalRepresentative.name');
    expect(applyProblem(c, licence, 'legalRepresentative', LICENCE.legalRepresentative)).toBeUndefined();
    const after = written(c, { legalRepresentative: LICENCE.legalRepresentative });
    expect(after.legalRepresentative.name).toBe(LICENCE.legalRepresentative);
    expect(after.principal.name).toBe('王芳');
  });

  it('a capital in another currency is refused, not converted', () => {
    const c = blank();
    expect(applyProblem(c, licence, 'registeredCapital', '美元100万元')).toBe('capitalNotRmb');
    expect(written(c, { registeredCapital: '美元100万元' }).subject.registeredCapitalCny).toBe(
      blank().subject.registeredCapitalCny,
    );
  });
});

describe('writing a read ID card or passport', () => {
  it('the portrait side goes to the person of the checklist item; a linked legal representative is the principal', () => {
    const c = withPrincipal({ isLegalRepresentative: true });
    const target = scanTargetOf(c, 'legal-rep-id-front');
    expect(target).toEqual({ kind: 'id_card_front', person: { role: 'legalRepresentative' } });
    expect(scanFieldPath(c, target!, 'idNumber')).toBe('principal.idNumber');
    const after = linkPrincipal(
      applyScanFields(c, target!, { name: '李静怡', idNumber: '110105198807123021', address: '北京' }),
    );
    expect(after.principal).toMatchObject({
      name: '李静怡',
      idNumber: '110105198807123021',
      idType: 'resident_id',
    });
    expect(after.legalRepresentative.idNumber).toBe('110105198807123021');
  });

  it('the emblem side: validity, 长期 as long-term', () => {
    const c = withPrincipal({ isLegalRepresentative: false });
    const target = { kind: 'id_card_back', person: { role: 'principal' } } as const;
    expect(applyScanFields(c, target, { validFrom: '2016-03-15', validTo: '长期' }).principal).toMatchObject({
      idValidFrom: '2016-03-15',
      idLongTerm: true,
      idValidTo: '',
    });
  });

  it('a passport: number and expiry written, an unknown country code refused', () => {
    const c = withPrincipal({ isLegalRepresentative: false });
    const target = { kind: 'passport', person: { role: 'principal' } } as const;
    expect(applyProblem(c, target, 'nationality', 'XXA')).toBe('unknownNationality');
    const after = applyScanFields(c, target, {
      surname: 'MUELLER',
      givenNames: 'ANNA MARIA',
      number: 'C01X00T47',
      nationality: 'D',
      expiryDate: '2031-06-30',
    });
    expect(after.principal).toMatchObject({
      idNumber: 'C01X00T47',
      nationality: 'DE',
      idValidTo: '2031-06-30',
    });
    expect(after.principal.nameLatin).toContain('MUELLER');
  });
});
