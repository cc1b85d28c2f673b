import { describe, expect, it } from 'vitest';
import { caseModelPaths, FIELD_CATALOGUE, fieldDef, isCaseModelPath, toPattern } from '../../../core/model';

/** Model paths that are not typed in by the user, so they need no catalogue entry. */
const NOT_USER_FIELDS = [
  /^schemaVersion$/,
  /^id$/,
  /^name$/,
  /^createdAt$/,
  /^updatedAt$/,
  /^services\.\*\.(id|kind)$/,
  /^attachments(\.|$)/,
  /^acknowledged(\.|$)/,
  /^journal(\.|$)/,
  // Edited in the After approval step's own forms (numbers, dates), not on the portal's forms.
  /^afterApproval(\.|$)/,
  /^exports(\.|$)/,
  /^contacts(\.|$)/,
  /^answers(\.|$)/,
  // Typed beside each free-text field (CatalogueField's English meaning input), keyed by the field's path.
  /^englishMeanings(\.|$)/,
  /\.preApprovals\.\*\.attachmentIds(\.|$)/,
  // The sign-and-return loop's own records: the case's mark and what was printed for signing, when.
  /^markId$/,
  /^signingPrints(\.|$)/,
  // A licence holder's later years: the annual report's figures carry the MIIT system's own labels, meanings and
  // examples in their rule data (templates/rules/annual-report.json); changes are recorded in After approval.
  /^lifecycle(\.|$)/,
  /^services\.\*\.launchedOn$/,
  // Chosen from fixed ranges in the personal-information inventory (not typed, and not on any portal form).
  /^personalDataScale(\.|$)/,
];

/** Paths with no children; a list of plain values (domains, languages) counts as its container. */
function leafPaths(): string[] {
  const all = [...caseModelPaths()];
  const leaves = all.filter((p) => !all.some((q) => q.startsWith(`${p}.`)));
  return [...new Set(leaves.map((p) => p.replace(/\.\*$/, '')))];
}

describe('field catalogue', () => {
  it('binds only paths the case model has', () => {
    const missing = FIELD_CATALOGUE.fields.map((f) => f.path).filter((p) => !caseModelPaths().has(p));
    expect(missing).toEqual([]);
  });

  it('covers every field the user types in', () => {
    const covered = new Set(FIELD_CATALOGUE.fields.map((f) => f.path));
    const uncovered = leafPaths()
      .filter((p) => !NOT_USER_FIELDS.some((re) => re.test(p)))
      .filter((p) => !covered.has(p));
    expect(uncovered).toEqual([]);
  });

  it('gives every portal field a Chinese label written in Chinese', () => {
    for (const f of FIELD_CATALOGUE.fields) {
      expect(f.label['zh-CN'], f.path).toMatch(/[\u4e00-\u9fff]/);
      expect(f.help['zh-CN'], f.path).toMatch(/[\u4e00-\u9fff]/);
      expect(f.label.en, f.path).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('picks the label of the service kind', () => {
    expect(fieldDef('services.0.name', 'website')?.label['zh-CN']).toBe('网站名称');
    expect(fieldDef('services.2.name', 'app')?.label['zh-CN']).toBe('APP名称');
    expect(fieldDef('services.1.name', 'mini_program')?.label['zh-CN']).toBe('小程序名称');
    expect(fieldDef('subject.certificateNumber')?.label['zh-CN']).toBe('主体证件号码');
    expect(fieldDef('subject.nope')).toBeUndefined();
  });
});

describe('model paths', () => {
  it('reads nested, array and union paths from the schema', () => {
    expect(isCaseModelPath('services.3.platforms.0.packageName')).toBe(true);
    expect(isCaseModelPath('services.0.appId')).toBe(true);
    expect(isCaseModelPath('services.0.principal.mobile')).toBe(true);
    expect(isCaseModelPath('subject.shareholders.1.sharePct')).toBe(true);
    expect(isCaseModelPath('subject.shoeSize')).toBe(false);
    expect(toPattern('a.12.b.0')).toBe('a.*.b.*');
  });
});
