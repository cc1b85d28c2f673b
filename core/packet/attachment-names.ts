/**
 * The Chinese file name and index title of a scan in the packet (templates/rules/attachment-names.json):
 * short, in the portals' words (营业执照, 小程序负责人身份证件（正面）), rather than the checklist's longer
 * explanatory names.
 */
import type { Case, Service } from '../model/case';
import { documentLabels } from '../documents/templates';
import namesJson from '../../templates/rules/attachment-names.json' with { type: 'json' };
import type { Bilingual, PacketChecklistItem } from './types';

const NAMES = (namesJson as { names: Record<string, Bilingual> }).names;

const SERVICE_KIND: Record<Service['kind'], Bilingual> = {
  website: { zh: '网站', en: 'Website' },
  app: { zh: 'App', en: 'App' },
  mini_program: { zh: '小程序', en: 'Mini-program' },
};

export function attachmentTitle(item: PacketChecklistItem, c: Case): Bilingual {
  const pattern = NAMES[item.entryId];
  if (!pattern) return item.name;
  const service = c.services.find((s) => s.id === item.serviceId);
  const sector = item.sector ? documentLabels().tables.sector?.[item.sector] : undefined;
  const certificate = documentLabels().tables.subjectCertificateType?.[c.subject.certificateType];
  const fill = (text: string, lang: keyof Bilingual) =>
    text
      .replaceAll('{service}', service?.name || service?.id || '')
      .replaceAll(
        '{serviceKind}',
        service ? SERVICE_KIND[service.kind][lang] : lang === 'zh' ? '服务' : 'Service',
      )
      .replaceAll('{sector}', sector?.[lang] ?? item.sector ?? '')
      .replaceAll('{subjectCertificate}', certificate?.[lang] ?? c.subject.certificateType);
  return { zh: fill(pattern.zh, 'zh'), en: fill(pattern.en, 'en') };
}
