/**
 * Review 7: the B25 licence packet of a company whose website is already filed (the case holds its 主体备案号),
 * read as the provincial communications administration reads it. Text is read back from the built PDFs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import type { Case } from '../../../core/model/case';
import { applicationItem, renderPacketIndex } from '../../../core/packet/index-document';
import { packetDocuments, planPacket } from '../../../core/packet/gate';
import { buildChecklist } from '../../../core/rules/checklist';
import { decidePathway } from '../../../core/rules/decide';
import { DOCUMENT_NOW, licenceCase } from '../../fixtures/documents/cases';
import { bundledFonts, compact, compactText } from './pdf-reader';

/** The filing documents: they apply for (or undertake) an ICP filing, which the filed subject already has. */
const FILING_DOCUMENTS = [
  'filing-info-sheet',
  'verification-form',
  'filing-commitment',
  'pre-approval-statement',
];
const FILING_ITEMS = [
  'live-verification',
  'commitment-letter',
  'verification-form',
  'no-preapproval-statement',
];

function plan(c: Case) {
  const decision = decidePathway(c.answers);
  const { documents } = planPacket(c, decision);
  return {
    decision: documents,
    ids: packetDocuments(c, documents).map((d) => d.templateId),
    items: buildChecklist(c, decision, { today: '2026-11-25' }).map((i) => i.id),
  };
}

/** The same company before its website was filed: no subject or service filing number yet. */
function notYetFiled(): Case {
  const c = licenceCase();
  c.subject.filingNumber = '';
  for (const s of c.services) delete s.filingNumber;
  return c;
}

const texts = new Map<string, string>();
let indexText = '';

beforeAll(async () => {
  const c = licenceCase();
  const fonts = bundledFonts();
  const { decision, ids } = plan(c);
  for (const id of ids)
    texts.set(
      id,
      await compactText(
        await renderDocument(id, c, { variant: 'submission', fonts, now: DOCUMENT_NOW, decision }),
      ),
    );
  const pathway = applicationItem(c, 'icp-licence');
  const index = await renderPacketIndex(
    {
      caseName: c.name,
      subjectName: c.subject.name,
      pathway,
      date: '2026-11-25',
      rows: ids.map((id, i) => ({
        number: i + 1,
        title: { zh: id, en: id },
        file: `${id}.pdf`,
        firstPage: i + 2,
        lastPage: i + 2,
      })),
      totalPages: ids.length + 1,
    },
    c,
    { fonts, now: DOCUMENT_NOW },
  );
  indexText = await compactText(index);
}, 120_000);

describe('licence packet of an already-filed subject (review 7)', () => {
  it('holds no filing documents and asks for no filing items; a not-yet-filed subject still gets them', () => {
    const filed = plan(licenceCase());
    expect(filed.ids).toContain('licence-application-letter');
    for (const id of FILING_DOCUMENTS) expect(filed.ids, id).not.toContain(id);
    for (const id of FILING_ITEMS) expect(filed.items, id).not.toContain(id);
    expect(filed.items).toContain('filing-record');
    const unfiled = plan(notYetFiled());
    for (const id of FILING_DOCUMENTS) expect(unfiled.ids, id).toContain(id);
    for (const id of FILING_ITEMS) expect(unfiled.items, id).toContain(id);
    // Once the licence is held, a change filing takes the filing documents again.
    const holder = licenceCase();
    holder.afterApproval.licenceNumber = '粤B2-20261234';
    for (const id of FILING_DOCUMENTS) expect(plan(holder).ids, id).toContain(id);
  });

  it('no document applies for a filing the site already has', () => {
    for (const [id, text] of texts) {
      expect(text, id).not.toContain('申请办理下列互联网信息服务的备案');
      expect(text, id).not.toContain('互联网信息服务备案承诺书');
    }
    expect(texts.get('licence-application-letter')).toContain('ICP备案号粤ICP备2025071234号-1');
  });

  it('the letter names the contact with their post (联系人 + 职务), not the filing role 主体负责人', () => {
    const letter = texts.get('licence-application-letter') ?? '';
    expect(letter).toContain('联系人：张伟（执行董事兼总经理）');
    expect(letter).not.toContain('主体负责人');
  });

  it('the index names the licence category exactly as the letter and the commitment do', () => {
    const category = '第二类增值电信业务中的信息服务业务（B25，仅限互联网信息服务）';
    expect(texts.get('licence-application-letter')).toContain(`一、业务种类：${category}。`);
    expect(texts.get('lawful-operation-commitment')).toContain(category);
    expect(indexText).toContain(compact(`申请事项${category}经营许可`));
  });
});
