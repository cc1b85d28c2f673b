/**
 * In English the user never has to read Chinese to act: wherever the English UI quotes the portal's or the
 * document's Chinese, its English meaning stands beside it — the Chinese in parentheses after the English
 * ("Business licence (营业执照)"), or the English in parentheses right after the Chinese ("备案 (filing)",
 * "样本 / SAMPLE").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';

function strings(node: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof node === 'string') out.push([path, node]);
  else if (node !== null && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) strings(value, path ? `${path}.${key}` : key, out);
  return out;
}

// A run may be a citation: 《办法》（令第33号）第十三条 is one term.
const CHINESE_RUN = /[\u3400-\u9fff《][\u3400-\u9fff·・、（）《》〔〕0-9]*/gu;

/** The Chinese at `index` is inside parentheses, or followed by its English in parentheses or after a slash. */
function glossed(text: string, index: number, length: number): boolean {
  const before = text.slice(0, index);
  const insideParentheses = before.lastIndexOf('(') > before.lastIndexOf(')');
  const after = text.slice(index + length).replace(/^[”"’']/u, '');
  return insideParentheses || /^ ?\(/u.test(after) || /^ \/ [A-Za-z]/u.test(after);
}

describe('English UI text', () => {
  it('gives every Chinese term it quotes an English meaning beside it', () => {
    const bare = strings(en, '', []).flatMap(([path, text]) =>
      [...text.matchAll(CHINESE_RUN)]
        .filter((match) => !glossed(text, match.index, match[0].length))
        .map((match) => `${path}: ${match[0]}`),
    );
    expect(bare).toEqual([]);
  });
});

/** Every English text of a rule or catalogue file: `en` leaves, and the titles of sources with no `titleEn`. */
function englishOfData(node: unknown, path: string, out: [string, string][]): [string, string][] {
  if (Array.isArray(node)) node.forEach((item, index) => englishOfData(item, `${path}.${index}`, out));
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    // A source cited in the UI: a Chinese title shows its titleEn beside it; any other title is read as is.
    if (typeof record.title === 'string' && record.titleEn === undefined && isSource(record))
      out.push([`${path}.title`, record.title]);
    for (const [key, value] of Object.entries(record)) {
      if (key === 'en' && typeof value === 'string') out.push([`${path}.en`, value]);
      else englishOfData(value, `${path}.${key}`, out);
    }
  }
  return out;
}

function isSource(record: Record<string, unknown>): boolean {
  return ['url', 'kind', 'date', 'secondary', 'titleZh'].some((key) => key in record);
}

const DATA_DIRS = ['templates/rules', 'templates/fields'];

describe('English text of the rule data and the field catalogue', () => {
  it('gives every Chinese term it quotes an English meaning beside it', () => {
    const bare = DATA_DIRS.flatMap((dir) =>
      readdirSync(new URL(`../../${dir}/`, import.meta.url))
        .filter((name) => name.endsWith('.json'))
        .flatMap((name) => {
          const data: unknown = JSON.parse(
            readFileSync(new URL(`../../${dir}/${name}`, import.meta.url), 'utf8'),
          );
          return englishOfData(data, `${dir}/${name}`, []).flatMap(([path, text]) =>
            [...text.matchAll(CHINESE_RUN)]
              .filter((match) => !glossed(text, match.index, match[0].length))
              .map((match) => `${path}: ${match[0]}`),
          );
        }),
    );
    expect(bare).toEqual([]);
  });
});
