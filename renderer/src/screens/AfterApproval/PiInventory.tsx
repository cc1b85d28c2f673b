import { useTranslation } from 'react-i18next';
import { inventoryFlags, inventoryGaps } from '../../../../core/after/pipl';
import {
  CROSS_BORDER_MECHANISMS,
  DataItemSchema,
  LEGAL_BASES,
  SENSITIVE_CATEGORIES,
  type DataItem,
} from '../../../../core/model/case';
import { removeListRow } from '../../../../core/model/list-edits';
import { enumKey } from '../../i18n/enumKey';
import { SelectField, TextField } from '../../components/fields';
import { useCaseSession } from '../Case/caseSession';
import { AfterSection } from './AfterSection';
import { InlineCheck } from './InlineCheck';

/**
 * The PIPL personal-information inventory, entered once per case: each item with purpose, legal basis,
 * sensitive categories, retention, recipients and cross-border transfer. It fills the privacy policy and the
 * inventory table of the packet, and flags what needs separate consent, an impact assessment or a
 * cross-border mechanism.
 */
export function PiInventory() {
  const { t } = useTranslation();
  const { caseData, update } = useCaseSession();
  const items = caseData.personalData;
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
    <AfterSection
      id="after-inventory"
      heading={t('afterApproval.inventory.heading')}
      intro={t('afterApproval.inventory.intro')}
    >
      {items.length === 0 && <p className="hint">{t('afterApproval.inventory.empty')}</p>}
      {items.map((item, index) => {
        const flags = inventoryFlags(item);
        const gaps = inventoryGaps(item);
        const id = `pi-${index}`;
        return (
          <fieldset key={index} className="after-pi" data-testid={id}>
            <legend>{t('afterApproval.inventory.row', { number: index + 1, name: item.item || '—' })}</legend>
            <div className="after-pi__grid">
              <label className="field" id={`field-personalData.${index}.item`}>
                <span className="field__label">{t('afterApproval.inventory.item')}</span>
                <input
                  className="input"
                  value={item.item}
                  onChange={(e) => setItem(index, { item: e.target.value })}
                />
              </label>
              <TextField
                id={`${id}-purpose`}
                label={t('afterApproval.inventory.purpose')}
                value={item.purpose}
                onChange={(next) => setItem(index, { purpose: next })}
              />
              <SelectField
                id={`${id}-legalBasis`}
                label={t('afterApproval.inventory.legalBasis')}
                value={item.legalBasis}
                onChange={(next) => setItem(index, { legalBasis: next as DataItem['legalBasis'] })}
                options={LEGAL_BASES.map((basis) => ({
                  value: basis,
                  label: t(`afterApproval.inventory.bases.${enumKey(basis)}`),
                }))}
              />
              <TextField
                id={`${id}-retention`}
                label={t('afterApproval.inventory.retention')}
                value={item.retention}
                onChange={(next) => setItem(index, { retention: next })}
              />
              <TextField
                id={`${id}-sharedWith`}
                label={t('afterApproval.inventory.sharedWith')}
                value={item.sharedWith}
                onChange={(next) => setItem(index, { sharedWith: next })}
              />
            </div>
            <fieldset className="after-pi__categories">
              <legend>{t('afterApproval.inventory.sensitive')}</legend>
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
                  {t(`afterApproval.inventory.categories.${enumKey(category)}`)}
                </InlineCheck>
              ))}
            </fieldset>
            <InlineCheck
              checked={item.crossBorder}
              onChange={(crossBorder) => setItem(index, { crossBorder })}
            >
              {t('afterApproval.inventory.crossBorder')}
            </InlineCheck>
            {item.crossBorder && (
              <div className="after-pi__grid">
                <TextField
                  id={`${id}-recipient`}
                  label={t('afterApproval.inventory.recipient')}
                  value={item.crossBorderRecipient}
                  onChange={(next) => setItem(index, { crossBorderRecipient: next })}
                />
                <SelectField
                  id={`${id}-mechanism`}
                  label={t('afterApproval.inventory.mechanism')}
                  value={item.crossBorderMechanism}
                  onChange={(next) =>
                    setItem(index, { crossBorderMechanism: next as DataItem['crossBorderMechanism'] })
                  }
                  options={CROSS_BORDER_MECHANISMS.map((m) => ({
                    value: m,
                    label: t(`afterApproval.inventory.mechanisms.${m === '' ? 'none' : enumKey(m)}`),
                  }))}
                />
              </div>
            )}
            {(flags.length > 0 || gaps.length > 0) && (
              <ul className="after-flags" data-testid={`${id}-flags`}>
                {gaps.map((gap) => (
                  <li key={gap} className="field-issue field-issue--error">
                    {t(`afterApproval.inventory.gaps.${gap}`)}
                  </li>
                ))}
                {flags.map((flag) => (
                  <li key={flag} className="field-issue">
                    {t(`afterApproval.inventory.flags.${flag}`)}
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => update((c) => removeListRow(c, 'personalData', index), { ownUndoStep: true })}
            >
              {t('afterApproval.inventory.remove')}
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
        data-testid="pi-add"
      >
        {t('afterApproval.inventory.add')}
      </button>
      <p className="hint">{t('afterApproval.inventory.packetHint')}</p>
    </AfterSection>
  );
}
