import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { fieldDef } from '../../../core/model/fields';
import { sampleCase } from '../../../core/model/sample-case';
import { checkCase } from '../../../core/rules/preflight';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import type { Language } from '../../../electron/contract';
import { FieldView } from '../../../renderer/src/components/fields/CatalogueField';
import { createI18n } from '../../../renderer/src/i18n/i18n';

/** The sample with a mistyped USCC check character: the pre-flight's own finding drives the field. */
function invalidUsccIssues() {
  const c = sampleCase(new Date('2026-11-25T00:00:00Z'));
  c.subject.certificateNumber = '91310115MA1K4R7C5B';
  return checkCase(c, { today: '2026-11-25' }).filter((issue) => issue.path === 'subject.certificateNumber');
}

function renderField(language: Language, value: string, issues = invalidUsccIssues()) {
  const def = fieldDef('subject.certificateNumber');
  if (!def) throw new Error('catalogue lacks subject.certificateNumber');
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <FieldView
        def={def}
        path="subject.certificateNumber"
        value={value}
        onChange={() => undefined}
        issues={issues}
      />
    </I18nextProvider>,
  );
  return { def, input: screen.getByRole('textbox') };
}

describe('catalogue field', () => {
  it('labels the input with the portal’s Chinese label and its English meaning, in either UI language', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const { def, input } = renderField(language, '');
      expect(input.id).toBe('field-subject-certificateNumber');
      const label = document.querySelector(`label[for="${input.id}"]`);
      expect(label?.textContent).toContain('主体证件号码');
      expect(label?.textContent).toContain('Certificate number');
      const description = (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      expect(description).toContain(def.help[language]);
      expect(description).toContain('91310115MA1K4R7C5A');
      document.body.innerHTML = '';
    }
  });

  it('shows a finding with its fix in English, marks the input invalid and describes it', () => {
    const issues = invalidUsccIssues();
    expect(issues.map((issue) => issue.code)).toEqual(['uscc.checksum']);
    const { input } = renderField('en', '91310115MA1K4R7C5B', issues);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const findings = document.getElementById('field-subject-certificateNumber-issues');
    expect(input.getAttribute('aria-describedby')).toContain('field-subject-certificateNumber-issues');
    expect(findings?.textContent).toContain(en.fields.severity.error);
    expect(findings?.textContent).toContain(issues[0]?.message.en);
    expect(findings?.textContent).toContain(issues[0]?.fix.en);
  });

  it('shows the same finding in Chinese when the UI is in 简体中文', () => {
    const issues = invalidUsccIssues();
    renderField('zh-CN', '91310115MA1K4R7C5B', issues);
    const findings = document.getElementById('field-subject-certificateNumber-issues');
    expect(findings?.textContent).toContain(zhCN.fields.severity.error);
    expect(findings?.textContent).toContain('第 18 位校验码应为 A');
    expect(findings?.textContent).toContain(issues[0]?.fix['zh-CN']);
    expect(findings?.textContent).not.toContain(issues[0]?.message.en);
  });

  it('keeps an untouched empty field quiet: no finding, not invalid', () => {
    const c = sampleCase();
    c.subject.certificateNumber = '';
    const issues = checkCase(c).filter((issue) => issue.path === 'subject.certificateNumber');
    expect(issues.map((issue) => issue.code)).toEqual(['field.required']);
    const { input } = renderField('en', '', issues);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById('field-subject-certificateNumber-issues')).toBeNull();
  });
});

describe('findings at a field the user has not touched yet', () => {
  /** The sample's mini-program without service content types: pre-flight lists that at the empty field. */
  function typesIssues() {
    const c = sampleCase(new Date('2026-11-25T00:00:00Z'));
    const index = c.services.findIndex((service) => service.kind === 'mini_program');
    const service = c.services[index]!;
    if (service.kind !== 'mini_program') throw new Error('the sample has no mini-program');
    service.serviceContentTypes = [];
    const path = `services.${index}.serviceContentTypes`;
    return { path, issues: checkCase(c, { today: '2026-11-25' }).filter((issue) => issue.path === path) };
  }

  it.each(['en', 'zh-CN'] as const)(
    'shows what pre-flight lists for it on opening the step, in %s, without waiting for a visit from Review',
    (language) => {
      const { path, issues } = typesIssues();
      expect(issues.map((issue) => issue.code)).toEqual(['miniProgram.serviceTypesMissing']);
      const def = fieldDef('services.*.serviceContentTypes', 'mini_program');
      if (!def) throw new Error('catalogue lacks services.*.serviceContentTypes');
      render(
        <I18nextProvider i18n={createI18n(language)}>
          <FieldView def={def} path={path} value={[]} onChange={() => undefined} issues={issues} />
        </I18nextProvider>,
      );
      const findings = document.getElementById(`field-${path.replaceAll('.', '-')}-issues`);
      expect(findings?.textContent).toContain(issues[0]!.message[language]);
      expect(findings?.textContent).toContain(issues[0]!.fix[language]);
      document.body.innerHTML = '';
    },
  );
});

describe('the Languages field (issue 12.8)', () => {
  function renderLanguages(language: Language, initial: string[]) {
    const def = fieldDef('services.*.languages');
    if (!def) throw new Error('catalogue lacks services.*.languages');
    const stored: unknown[] = [];
    render(
      <I18nextProvider i18n={createI18n(language)}>
        <FieldView
          def={def}
          path="services.0.languages"
          value={initial}
          onChange={(next) => stored.push(next)}
          issues={[]}
        />
      </I18nextProvider>,
    );
    return { def, stored, input: screen.getByRole('combobox') as HTMLInputElement };
  }

  it('accepts the name its example shows and stores the language code the documents print by name', () => {
    const { def, stored, input } = renderLanguages('en', ['zh-CN']);
    expect(input.value).toBe('Simplified Chinese');
    fireEvent.change(input, { target: { value: def.example } });
    expect(def.example).toBe('中文简体');
    expect(stored.at(-1)).toEqual(['zh-CN']);
    fireEvent.change(input, { target: { value: 'english' } });
    expect(stored.at(-1)).toEqual(['en']);
    fireEvent.change(input, { target: { value: 'Klingon' } });
    expect(stored.at(-1)).toEqual(['Klingon']);
  });

  it('shows the Chinese name in the Chinese UI, as the example does', () => {
    const { def, input } = renderLanguages('zh-CN', ['zh-CN']);
    expect(input.value).toBe(def.example);
  });
});

describe('a choice field’s example', () => {
  it('shows a choice field’s example as the choice reads in English, not as bare Chinese', () => {
    const examples: Record<string, string> = {};
    for (const path of [
      'subject.certificateType',
      'services.0.platform',
      'legalRepresentative.idType',
      'subject.formerNames.0.filedUnder',
    ]) {
      const def = fieldDef(path);
      if (!def) throw new Error(`catalogue lacks ${path}`);
      const { unmount } = render(
        <I18nextProvider i18n={createI18n('en')}>
          <FieldView def={def} path={path} value="" onChange={() => undefined} issues={[]} />
        </I18nextProvider>,
      );
      examples[path] = document.querySelector('.field__example')?.textContent ?? '';
      unmount();
    }
    expect(examples).toEqual({
      'subject.certificateType': `${en.fields.example}${en.fieldOptions.certificateType.businessLicence}`,
      'services.0.platform': `${en.fields.example}WeChat`,
      'legalRepresentative.idType': `${en.fields.example}${en.fieldOptions.idType.residentId}`,
      'subject.formerNames.0.filedUnder': `${en.fields.example}${en.fieldOptions.yesNo.yes}`,
    });
  });
});
