/** Text shared by the `renewal` and `change` commands' reports. */
import type { Language } from '../core/i18n/language';
import type { PacketMaterial } from '../core/after/changes';

/** The packet's list: each material marked written by the app or to be prepared by the user. */
export function materialLines(materials: readonly PacketMaterial[], lang: Language): string[] {
  const en = lang === 'en';
  const mark = (written: boolean) =>
    written ? (en ? '[written]' : '[生成]') : en ? '[to prepare]' : '[自备]';
  return [
    en ? 'Packet:' : '材料：',
    ...materials.map(
      (m) => `  ${mark(Boolean(m.template))} ${m.label['zh-CN']}${en ? ` — ${m.label.en}` : ''}`,
    ),
  ];
}
