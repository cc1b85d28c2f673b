import { useTranslation } from 'react-i18next';
import { complianceAudit, crossBorderRoute, inventoryFlags, inventoryGaps } from '../../../core/after/pipl';
import {
  CROSS_BORDER_MECHANISMS,
  DataItemSchema,
  LEGAL_BASES,
  PersonalDataScaleSchema,
  SENSITIVE_CATEGORIES,
  type DataItem,
  type PersonalDataScale,
} from '../../../core/model/case';
import { todayIso } from '../../../core/validate/common';
import { useUiLanguage } from '../i18n/useUiLanguage';
import { SourceList } from '../screens/AfterApproval/SourceList';
import { removeListRow } from '../../../core/model/list-edits';
import { enumKey } from '../i18n/enumKey';
import { useCaseSession } from '../screens/Case/caseSession';
import { FieldIssues, InlineCheck, SelectField, TextField, fieldDomId } from './fields';
import './pi-inventory.css';

/** The choices of one scale question, in the order asked ('' = not answered). */
const SCALE_OPTIONS = {
  peopleProcessed: PersonalDataScaleSchema.shape.peopleProcessed.removeDefault().options,
  crossBorderPeople: PersonalDataScaleSchema.shape.crossBorderPeople.removeDefault().options,
  crossBorderSensitivePeople:
    PersonalDataScaleSchema.shape.crossBorderSensitivePeople.removeDefault().options,
} as const;

/**
 * How much personal information the service handles, and what follows: the compliance audit every two years
 * above 10 million people, and which cross-border route the volumes call for (the rows below are checked
 * against it).
 */
function ScaleQuestions() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { caseData, update } = useCaseSession();
  const scale = caseData.personalDataScale;
  const set = (patch: Partial<PersonalDataScale>) =>
    update((c) => ({ ...c, personalDataScale: { ...c.personalDataScale, ...patch } }));
  const route = crossBorderRoute(scale);
  const audit = complianceAudit(scale);
  const anyCrossBorder = caseData.personalData.some((item) => item.crossBorder);
  const select = (key: keyof typeof SCALE_OPTIONS) => (
    <SelectField
      id={fieldDomId(`personalDataScale.${key}`)}
      label={t(`piInventory.scale.${key}`)}
      value={scale[key]}
      onChange={(next) => set({ [key]: next } as Partial<PersonalDataScale>)}
      options={SCALE_OPTIONS[key].map((value) => ({
        value,
        label: t(`piInventory.scale.options.${value === '' ? 'unanswered' : enumKey(value)}`),
      }))}
    />
  );
  return (
    <fieldset className="pi-scale" data-testid="pi-scale">
      <legend>{t('piInventory.scale.heading')}</legend>
      <p className="hint">{t('piInventory.scale.intro')}</p>
      <div className="pi-item__grid">
        {select('peopleProcessed')}
        {select('crossBorderPeople')}
        {select('crossBorderSensitivePeople')}
      </div>
      <InlineCheck checked={scale.ciio} onChange={(ciio) => set({ ciio })}>
        {t('piInventory.scale.ciio')}
      </InlineCheck>
      <InlineCheck checked={scale.importantData} onChange={(importantData) => set({ importantData })}>
        {t('piInventory.scale.importantData')}
      </InlineCheck>
      {audit && (
        <div className="callout" role="note" data-testid="pi-audit">
          <p className="callout__heading">{audit.title[lang]}</p>
          <p>{audit.detail[lang]}</p>
          <SourceList sources={audit.sources} />
        </div>
      )}
      {route ? (
        <div className="callout" role="note" data-testid="pi-route" data-route={route.id}>
          <p className="callout__heading">{t('piInventory.route.heading', { route: route.title[lang] })}</p>
          <p>{route.detail[lang]}</p>
          <SourceList sources={route.sources} />
        </div>
      ) : (
        anyCrossBorder && (
          <p className="hint" data-testid="pi-route-unknown">
            {t('piInventory.route.unknown')}
          </p>
        )
      )}
    </fieldset>
  );
}

/**
 * The PIPL personal-information inventory, entered once per case: each item with purpose, legal basis,
 * sensitive categories, retention, recipients and cross-border transfer. It fills the privacy policy and the
 * inventory table of the packet (so the Documents step shows it, where the pre-flight's findings on it lead)
 * and the After approval step's privacy-policy section; both use this one editor, which flags what needs
 * separate consent, an impact assessment or a cross-border mechanism. Inputs carry the field ids of their
 * model paths (`personalData.0.purpose`), and "Add an item" that of `personalData`, so a finding opens them.
 */
