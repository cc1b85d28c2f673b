/**
 * Pick instead of type: inputs for portal fields whose Chinese a non-reader cannot write. Each stores the
 * Chinese the portal expects and shows its English beside it.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  choiceOf,
  maxServiceContentTypes,
  searchChoices,
  searchContentTypes,
  SERVICE_CONTENT_TYPES,
  type Choice,
} from '../../../../core/model/choices';
import { provinceList } from '../../../../core/model/regions';
import { remarkPatterns } from '../../../../core/model/remark-patterns';
import { useCaseSession } from '../../screens/Case/caseSession';
import { setAt } from './paths';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { RegionSelect } from './RegionSelect';
import { WordSpace } from '../../i18n/WordSpace';

interface InputProps {
  id: string;
  describedBy: string;
  invalid: boolean;
  disabled?: boolean;
  onBlur: () => void;
}

/**
 * Free text with a bilingual pick list (job titles, access providers): typing English or Chinese narrows the
 * list; picking stores the Chinese. Anything not listed can still be typed; a listed value shows its English.
 */
export function ChoiceInput({
  value,
  choices,
  onChange,
  label,
  ...input
}: InputProps & {
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  /** The field's name, for the list's accessible name. */
  label: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = `${input.id}-choices`;
  const picked = choiceOf(choices, value);
  // While the value is a listed choice, show the whole list again (the user may want another one).
  const matches = (picked ? [...choices] : searchChoices(choices, value)).slice(0, 12);
  return (
    <div className="choice-input">
      <input
        id={input.id}
        type="text"
        className="input"
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={input.describedBy}
        aria-invalid={input.invalid ? true : undefined}
        disabled={input.disabled}
        value={value}
        placeholder={t('pickers.typeOrPick')}
        onFocus={() => setOpen(true)}
        onChange={(event) => {
          setOpen(true);
          onChange(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
        onBlur={input.onBlur}
      />
      {picked && (
        <p className="hint choice-input__meaning">
          <EnglishMeaning meaning={picked.en} />
        </p>
      )}
      {open && matches.length > 0 && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('pickers.suggestions', { label })}
          className="choice-list"
        >
          {matches.map((choice) => (
            <li
              key={choice.zh}
              role="option"
              aria-selected={choice.zh === value}
              className="choice-list__item"
              // mousedown keeps the input's focus; click alone would blur and close the list first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                onChange(choice.zh);
                setOpen(false);
              }}
            >
              <span lang="zh-CN" className="choice-list__zh">
                {choice.zh}
              </span>{' '}
              <span lang="en" className="choice-list__en">
                {choice.en}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Server location (服务器放置地): a province picker searchable in English or Chinese; stores 上海市. */
export function ProvinceInput({
  value,
  onChange,
  label,
  ...input
}: InputProps & { value: string; onChange: (value: string) => void; label: string }) {
  const { t } = useTranslation();
  const provinces = provinceList();
  const chosen = provinces.find((province) => province.name === value);
  return (
    <>
      <RegionSelect
        id={input.id}
        value={chosen?.code ?? ''}
        regions={provinces}
        onChange={(code) => onChange(provinces.find((province) => province.code === code)?.name ?? '')}
        searchLabel={t('workspaceGuide.region.search', { label })}
        selectProps={{
          'aria-describedby': input.describedBy,
          'aria-invalid': input.invalid ? true : undefined,
          disabled: input.disabled,
          onBlur: input.onBlur,
        }}
      />
      {value !== '' && chosen === undefined && (
        // A value typed before the picker existed: kept, and shown so the user can replace it.
        <p className="hint">{t('pickers.notListed', { value })}</p>
      )}
    </>
  );
}

/**
 * WeChat service content types: search WeChat's second-level types in English or Chinese and tick up to five.
 * WeChat publishes its full list only through its live API, so an id copied from there can be added too.
 */
export function ContentTypePicker({
  value,
  onChange,
  ...input
}: InputProps & { value: readonly number[]; onChange: (value: number[]) => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [query, setQuery] = useState('');
  const [otherId, setOtherId] = useState('');
  const otherInputId = useId();
  const max = maxServiceContentTypes();
  const full = value.length >= max;
  const matches = searchContentTypes(query);
  const toggle = (id: number) =>
    onChange(value.includes(id) ? value.filter((v) => v !== id) : full ? [...value] : [...value, id]);
  const otherNumber = /^\d{1,6}$/u.test(otherId.trim()) ? Number(otherId.trim()) : undefined;
  const unlisted = value.filter((id) => !SERVICE_CONTENT_TYPES.some((type) => type.id === id));
  return (
    <div
      className="content-types"
      role="group"
      aria-labelledby={`${input.id}-label`}
      aria-describedby={input.describedBy}
    >
      <input
        id={input.id}
        type="search"
        className="input"
        aria-label={t('pickers.contentTypes.search')}
        placeholder={t('workspaceGuide.region.placeholder')}
        value={query}
        disabled={input.disabled}
        onChange={(event) => setQuery(event.target.value)}
        onBlur={input.onBlur}
      />
      <p className="hint" aria-live="polite">
        {t('pickers.contentTypes.count', { count: value.length, max })}
      </p>
      <ul className="content-types__list">
        {matches.map((type) => {
          const checked = value.includes(type.id);
          return (
            <li key={type.id}>
              <label>
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={checked}
                  disabled={input.disabled || (full && !checked)}
                  onChange={() => toggle(type.id)}
                />{' '}
                <span lang="zh-CN">{type.zh}</span> <span lang="en">{type.en}</span>{' '}
                <span className="hint">
                  {lang === 'zh-CN' ? type.parentZh : type.parentEn} ·{' '}
                  {t('pickers.contentTypes.id', { id: type.id })}
                </span>
              </label>
            </li>
          );
        })}
        {matches.length === 0 && <li className="hint">{t('pickers.contentTypes.noMatch')}</li>}
        {unlisted.map((id) => (
          <li key={`other-${id}`}>
            <label>
              <input
                type="checkbox"
                className="checkbox"
                checked
                disabled={input.disabled}
                onChange={() => toggle(id)}
              />{' '}
              {t('pickers.contentTypes.unlisted', { id })}
            </label>
          </li>
        ))}
      </ul>
      <p className="hint">{t('pickers.contentTypes.fullListHint')}</p>
      <div className="content-types__other">
        <label htmlFor={otherInputId}>{t('pickers.contentTypes.otherLabel')}</label>{' '}
        <input
          id={otherInputId}
          type="text"
          inputMode="numeric"
          className="input input--number"
          value={otherId}
          disabled={input.disabled || full}
          onChange={(event) => setOtherId(event.target.value)}
        />{' '}
        <button
          type="button"
          className="button button--small"
          disabled={input.disabled || full || otherNumber === undefined || value.includes(otherNumber)}
          onClick={() => {
            if (otherNumber === undefined) return;
            onChange([...value, otherNumber]);
            setOtherId('');
          }}
        >
          {t('pickers.contentTypes.add')}
        </button>
      </div>
      {full && <p className="hint">{t('pickers.contentTypes.full', { max })}</p>}
    </div>
  );
}

/**
 * Sentence patterns for 备注 built from the case's facts: each in Chinese with its English meaning; "Use this"
 * fills the remark and its English meaning (printed in the review copy), for the user to adjust.
 */
export function RemarkPatterns({ path, serviceIndex }: { path: string; serviceIndex: number }) {
  const { t } = useTranslation();
  const { caseData, update } = useCaseSession();
  const patterns = remarkPatterns(caseData, serviceIndex);
  return (
    <div className="remark-patterns" data-remark-patterns={path}>
      <p className="field__label">{t('pickers.remarks.heading')}</p>
      {patterns.length === 0 ? (
        <p className="hint">{t('pickers.remarks.needFacts')}</p>
      ) : (
        <ul className="remark-patterns__list">
          {patterns.map((pattern) => (
            <li key={pattern['zh-CN']} className="remark-patterns__item">
              <p lang="zh-CN">{pattern['zh-CN']}</p>
              <p className="hint">
                <EnglishMeaning meaning={pattern.en} />
                <WordSpace />
                {t('pickers.remarks.length', { count: pattern.length })}
              </p>
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  update((current) => ({
                    ...setAt(current, path, pattern['zh-CN']),
                    englishMeanings: { ...current.englishMeanings, [path]: pattern.en },
                  }))
                }
              >
                {t('pickers.remarks.use')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "In English: …" — the label in the UI language, the meaning marked as English. */
function EnglishMeaning({ meaning }: { meaning: string }) {
  const { t } = useTranslation();
  return (
    <>
      {t('pickers.meaningLabel')}
      <WordSpace />
      <span lang="en">{meaning}</span>
    </>
  );
}
