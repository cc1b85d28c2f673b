/**
 * Review 8: every list of a packet's materials inside a document — the licence letter's 附件 and the filing
 * information sheet's 随附材料 — names exactly the generated documents the packet holds. Read back from the
 * rendered PDFs of the fixtures' packets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import { documentTemplate } from '../../../core/documents/templates';
import type { Case } from '../../../core/model/case';
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

const packets = new Map<string, Packet>();

beforeAll(async () => {
  packets.set('licence', await packet(licenceCase(), ['licence-application-letter']));
  packets.set(
    'licenceUnfiled',
    await packet(licenceCaseUnfiled(), ['licence-application-letter', 'filing-info-sheet']),
  );
  packets.set('sample', await packet(filingCase(), ['filing-info-sheet']));
  packets.set('renamed', await packet(renamedCase(), ['filing-info-sheet']));
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
});