export function PiInventory() {
  const { t } = useTranslation();
  const { caseData, issues, update } = useCaseSession();
  const items = caseData.personalData;
  /** The pre-flight's findings on one field of the inventory, shown under it. */
  const issuesAt = (path: string) => (
    <FieldIssues id={`${fieldDomId(path)}-issues`} issues={issues.filter((i) => i.path === path)} />
  );
  const context = { route: crossBorderRoute(caseData.personalDataScale), today: todayIso() };
  const setItem = (index: number, patch: Partial<DataItem>) =>
    update((c) => ({
      ...c,
      personalData: c.personalData.map((item, i) => {
        if (i !== index) return item;
        const next = { ...item, ...patch };
        // A sensitive category makes the item sensitive; the table's "sensitive" column follows.
        if (patch.sensitiveCategories) next.sensitive = next.sensitiveCategories.length > 0;
        return next;
      }),
    }));

  return (
    <>
      <ScaleQuestions />
      {items.length === 0 && <p className="hint">{t('piInventory.empty')}</p>}
      {items.map((item, index) => {
        const flags = inventoryFlags(item, context);
        const gaps = inventoryGaps(item);
        const id = `pi-${index}`;
        return (
          <fieldset key={index} className="row-list__row pi-item" data-testid={id}>
            <legend className="row-list__title">
              {t('piInventory.row', { number: index + 1, name: item.item || '—' })}
            </legend>
            <div className="pi-item__grid">
              <TextField
                id={fieldDomId(`personalData.${index}.item`)}
                after={issuesAt(`personalData.${index}.item`)}
                label={t('piInventory.item')}
                value={item.item}
                onChange={(next) => setItem(index, { item: next })}
              />
              <TextField
                id={fieldDomId(`personalData.${index}.purpose`)}
                after={issuesAt(`personalData.${index}.purpose`)}
                label={t('piInventory.purpose')}
                value={item.purpose}
                onChange={(next) => setItem(index, { purpose: next })}
              />
              <SelectField
                id={fieldDomId(`personalData.${index}.legalBasis`)}
                label={t('piInventory.legalBasis')}
                value={item.legalBasis}
                onChange={(next) => setItem(index, { legalBasis: next as DataItem['legalBasis'] })}
                options={LEGAL_BASES.map((basis) => ({
                  value: basis,
                  label: t(`piInventory.bases.${enumKey(basis)}`),
                }))}
              />
              <TextField
                id={fieldDomId(`personalData.${index}.retention`)}
                after={issuesAt(`personalData.${index}.retention`)}
                label={t('piInventory.retention')}
                value={item.retention}
                onChange={(next) => setItem(index, { retention: next })}
              />
              <TextField
                id={fieldDomId(`personalData.${index}.sharedWith`)}
                after={issuesAt(`personalData.${index}.sharedWith`)}
                label={t('piInventory.sharedWith')}
                value={item.sharedWith}
                onChange={(next) => setItem(index, { sharedWith: next })}
              />
            </div>
            <fieldset
              className="pi-item__categories"
              id={fieldDomId(`personalData.${index}.sensitiveCategories`)}
              tabIndex={-1}
            >
              <legend>{t('piInventory.sensitive')}</legend>
              {SENSITIVE_CATEGORIES.map((category) => (
                <InlineCheck
                  key={category}
                  checked={item.sensitiveCategories.includes(category)}
                  onChange={(checked) =>
                    setItem(index, {
                      sensitiveCategories: checked
                        ? [...item.sensitiveCategories, category]
                        : item.sensitiveCategories.filter((c) => c !== category),
                    })
                  }
                >
                  {t(`piInventory.categories.${enumKey(category)}`)}
                </InlineCheck>
              ))}
              {issuesAt(`personalData.${index}.sensitiveCategories`)}
            </fieldset>
            <InlineCheck
              checked={item.crossBorder}
              onChange={(crossBorder) => setItem(index, { crossBorder })}
            >
              {t('piInventory.crossBorder')}
            </InlineCheck>
            {item.crossBorder && (
              <div className="pi-item__grid">
                <TextField
                  id={fieldDomId(`personalData.${index}.crossBorderRecipient`)}
                  after={issuesAt(`personalData.${index}.crossBorderRecipient`)}
                  label={t('piInventory.recipient')}
                  value={item.crossBorderRecipient}
                  onChange={(next) => setItem(index, { crossBorderRecipient: next })}
                />
                <SelectField
                  id={fieldDomId(`personalData.${index}.crossBorderMechanism`)}
                  label={t('piInventory.mechanism')}
                  value={item.crossBorderMechanism}
                  onChange={(next) =>
                    setItem(index, { crossBorderMechanism: next as DataItem['crossBorderMechanism'] })
                  }
                  options={CROSS_BORDER_MECHANISMS.map((m) => ({
                    value: m,
                    label: t(`piInventory.mechanisms.${m === '' ? 'none' : enumKey(m)}`),
                  }))}
                />
              </div>
            )}
            {(flags.length > 0 || gaps.length > 0) && (
              <ul className="pi-item__flags" data-testid={`${id}-flags`}>
                {gaps.map((gap) => (
                  <li key={gap} className="field-issue field-issue--error">
                    {t(`piInventory.gaps.${gap}`)}
                  </li>
                ))}
                {flags.map((flag) => (
                  <li key={flag} className="field-issue">
                    {t(`piInventory.flags.${flag}`)}
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => update((c) => removeListRow(c, 'personalData', index), { ownUndoStep: true })}
            >
              {t('piInventory.remove')}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() =>
          update((c) => ({ ...c, personalData: [...c.personalData, DataItemSchema.parse({})] }), {
            ownUndoStep: true,
          })
        }
        id={fieldDomId('personalData')}
        data-testid="pi-add"
      >
        {t('piInventory.add')}
      </button>
    </>
  );
}
