/**
 * Issue 22 points 5 and 7: characters the build would refuse are the pre-flight's to report, at their field.
 * - `check` passed a case with 0 errors whose build then died on a character the document font lacks (an
 *   emoji, a private-use character): now an error `text.unprintable` names it. Before the fix: no issue.
 * - names carrying terminal escapes (ESC, OSC 52), C1 controls, bidi overrides or invisible characters are
 *   refused as the user types (`text.unsafeCharacters`, both languages). Before the fix: no issue.
 */
import { describe, expect, it } from 'vitest';
import { sampleCase } from '../../../core/model/sample-case';
import { checkCase } from '../../../core/rules/preflight';
import { neutraliseForTerminal, unsafeCharacters } from '../../../core/validate/characters';
import { unprintableCharacters } from '../../../core/documents/coverage';

const NOW = new Date('2026-11-25T08:00:00Z');
const issuesAt = (edit: (c: ReturnType<typeof sampleCase>) => void, path: string) => {
  const c = sampleCase(NOW);
  edit(c);
  return checkCase(c, { today: '2026-11-25' }).filter((i) => i.path === path);
};

describe('characters in the case (issue 22 points 5 and 7)', () => {
  it.each([
    [
      'an emoji in the subject name',
      (c: ReturnType<typeof sampleCase>) => (c.subject.name = '上海🐉科技有限公司'),
      'subject.name',
      '🐉',
    ],
    [
      'a private-use character in the address',
      (c: ReturnType<typeof sampleCase>) => (c.subject.certificateAddress = '上海市\ue000路1号'),
      'subject.certificateAddress',
      '\ue000',
    ],
    [
      'Hangul in a service description',
      (c: ReturnType<typeof sampleCase>) => (c.services[0]!.contentDescription = '온라인 쇼핑몰'),
      'services.0.contentDescription',
      '온',
    ],
  ])('%s is an error at its field, with the character named', (_label, edit, path, char) => {
    const found = issuesAt(edit, path).filter((i) => i.code === 'text.unprintable');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error' });
    expect(found[0]?.message.en).toContain(char);
    expect(found[0]?.message['zh-CN']).toContain(char);
  });

  it.each([
    [
      'ESC (a clear-screen sequence) in the case name',
      (c: ReturnType<typeof sampleCase>) => (c.name = 'Acme\u001b[2J'),
      'name',
      'U+001B',
    ],
    [
      'OSC 52 (a clipboard write) in the subject name',
      (c: ReturnType<typeof sampleCase>) => (c.subject.name = '上海\u001b]52;c;eA==\u0007有限公司'),
      'subject.name',
      'U+0007',
    ],
    [
      'a right-to-left override in a service name',
      (c: ReturnType<typeof sampleCase>) => (c.services[0]!.name = '商城\u202egnp.exe'),
      'services.0.name',
      'U+202E',
    ],
    [
      'a C1 CSI in the principal name',
      (c: ReturnType<typeof sampleCase>) => (c.principal.name = '张\u009b三'),
      'principal.name',
      'U+009B',
    ],
    [
      'a zero-width space in the legal representative',
      (c: ReturnType<typeof sampleCase>) => (c.legalRepresentative.name = '张\u200b三'),
      'legalRepresentative.name',
      'U+200B',
    ],
  ])('%s is refused at its field in both languages', (_label, edit, path, named) => {
    const found = issuesAt(edit, path).filter((i) => i.code === 'text.unsafeCharacters');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error' });
    expect(found[0]?.message.en).toContain(named);
    expect(found[0]?.message['zh-CN']).toContain(named);
  });

  it('accepts the sample and ordinary multi-line text (newlines and tabs are layout)', () => {
    const c = sampleCase(NOW);
    c.subject.businessScope = '一般项目：\n\t家居用品销售；\r\n技术服务。';
    const flagged = checkCase(c, { today: '2026-11-25' }).filter(
      (i) => i.code.startsWith('text.uns') || i.code === 'text.unprintable',
    );
    expect(flagged).toEqual([]);
  });

  it('neutralises terminal-active characters and keeps newlines, tabs and Chinese', () => {
    expect(neutraliseForTerminal('a\u001b[2Jb\u009b\u202e\n\t中')).toBe('a\\u001b[2Jb\\u009b\\u202e\n\t中');
    expect(JSON.parse(`"${neutraliseForTerminal('x\u202ey')}"`)).toBe('x\u202ey');
    expect(unsafeCharacters('ok 中文')).toEqual([]);
    expect(unprintableCharacters('澜岸家居 Müller（上海）')).toEqual([]);
  });
});
