/**
 * The choices of the catalogue's `select` fields, by model pattern. Values are the case model's enums; the
 * text of each choice is in locales (`fieldOptions.<set>.<value>`), except pre-approval sectors, whose
 * bilingual names live with the rule data (templates/rules/pre-approvals.json).
 */
import {
  MINI_PROGRAM_PLATFORMS,
  PERSON_ID_TYPES,
  SECTORS,
  SUBJECT_CERTIFICATE_TYPES,
} from '../../../../core/model/case';
import { documentLabels } from '../../../../core/documents/templates';
import { preApprovalFor } from '../../../../core/rules/data';
import type { Language } from '../../../../electron/contract';

export type OptionSet =
  'certificateType' | 'idType' | 'shareholderKind' | 'appPlatform' | 'miniPlatform' | 'coverage';

export interface FieldOption {
  value: string;
  /** A locale key under fieldOptions, or a ready bilingual label. */
  label: { set: OptionSet } | { text: Record<Language, string> };
}

const fromSet = (set: OptionSet, values: readonly string[]): FieldOption[] =>
  values.map((value) => ({ value, label: { set } }));

const BY_PATTERN: Readonly<Record<string, FieldOption[]>> = {
  'subject.certificateType': fromSet('certificateType', SUBJECT_CERTIFICATE_TYPES),
  'legalRepresentative.idType': fromSet('idType', PERSON_ID_TYPES),
  'principal.idType': fromSet('idType', PERSON_ID_TYPES),
  'services.*.principal.idType': fromSet('idType', PERSON_ID_TYPES),
  'subject.shareholders.*.kind': fromSet('shareholderKind', ['company', 'individual']),
  'subject.shareholders.*.owners.*.kind': fromSet('shareholderKind', ['company', 'individual']),
  'licence.staff.*.idType': fromSet('idType', PERSON_ID_TYPES),
  'services.*.courseScope': [
    { value: 'none', label: { text: { en: 'No courses', 'zh-CN': '不提供课程' } } },
    {
      value: 'adult_vocational',
      label: {
        text: {
          en: 'Adult vocational training only (no academic education, no K-12 tutoring)',
          'zh-CN': '仅面向成年人的职业技能类非学历培训',
        },
      },
    },
  ],
  'services.*.platforms.*.platform': fromSet('appPlatform', ['android', 'ios', 'harmony']),
  'services.*.platform': fromSet('miniPlatform', MINI_PROGRAM_PLATFORMS),
  'licence.coverage': fromSet('coverage', ['province', 'multi_province', 'nationwide']),
  'services.*.preApprovals.*.sector': SECTORS.map((sector) => {
    const entry = preApprovalFor(sector);
    return {
      value: sector,
      label: entry
        ? { text: { en: entry.label.en, 'zh-CN': entry.label['zh-CN'] } }
        : { text: { en: sector, 'zh-CN': sector } },
    };
  }),
};

export function optionsFor(pattern: string): FieldOption[] {
  return BY_PATTERN[pattern] ?? [];
}

/**
 * The Languages field (语种) stores language codes (zh-CN, en …) that the documents print by name. The user
 * types a name as the field's example shows it (中文简体) or in English (Simplified Chinese): a known name in
 * either language is stored as its code; any other text is kept as typed.
 */
export interface ListCodec {
  /** What the row shows for a stored value. */
  show: (value: string) => string;
  /** What to store for what the user typed. */
  read: (typed: string) => string;
  /** Names to suggest, in the UI language, with the other language's name beside them. */
  suggestions: readonly { value: string; label: string }[];
}

export function languageCodec(lang: Language): ListCodec {
  const table = documentLabels().tables.language ?? {};
  const names = Object.entries(table).map(([code, name]) => ({ code, zh: name.zh, en: name.en }));
  const inUi = (name: { zh: string; en: string }) => (lang === 'zh-CN' ? name.zh : name.en);
  const other = (name: { zh: string; en: string }) => (lang === 'zh-CN' ? name.en : name.zh);
  return {
    show: (value) => {
      const name = table[value];
      return name ? inUi(name) : value;
    },
    read: (typed) => {
      const key = typed.trim().toLowerCase();
      const hit = names.find((name) => name.zh === typed.trim() || name.en.toLowerCase() === key);
      return hit && key !== '' ? hit.code : typed;
    },
    suggestions: names.map((name) => ({ value: inUi(name), label: other(name) })),
  };
}
