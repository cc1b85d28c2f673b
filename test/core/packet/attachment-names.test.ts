/**
 * The names the packet gives the applicant's scans (its index and its 附件 folder) as the reviewer reads them
 * beside the licence application letter (review6): the letter's enclosure list and the index name each
 * scan alike, and no name carries the app's own qualifier (广东：…, an either/or with a slash).
 */
import { describe, expect, it } from 'vitest';
import { documentTemplate } from '../../../core/documents/templates';
import { attachmentTitle } from '../../../core/packet/attachment-names';
import { buildChecklist } from '../../../core/rules/checklist';
import { decidePathway } from '../../../core/rules/decide';
import type { Case } from '../../../core/model/case';
import { licenceCase } from '../../fixtures/documents/cases';

function titles(c: Case): Map<string, string> {
  const items = buildChecklist(c, decidePathway(c.answers), { today: '2026-11-25' });
  return new Map(
    items.map((item) => [
      item.entryId,
      attachmentTitle(
        {
          id: item.id,
          entryId: item.entryId,
          ...(item.serviceId ? { serviceId: item.serviceId } : {}),
          ...(item.sector ? { sector: item.sector } : {}),
          name: { zh: item.name['zh-CN'], en: item.name.en },
        },
        c,
      ).zh,
    ]),
  );
}

describe('scan names in the licence packet', () => {
  it('the letter’s enclosure list names each attached scan as the packet index does', () => {
    const c = licenceCase();
    const named = titles(c);
    const letter = documentTemplate('licence-application-letter')!;
    const enclosures = letter.blocks.flatMap((b) => (b.type === 'enclosures' ? b.items : []));
    const checked: string[] = [];
    for (const enclosure of enclosures) {
      const when = enclosure.when as { attached?: string } | undefined;
      if (!when?.attached) continue;
      const title = named.get(when.attached);
      expect(title, when.attached).toBeDefined();
      // A per-service scan carries its service's name in brackets: 域名证书（云帆知学）.
      const service = c.services.map((s) => `（${s.name}）`).find((s) => title!.endsWith(s)) ?? '';
      expect(title!.slice(0, title!.length - service.length), when.attached).toBe(enclosure.zh);
      checked.push(when.attached);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'audit-report',
        'key-staff-documents',
        'office-premises-proof',
        'filing-record',
      ]),
    );
  });

  it('no scan name keeps the app’s province qualifier (广东：) or an either/or slash', () => {
    const c = licenceCase();
    for (const [id, title] of titles(c)) {
      expect(title, id).not.toMatch(/^[\u4e00-\u9fff]{2,3}：/);
      expect(title, id).not.toMatch(/\s\/\s/);
    }
  });
});
