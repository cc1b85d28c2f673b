/**
 * Review 8: every list of a packet's materials inside a document — the licence letter's 附件 and the filing
 * information sheet's 随附材料 — names exactly the generated documents the packet holds. Read back from the
 * rendered PDFs of the fixtures' packets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import { documentTemplate } from '../../../core/documents/templates';
import type { AttachmentMeta, Case } from '../../../core/model/case';
import { packetDocuments, planPacket } from '../../../core/packet/gate';
import { decidePathway } from '../../../core/rules/decide';
import {
  DOCUMENT_NOW,
  filingCase,
  licenceCase,
  licenceCaseUnfiled,
  renamedCase,
} from '../../fixtures/documents/cases';
import { bundledFonts, compactText } from './pdf-reader';

interface Packet {
  ids: string[];
  texts: Map<string, string>;
}

async function packet(c: Case, only: readonly string[]): Promise<Packet> {
  const { documents } = planPacket(c, decidePathway(c.answers));
  const ids = packetDocuments(c, documents).map((d) => d.templateId);
  const texts = new Map<string, string>();
  for (const id of ids.filter((i) => only.includes(i)))
    texts.set(
      id,
      await compactText(
        await renderDocument(id, c, {
          variant: 'submission',
          fonts: bundledFonts(),
          now: DOCUMENT_NOW,
          decision: documents,
        }),
      ),
    );
  return { ids, texts };
}

const titleOf = (id: string) => documentTemplate(id)?.title.zh ?? id;
/** The text of the letter from its enclosure heading (附件：) to the signature block. */
const enclosuresOf = (letter: string) =>
  letter.slice(letter.lastIndexOf('附件：'), letter.indexOf('法定代表人（签字）'));

/**
 * The checklist item of each document signed by hand: its signed scan goes into the packet, and a recommended
 * one not returned is left out (core/packet/gate.ts signedCopiesPlan).
 */
const SIGNED_ITEM: Record<string, string> = {
  'filing-commitment': 'commitment-letter',
  'verification-form': 'verification-form',
  'pre-approval-statement': 'no-preapproval-statement',
  'authorization-letter': 'authorization-letter',
  'rename-letter': 'rename-letter',
};

/** The case with the signed scan of every hand-signed filing document returned. */
function returned(c: Case): Case {
  const scans: AttachmentMeta[] = Object.values(SIGNED_ITEM).map((checklistItemId, n) => ({
    id: String(n + 1).repeat(64),
    checklistItemId,
    originalName: `${checklistItemId}.jpg`,
    mediaType: 'image/jpeg',
    bytes: 1000,
    addedAt: DOCUMENT_NOW.toISOString(),
    validFrom: '',
    validTo: '',
  }));
  return { ...c, attachments: [...c.attachments, ...scans] };
}

const packets = new Map<string, Packet>();

beforeAll(async () => {
  packets.set('licence', await packet(licenceCase(), ['licence-application-letter']));
  packets.set(
    'licenceUnfiled',
    await packet(returned(licenceCaseUnfiled()), ['licence-application-letter', 'filing-info-sheet']),
  );
  packets.set('sample', await packet(returned(filingCase()), ['filing-info-sheet']));
  packets.set('renamed', await packet(returned(renamedCase()), ['filing-info-sheet']));
  packets.set('renamedNotReturned', await packet(renamedCase(), ['filing-info-sheet']));
}, 120_000);

describe('lists of enclosures match the packet (review 8)', () => {
  it.each(['licence', 'licenceUnfiled'])(
    '%s: the licence letter encloses every licence document the packet holds, the 个人信息清单 included',
    (name) => {
      const { ids, texts } = packets.get(name)!;
      const enclosures = enclosuresOf(texts.get('licence-application-letter') ?? '');
      expect(enclosures).toContain('附件：');
      const licenceDocuments = ids.filter(
        (id) => id !== 'licence-application-letter' && documentTemplate(id)?.pathway !== 'filing',
      );
      expect(licenceDocuments).toContain('pi-inventory');
      for (const id of licenceDocuments) expect(enclosures, id).toContain(titleOf(id));
      // The filing documents go to the filing system, not to the licence authority with the letter.
      for (const id of ids.filter((i) => documentTemplate(i)?.pathway === 'filing'))
        expect(enclosures, id).not.toContain(titleOf(id));
    },
  );

  it.each(['sample', 'renamed', 'licenceUnfiled'])(
    '%s: the filing sheet ticks every other document of the filing packet and none it lacks',
    (name) => {
      const { ids, texts } = packets.get(name)!;
      const sheet = texts.get('filing-info-sheet') ?? '';
      const listed = sheet.slice(sheet.indexOf('随附材料'), sheet.indexOf('填表说明'));
      const filingDocuments = ids.filter(
        (id) => id !== 'filing-info-sheet' && documentTemplate(id)?.pathway !== 'licence',
      );
      for (const id of filingDocuments) expect(listed, id).toContain(`✓${titleOf(id)}`);
      for (const id of ['verification-form', 'authorization-letter', 'pre-approval-statement'])
        if (!ids.includes(id)) expect(listed, id).not.toContain(`✓${titleOf(id)}`);
    },
  );

  it('a recommended document signed by hand and not returned is left out of the packet: not ticked', () => {
    const { ids, texts } = packets.get('renamedNotReturned')!;
    const sheet = texts.get('filing-info-sheet') ?? '';
    const listed = sheet.slice(sheet.indexOf('随附材料'), sheet.indexOf('填表说明'));
    for (const id of ['verification-form', 'pre-approval-statement', 'filing-commitment']) {
      expect(ids).toContain(id);
      expect(listed, id).toContain(titleOf(id));
      expect(listed, id).not.toContain(`✓${titleOf(id)}`);
    }
    // Unsigned documents are always in the packet.
    for (const id of ['privacy-policy', 'pi-inventory']) expect(listed, id).toContain(`✓${titleOf(id)}`);
  });
});
