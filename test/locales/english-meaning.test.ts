/**
 * In English the user never has to read Chinese to act: wherever the English UI quotes the portal's or the
 * document's Chinese, its English meaning stands beside it — the Chinese in parentheses after the English
 * ("Business licence (营业执照)"), or the English in parentheses right after the Chinese ("备案 (filing)",
 * "样本 / SAMPLE").
 */
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';

function strings(node: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof node === 'string') out.push([path, node]);
  else if (node !== null && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) strings(value, path ? `${path}.${key}` : key, out);
  return out;
}

const CHINESE_RUN = /[\u3400-\u9fff][\u3400-\u9fff·・、（）]*/gu;

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
