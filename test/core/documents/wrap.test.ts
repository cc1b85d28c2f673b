import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricsFor } from '../../../core/documents/font';
import { JOINER, NO_LINE_END, NO_LINE_START, wrapText } from '../../../core/documents/wrap';
import { bundledFonts, compact } from './pdf-reader';

const metrics = metricsFor(bundledFonts().regular);
const SIZE = 14;
const measure = (s: string) => metrics.widthOf(s, SIZE);

function checkLines(text: string, width: number): string[] {
  const lines = wrapText(text, width, measure);
  expect(compact(lines.join(''))).toBe(compact(text.replaceAll(JOINER, '')));
  for (const line of lines) {
    expect(measure(line), line).toBeLessThanOrEqual(width + 0.01);
  }
  lines.forEach((line, i) => {
    if (i > 0) expect(NO_LINE_START.has([...line][0] ?? ''), `line starts with "${line}"`).toBe(false);
    if (i < lines.length - 1)
      expect(NO_LINE_END.has([...line].at(-1) ?? ''), `line ends "${line}"`).toBe(false);
  });
  return lines;
}

describe('wrapText', () => {
  it('fills Chinese lines to the width and never starts a line with 。，、；：？！）》', () => {
    const text =
      '本单位严格遵守《中华人民共和国网络安全法》《互联网信息服务管理办法》等法律法规，不利用所备案的互联网信息服务制作、复制、发布、传播法律、行政法规禁止的信息。如违反上述承诺，本单位自愿承担由此产生的一切法律责任！';
    for (const chars of [7, 9, 12, 17, 20, 28, 31]) {
      const lines = checkLines(text, chars * SIZE);
      // Greedy fill: every line but the last is within two characters of full.
      for (const line of lines.slice(0, -1)) expect(measure(line)).toBeGreaterThan((chars - 2) * SIZE);
    }
  });

  it('keeps English words, numbers and e-mail addresses whole in mixed text', () => {
    const text =
      "上海澜岸贸易有限公司（Lan'an Trading (Shanghai) Co., Ltd.）注册资本人民币1,000万元，联系邮箱anna.mueller@northwind-home.cn，统一社会信用代码91310115MA1K4R7C5A。";
    for (const chars of [10, 14, 18, 25]) {
      const lines = checkLines(text, chars * SIZE);
      const joined = lines.join('\n');
      for (const word of ["Lan'an", 'Trading', 'Shanghai', 'Ltd', '1,000', '91310115MA1K4R7C5A']) {
        // Only a word wider than the whole line may be cut.
        if (measure(word) <= chars * SIZE) expect(joined, `${chars}: ${word}`).toContain(word);
      }
    }
  });

  it('cuts per character only a segment wider than the line, and still obeys the punctuation rules', () => {
    const key = 'b3f1c8e24a9d07f65e2c1b8a93d4f0e7c6a5b2918d3e4f70a1c2b3d4e5f60718'.repeat(3);
    const lines = checkLines(`公钥：${key}。`, 20 * SIZE);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.at(-1)?.endsWith('。')).toBe(true);
    // An ordinary sentence is never cut inside a word.
    expect(wrapText('Shanghai Example Trading', 20 * SIZE, measure)).toEqual(['Shanghai Example Trading']);
  });

  it('never breaks inside a joined date, and drops the joiners from the output', () => {
    const date = ['2026', '年', '11', '月', '25', '日'].join(JOINER);
    for (let chars = 8; chars < 16; chars++) {
      const lines = checkLines(`本授权书自${date}起生效，至${date}止。`, chars * SIZE);
      expect(lines.join('\n')).toMatch(
        /2026年11月25日.*\n?.*2026年11月25日|2026年11月25日[\s\S]*2026年11月25日/,
      );
      expect(lines.some((l) => l.includes(JOINER))).toBe(false);
    }
  });

  it('keeps hard line breaks', () => {
    expect(wrapText('附件：1．营业执照\n2．变更通知书', 30 * SIZE, measure)).toEqual([
      '附件：1．营业执照',
      '2．变更通知书',
    ]);
  });

  it('holds for any mix of Chinese, punctuation, Latin words and numbers (property)', () => {
    const han = fc.constantFrom(
      ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系',
    );
    // Real Chinese has at most two closing marks in a row (。” or ）。), after a character.
    const punctuated = fc
      .tuple(han, fc.constantFrom('', '', '，', '。', '、', '；', '：', '？', '！', '。”', '）。', '》，'))
      .map(([c, p]) => c + p);
    const quoted = fc.tuple(fc.constantFrom('（', '《', '“'), han).map(([o, c]) => o + c);
    const latin = fc.constantFrom(
      ' Trading ',
      ' Co., Ltd. ',
      'WeChat',
      'AppID',
      '2026',
      '100%',
      'https://example.cn/a/b',
    );
    const piece = fc.oneof(punctuated, punctuated, quoted, latin);
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 6, max: 32 }),
        (parts, chars) => {
          checkLines(parts.join(''), chars * SIZE);
        },
      ),
      { numRuns: 300 },
    );
  });
});
