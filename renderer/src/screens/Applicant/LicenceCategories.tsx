import { useTranslation } from 'react-i18next';
import { formatLicenceCategories } from '../../../../core/documents/resolve';
import { LICENCE_CATEGORIES, type LicenceCategory } from '../../../../core/model/case';
import { fieldDef } from '../../../../core/model/fields';
import { licenceCategoryPlan } from '../../../../core/rules/licence-categories';
import { FieldIssues, RadioGroupField, fieldDomId } from '../../components/fields';
import { enumKey } from '../../i18n/enumKey';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { useCaseSession } from '../Case/caseSession';
import { WordSpace } from '../../i18n/WordSpace';

const PATH = 'answers.licenceCategory';

/**
 * The licence categories applied for, on the licence form. They are the Pathway answer "Which licence do you
 * plan to apply for?" itself — one value, so a change here shows on the Pathway step and the other way round —
 * with what the packet prints for it and the pre-flight's finding when the answers call for a category the
 * choice leaves out.
 */
export function LicenceCategories() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { caseData, decision, issues, update } = useCaseSession();
  const def = fieldDef(PATH);
  const plan = licenceCategoryPlan(caseData.answers, decision);
  const found = issues.filter((issue) => issue.path === PATH);
  const codes = plan.categories.join(' + ');
  const issuesId = `${fieldDomId(PATH)}-issues`;
  const set = (next: LicenceCategory | '') =>
    update((c) => ({ ...c, answers: { ...c.answers, licenceCategory: next === '' ? null : next } }));

  return (
    <div
      id={fieldDomId(PATH)}
      tabIndex={-1}
      className="field licence-categories"
      data-path={PATH}
      aria-describedby={found.length > 0 ? issuesId : undefined}
    >
      <RadioGroupField<LicenceCategory | ''>
        name="licence-categories"
        legend={
          <>
            <span className="field__portal" lang="zh-CN">
              {def?.label['zh-CN']}
            </span>
            <span className="field__meaning" lang="en">
              {def?.label.en}
            </span>
          </>
        }
        value={caseData.answers.licenceCategory ?? ''}
        options={LICENCE_CATEGORIES.map((category) => ({
          value: category,
          label: t(`pathway.licenceCategories.${enumKey(category)}`),
        }))}
        onChange={set}
      />
      {def && <p className="hint">{def.help[lang]}</p>}
      <p className="licence-categories__applied" data-testid="licence-categories-applied" data-codes={codes}>
        {t(`forms.applicant.licenceCategory.applied.${plan.source}`, { codes })}
        <WordSpace />
        <span lang="zh-CN">{formatLicenceCategories(plan.categories, 'zh')}</span>
      </p>
      <FieldIssues id={issuesId} issues={found} />
    </div>
  );
}
