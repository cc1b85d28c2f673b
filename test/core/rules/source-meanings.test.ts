/**
 * A source cited in Chinese (a statute, a notice) carries its English meaning, which the English UI and the
 * CLI show beside the Chinese title: an English reader never meets a citation they cannot read. A source
 * titled in English carries a Chinese title, which the Chinese UI shows instead: a Chinese reader never meets
 * an English citation title either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceTitle } from '../../../core/rules/data';

const rules = fileURLToPath(new URL('../../../templates/rules/', import.meta.url));
const SOURCE_KEYS = new Set(['title', 'titleZh', 'titleEn', 'url', 'kind', 'secondary', 'date']);

/** Every object of the rule data shaped like a source (a title and only source fields). */
function sourcesIn(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((item) => sourcesIn(item, found));
  else if (node && typeof node === 'object') {
    const keys = Object.keys(node);
    if (typeof (node as { title?: unknown }).title === 'string' && keys.every((k) => SOURCE_KEYS.has(k)))
      found.push(node as Record<string, unknown>);
    else Object.values(node).forEach((value) => sourcesIn(value, found));
  }
  return found;
}

/** A title an English reader cannot read: Chinese, with fewer than two English words (an acronym is not a gloss). */
const chineseOnly = (title: string) =>
  /\p{Script=Han}/u.test(title) && (title.match(/\b[a-z]{3,}\b/gu) ?? []).length < 2;

/** A title that reads as English: more Latin letters than Han characters (a Chinese term or two quoted in an
 * English title, e.g. "Tencent Cloud ICP filing help, 变更信息 (change of filing information)", does not make
 * it Chinese). */
const readsAsEnglish = (title: string) =>
  (title.match(/\p{Script=Latin}/gu) ?? []).length > (title.match(/\p{Script=Han}/gu) ?? []).length;

describe('sources in the rule data', () => {
  it('give every Chinese-only title an English meaning', () => {
    const files = readdirSync(rules).filter((name) => name.endsWith('.json'));
    const sources = files.flatMap((name) =>
      sourcesIn(JSON.parse(readFileSync(join(rules, name), 'utf8'))).map((s) => ({ name, s })),
    );
    expect(sources.length).toBeGreaterThan(100);
    const unglossed = sources
      .filter(({ s }) => chineseOnly(s.title as string) && typeof s.titleEn !== 'string')
      .map(({ name, s }) => `${name}: ${String(s.title)}`);
    expect([...new Set(unglossed)]).toEqual([]);
  });

  it('give every English title, even one quoting a Chinese term, a Chinese title for the Chinese UI', () => {
    const files = readdirSync(rules).filter((name) => name.endsWith('.json'));
    const sources = files.flatMap((name) =>
      sourcesIn(JSON.parse(readFileSync(join(rules, name), 'utf8'))).map((s) => ({ name, s })),
    );
    const untitled = sources
      .filter(({ s }) => readsAsEnglish(s.title as string))
      .filter(({ s }) => typeof s.titleZh !== 'string' || !/\p{Script=Han}/u.test(s.titleZh.trim()))
      .map(({ name, s }) => `${name}: ${String(s.title)}`);
    expect([...new Set(untitled)]).toEqual([]);
  });

  it('count a title as English by its letters, whatever Chinese it quotes', () => {
    expect(readsAsEnglish('Tencent Cloud FAQ: pre-approvals')).toBe(true);
    expect(readsAsEnglish('Tencent Cloud ICP filing help, 变更信息 (change of filing information)')).toBe(
      true,
    );
    expect(readsAsEnglish('《电信业务经营许可管理办法》第三十五条 (Art. 35)')).toBe(false);
    expect(readsAsEnglish('《中华人民共和国广告法》第十四条')).toBe(false);
  });

  it('title a source by its Chinese name with the English meaning beside it in English, and in Chinese alone', () => {
    const law = { title: '《中华人民共和国广告法》第十四条', titleEn: 'Advertising Law of the PRC, Art. 14' };
    expect(sourceTitle(law, 'en')).toEqual({ title: law.title, meaning: law.titleEn });
    expect(sourceTitle(law, 'zh-CN')).toEqual({ title: law.title });
    expect(sourceTitle({ title: 'MIIT notice', titleZh: '工信部通知' }, 'zh-CN')).toEqual({
      title: '工信部通知',
    });
  });
});
