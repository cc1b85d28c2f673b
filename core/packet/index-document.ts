/**
 * The packet's 目录 (index): templates/documents/packet-index.json, set by the document engine like every
 * other document, with the rows this module computes from the packet (titles, files, page ranges in the full
 * packet). The template is not selected by its `appliesWhen` ({always: false}); only the packet renders it.
 */
import type { Case } from '../model/case';
import { formatLicenceCategories } from '../documents/resolve';
import { prepareDocument, renderDocument } from '../documents/render';
import type { DocumentFonts } from '../documents/font';
import { parseTemplate, type DocumentTemplate } from '../documents/template-schema';
import indexJson from '../../templates/documents/packet-index.json' with { type: 'json' };
import type { PacketIndex } from './types';
import { caseLicenceCategories } from '../rules/licence-categories';

let indexTemplate: DocumentTemplate | undefined;

export function packetIndexTemplate(): DocumentTemplate {
  indexTemplate ??= parseTemplate(indexJson, 'templates/documents/packet-index.json');
  return indexTemplate;
}

// Packet values are filled in before the engine sees the template; a `{{` in them must not be read as a
// placeholder of the case.
const literal = (text: string) => text.replaceAll('{{', '{ {');

const SURFACE_NAMES: Record<string, string> = { website: '网站', app: 'App', mini_program: '小程序' };
const SURFACE_NAMES_EN: Record<string, string> = {
  website: 'website',
  app: 'App',
  mini_program: 'mini-program',
};

/**
 * The application as the authority names it: 互联网信息服务备案（小程序） for a filing, 第二类增值电信业务中的
 * 信息服务业务（B25，仅限互联网信息服务）经营许可 for a licence — the category as the application letter names it.
 */
export function applicationItem(c: Case, pathwayId: string): { zh: string; en: string } {
  if (pathwayId === 'icp-licence') {
    const categories = caseLicenceCategories(c);
    const zh = formatLicenceCategories(categories, 'zh');
    return { zh: `${zh}经营许可`, en: `Licence for ${formatLicenceCategories(categories, 'en')}` };
  }
  const kinds = [...new Set(c.services.map((s) => s.kind))];
  const zh = kinds.map((k) => SURFACE_NAMES[k] ?? k).join('、');
  const en = kinds.map((k) => SURFACE_NAMES_EN[k] ?? k).join(', ');
  return {
    zh: `互联网信息服务备案${zh ? `（${zh}）` : ''}`,
    en: `Internet information service filing${en ? ` (${en})` : ''}`,
  };
}

/** The file column: the path exactly as the packet folder holds it, so a reviewer finds the file by it. */
function fileCell(file: string): { zh: string; en: string } {
  return { zh: literal(file), en: literal(file) };
}

export function pageRange(first: number, last: number): string {
  return first === last ? `${first}` : `${first}–${last}`;
}

/** The index template with this packet's values and rows in place. */
export function boundIndexTemplate(index: PacketIndex): DocumentTemplate {
  const template = packetIndexTemplate();
  const substitute = (text: string) =>
    text
      .replaceAll('%pathway.zh%', literal(index.pathway.zh))
      .replaceAll('%pathway.en%', literal(index.pathway.en))
      .replaceAll('%totalPages%', String(index.totalPages));
  return {
    ...template,
    blocks: template.blocks.map((block) => {
      if (block.type === 'kv') {
        return {
          ...block,
          rows: block.rows.map((row) => ({
            ...row,
            value: substitute(row.value),
            ...(row.valueEn === undefined ? {} : { valueEn: substitute(row.valueEn) }),
          })),
        };
      }
      if (block.type === 'table') {
        return {
          ...block,
          rows: index.rows.map((row) => [
            String(row.number).padStart(2, '0'),
            { zh: literal(row.title.zh), en: literal(row.title.en) },
            fileCell(row.file),
            pageRange(row.firstPage, row.lastPage),
          ]),
        };
      }
      return block;
    }),
  };
}

/** The pages {@link renderPacketIndex} draws for `index`, laid out but not drawn. */
export function packetIndexPageCount(
  index: PacketIndex,
  caseData: Case,
  options: { fonts: DocumentFonts; now: Date },
): number {
  return prepareDocument(boundIndexTemplate(index), caseData, {
    variant: 'submission',
    fonts: options.fonts,
    now: options.now,
  }).layout.pageCount;
}

export function renderPacketIndex(
  index: PacketIndex,
  caseData: Case,
  options: { fonts: DocumentFonts; now: Date },
): Promise<Uint8Array> {
  return renderDocument(boundIndexTemplate(index), caseData, {
    variant: 'submission',
    fonts: options.fonts,
    now: options.now,
  });
}
