import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, makeIssue, NAMING_RULES, placeholdersOf, type MessageCode } from '../../../core/validate';

const root = join(import.meta.dirname, '../../..');

/**
 * Every code the validators can emit: code-shaped string literals in core/validate/*.ts (calls to error() and
 * warning() are also type-checked against the table) plus the codes in the naming-rule data.
 */
function usedCodes(): Set<string> {
  const used = new Set<string>();
  const dir = join(root, 'core/validate');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && name !== 'messages.ts')) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/'([a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*)'/g))
      used.add(match[1] ?? '');
    // Template-literal codes of the MOD 11-2 family: `${prefix}.${problem}`.
    if (source.includes('`${prefix}.')) {
      for (const prefix of ['residentId', 'hmtResidencePermit']) {
        for (const part of [
          'length',
          'format',
          'birthDate',
          'birthDateFuture',
          'birthDateTooOld',
          'checksum',
        ]) {
          used.add(`${prefix}.${part}`);
        }
      }
    }
  }
  for (const rule of NAMING_RULES) used.add(rule.code);
  return used;
}

describe('validation message table', () => {
  const entries = Object.entries(MESSAGES);

  it('has non-empty English and Chinese message and fix for every code', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const [code, template] of entries) {
      for (const text of [
        template.message.en,
        template.message['zh-CN'],
        template.fix.en,
        template.fix['zh-CN'],
      ]) {
        expect(text.trim().length, code).toBeGreaterThan(3);
      }
      expect(template.message['zh-CN'], code).toMatch(/\p{Script=Han}/u);
      expect(template.fix['zh-CN'], code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('uses the same {{params}} in both languages', () => {
    for (const [code, template] of entries) {
      expect(placeholdersOf(template.message['zh-CN']), `${code} message`).toEqual(
        placeholdersOf(template.message.en),
      );
      expect(placeholdersOf(template.fix['zh-CN']), `${code} fix`).toEqual(placeholdersOf(template.fix.en));
    }
  });

  it('has an entry for every code the rule data uses, and no entry that nothing emits', () => {
    const used = usedCodes();
    for (const rule of NAMING_RULES) expect(MESSAGES, rule.id).toHaveProperty([rule.code]);
    const unused = Object.keys(MESSAGES).filter((code) => !used.has(code));
    expect(unused).toEqual([]);
  });

  it('codes are stable dotted identifiers', () => {
    for (const [code] of entries) expect(code).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
  });

  it('interpolates every placeholder when all params are given, bilingual params per language', () => {
    for (const [code, template] of entries) {
      const names = new Set([...placeholdersOf(template.message.en), ...placeholdersOf(template.fix.en)]);
      const params = Object.fromEntries(
        [...names].map((name) => [name, { en: `EN-${name}`, 'zh-CN': `中-${name}` }]),
      );
      const issue = makeIssue(code as MessageCode, 'error', params);
      for (const text of [issue.message.en, issue.message['zh-CN'], issue.fix.en, issue.fix['zh-CN']]) {
        expect(text, code).not.toContain('{{');
      }
      for (const name of names) {
        expect(`${issue.message.en} ${issue.fix.en}`, code).toContain(`EN-${name}`);
        expect(`${issue.message['zh-CN']} ${issue.fix['zh-CN']}`, code).toContain(`中-${name}`);
        expect(issue.params?.[name], code).toBe(`EN-${name}`);
      }
    }
  });
});
