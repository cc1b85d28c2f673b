import { describe, expect, it } from 'vitest';
import { fieldDef } from '../../../core/model';
import { PREFLIGHT } from '../../../core/rules/data';
import { checkCase } from '../../../core/rules';
import { createCase } from '../../../core/model';

describe('required-field messages', () => {
  it('name every required field in words, never by its model path', () => {
    const unnamed = PREFLIGHT.requiredFields
      .filter((req) => !req.label)
      .filter((req) => (req.serviceKinds ?? [undefined]).some((kind) => !fieldDef(req.path, kind)))
      .map((req) => req.path);
    expect(unnamed).toEqual([]);
  });

  it('tells a filing case without services what is missing, in both languages', () => {
    const c = createCase({ id: 'c', name: 'n', now: new Date('2026-11-25T00:00:00Z') });
    c.answers = { ...c.answers, surfaces: ['website'], mainlandHosting: true, subject: 'domestic_company' };
    const issue = checkCase(c, { today: '2026-11-25' }).find(
      (i) => i.code === 'field.required' && i.path === 'services',
    );
    expect(issue?.message['zh-CN']).toContain('至少一个网站、APP 或小程序');
    expect(issue?.message.en).toContain('at least one website, App or mini-program');
  });
});
