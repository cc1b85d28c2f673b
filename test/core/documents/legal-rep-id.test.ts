/**
 * Review 8: which checklist item carries the legal representative's ID in a licence application, and the
 * letter's enclosures naming it. The filing asks for the person in charge's ID (主体负责人证件); the licence
 * materials hold the legal representative's ID with the key staff's documents (法定代表人、主要管理人员及技术
 * 人员身份证明和简历, practitioners' lists). One item asks for it — never twice, never missing — and the letter
 * names it once. Read back from the rendered letter.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import type { AttachmentMeta, Case } from '../../../core/model/case';
import { planPacket } from '../../../core/packet/gate';
import { buildChecklist, type ChecklistItem } from '../../../core/rules/checklist';
import { decidePathway } from '../../../core/rules/decide';
import { DOCUMENT_NOW, licenceCase, licenceCaseUnfiled } from '../../fixtures/documents/cases';
import { bundledFonts, compactText } from './pdf-reader';

const checklist = (c: Case): ChecklistItem[] =>
  buildChecklist(c, decidePathway(c.answers), { today: '2026-11-25' });

/** The items whose scan shows the legal representative's ID (front side or passport data page). */
function legalRepIdItems(c: Case): string[] {
  return checklist(c)
    .filter(
      (i) =>
        ['legal-rep-id-front', 'legal-rep-passport'].includes(i.entryId) ||
        (c.principal.isLegalRepresentative &&
          ['principal-id-front', 'principal-passport'].includes(i.entryId)) ||
        (!i.entryId.endsWith('-back') && /法定代表人[^授]*(身份证|证件|护照)/.test(i.name['zh-CN'])),
    )
    .map((i) => i.id);
}

const scan = (checklistItemId: string, n: number): AttachmentMeta => ({
  id: String(n).repeat(64),
  checklistItemId,
  originalName: `${checklistItemId}.jpg`,
  mediaType: 'image/jpeg',
  bytes: 1000,
  addedAt: DOCUMENT_NOW.toISOString(),
  validFrom: '',
  validTo: '',
});

async function enclosures(c: Case): Promise<string> {
  const { documents } = planPacket(c, decidePathway(c.answers));
  const letter = await compactText(
    await renderDocument('licence-application-letter', c, {
      variant: 'submission',
      fonts: bundledFonts(),
      now: DOCUMENT_NOW,
      decision: documents,
    }),
  );
  return letter.slice(letter.lastIndexOf('附件：'), letter.indexOf('法定代表人（签字）'));
}

describe("the legal representative's ID in a licence application (review 8)", () => {
  it('an already-filed subject: asked for once, as the legal representative’s ID, not as a filing item', () => {
    const c = licenceCase();
    const ids = checklist(c).map((i) => i.id);
    expect(legalRepIdItems(c)).toEqual(['legal-rep-id-front']);
    expect(ids).toEqual(expect.arrayContaining(['legal-rep-id-back', 'key-staff-documents']));
    expect(ids.filter((id) => id.startsWith('principal-'))).toEqual([]);
  });

  it('a subject filing and applying at once: the person in charge’s ID serves both, asked for once', () => {
    const c = licenceCaseUnfiled();
    expect(legalRepIdItems(c)).toEqual(['principal-id-front']);
    // Someone else in charge: the person in charge's ID for the filing, the legal representative's once.
    c.principal = {
      ...c.principal,
      isLegalRepresentative: false,
      name: '王强',
      idNumber: '330106198705211534',
    };
    expect(legalRepIdItems(c)).toEqual(['legal-rep-id-front']);
    expect(checklist(c).map((i) => i.id)).toContain('principal-id-front');
  });

  it('the letter names the legal representative’s ID once, apart from the key staff’s documents', async () => {
    const filed = licenceCase();
    filed.attachments = [
      scan('legal-rep-id-front', 1),
      scan('legal-rep-id-back', 2),
      scan('key-staff-documents', 3),
    ];
    const unfiled = licenceCaseUnfiled();
    unfiled.attachments = [scan('principal-id-front', 1), scan('key-staff-documents', 3)];
    for (const c of [filed, unfiled]) {
      const text = await enclosures(c);
      expect(text.split('法定代表人').length - 1, text).toBe(1);
      expect(text).toContain('法定代表人身份证件');
      expect(text).toContain('主要管理人员及技术人员身份证明、简历及社保记录');
    }
    // Nothing attached yet: the letter promises neither.
    const bare = await enclosures(licenceCase());
    expect(bare).not.toContain('身份证');
  }, 60_000);
});
