import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../core/model/case';
import { choiceListFor } from '../../../../core/model/choices';
import { fieldDef, type FieldDef } from '../../../../core/model/fields';
import { toPattern } from '../../../../core/model/paths';
import { provinceList, type Region } from '../../../../core/model/regions';
import type { PreflightIssue } from '../../../../core/rules/preflight';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { useFormat } from '../../i18n/useFormat';
import type { Language } from '../../../../electron/contract';
import zhCN from '../../../../locales/zh-CN.json';
import { REVEAL_EVENT } from '../../navigation/focusTarget';
import { useCaseSession } from '../../screens/Case/caseSession';
import { languageCodec, optionsFor, type ListCodec } from './options';
import { ListEditor } from './ListEditor';
import { DateInput } from './DateInput';
import { showDate } from './dateText';
import { ChoiceInput, ContentTypePicker, ProvinceInput, RemarkPatterns } from './Pickers';
import { RegionSelect, regionLabel } from './RegionSelect';
import { listLabels, type ListLabels } from './listLabels';
import { getAt, setAt } from './paths';
import { enumKey } from '../../i18n/enumKey';
import { WordSpace } from '../../i18n/WordSpace';

/** Findings that only say an empty field needs a value: held back until the user has been to the field. */
const EMPTY_FIELD_CODES = new Set(['field.required', 'document.valueMissing']);

/** The element id of a field, so the pre-flight and tests can reach it by its model path. */
export function fieldDomId(path: string): string {
  return `field-${path.replaceAll('.', '-')}`;
}

export interface FieldViewProps {
  def: FieldDef;
  path: string;
  value: unknown;
  onChange: (value: unknown) => void;
  issues: readonly PreflightIssue[];
  /** For `region` inputs: the choices (provinces, or the cities of the chosen province…). */
  regions?: readonly Region[];
  disabled?: boolean;
  /** In a section that already names the owner, "Subject's person in charge: name" reads "Name". */
  shortMeaning?: boolean;
}

/** Text of a choice set's value (the keys under fieldOptions, typed from en.json) in the UI language. */
type OptionText = (key: 'fieldOptions.idType.passport') => string;
const YES_NO: Readonly<Record<string, 'yes' | 'no'>> = { 是: 'yes', 否: 'no' };
const ZH_OPTIONS = zhCN.fieldOptions as Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A select's choices, each with its text in the UI language and in Chinese. */
function selectChoices(path: string, say: OptionText, lang: Language) {
  return optionsFor(toPattern(path)).map((option) => {
    if (!('set' in option.label))
      return { value: option.value, text: option.label.text[lang], zh: option.label.text['zh-CN'] };
    // The option sets are typed from en.json: a value without text fails to compile there.
    const key = `fieldOptions.${option.label.set}.${enumKey(option.value)}` as 'fieldOptions.idType.passport';
    return { value: option.value, text: say(key), zh: ZH_OPTIONS[option.label.set]?.[enumKey(option.value)] };
  });
}

/**
 * The catalogue's example of a choice field is the portal's Chinese (营业执照, 是): shown as the choice reads in
 * the UI language, so English never shows a bare Chinese word to pick from. Undefined where it is not a choice.
 */
function exampleAsChoice(def: FieldDef, path: string, say: OptionText, lang: Language): string | undefined {
  if (def.input === 'yesNo') {
    const answer = YES_NO[def.example];
    return answer === undefined
      ? undefined
      : say(`fieldOptions.yesNo.${answer}` as 'fieldOptions.idType.passport');
  }
  if (def.input !== 'select') return undefined;
  return selectChoices(path, say, lang).find((choice) => choice.zh === def.example)?.text;
}

/** The English meaning of a label without its owner ("Legal representative: ID valid until" → "ID valid until"). */
export function withoutOwner(meaning: string): string {
  const rest = meaning.replace(/^[^:]*:\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * One field as the catalogue defines it: the portal's Chinese label and its English meaning (both shown in
 * either UI language — the user copies into a Chinese portal), help and an example in the UI language, the
 * input for its type, and the pre-flight's findings for it with the fix. An empty field's "needs a value"
 * findings appear once the user has left it (or was pointed at it), so an untouched form is not a wall of
 * red; every other finding shows from the start, whichever way the user reached the step.
 */
export function FieldView({
  def,
  path,
  value,
  onChange,
  issues,
  regions,
  disabled,
  shortMeaning,
}: FieldViewProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const format = useFormat();
  const say: OptionText = (key) => t(key);
  const exampleChoice = exampleAsChoice(def, path, say, lang);
  // The example as the field shows its values: digits grouped, a language or a place by its name in the UI
  // language too (the box shows “Simplified Chinese”, so the example does not say only 中文简体).
  // (A city example may be a municipality, listed with the provinces: 上海市.)
  const exampleRegion =
    def.input === 'region'
      ? [...(regions ?? []), ...provinceList()].find((r) => r.name === def.example)
      : undefined;
  const exampleValue =
    def.input === 'date'
      ? showDate(def.example, lang)
      : def.input === 'number' && /^\d+$/.test(def.example)
        ? format.number(Number(def.example))
        : path.endsWith('.languages')
          ? (() => {
              const codec = languageCodec(lang);
              return codec.show(codec.read(def.example));
            })()
          : exampleRegion
            ? regionLabel(exampleRegion, lang)
            : def.example;
  const [touched, setTouched] = useState(false);
  // Pointed at from Review (or another link): highlighted, with its findings shown even if untouched.
  const [targeted, setTargeted] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const reveal = () => {
      setTouched(true);
      setTargeted(true);
    };
    element.addEventListener(REVEAL_EVENT, reveal);
    return () => element.removeEventListener(REVEAL_EVENT, reveal);
  }, []);
  const id = fieldDomId(path);
  const helpId = `${id}-help`;
  const issuesId = `${id}-issues`;
  const filled = Array.isArray(value) ? value.length > 0 : value !== '' && value !== null && value !== false;
  // The pre-flight runs a moment after typing; a "required" finding on a field that now has a value is stale.
  const current = filled ? issues.filter((issue) => issue.code !== 'field.required') : issues;
  // Before the user has been to an empty field, only the plain "fill this in" findings wait; anything else
  // the pre-flight knows about it (a limit, a conflict with another fact) shows when the step opens.
  const shown = touched || filled ? current : current.filter((issue) => !EMPTY_FIELD_CODES.has(issue.code));
  const hasError = shown.some((issue) => issue.severity === 'error');
  const describedBy = [helpId, shown.length > 0 ? issuesId : ''].filter(Boolean).join(' ');

  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': hasError ? true : undefined,
    onBlur: () => setTouched(true),
    disabled,
    className: '',
  };

  const pickerProps = {
    id,
    describedBy,
    invalid: hasError,
    disabled,
    onBlur: () => setTouched(true),
  };
  const choices = def.input === 'text' ? choiceListFor(path) : undefined;
  const text = typeof value === 'string' ? value : '';
  let input: ReactNode;
  switch (toPattern(path) === 'services.*.serverLocation' ? 'province' : choices ? 'choice' : def.input) {
    case 'province':
      input = <ProvinceInput {...pickerProps} value={text} onChange={onChange} label={def.label[lang]} />;
      break;
    case 'choice':
      input = (
        <ChoiceInput
          {...pickerProps}
          value={text}
          choices={choices ?? []}
          onChange={onChange}
          label={def.label[lang]}
        />
      );
      break;
    case 'textarea':
      input = (
        <textarea
          {...common}
          className="textarea"
          rows={3}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
      break;
    case 'number': {
      const max = path.endsWith('Pct') ? 100 : undefined;
      // A number box shows digits as typed (100000); the amount beside it reads them grouped, in the UI
      // language's way (RMB 100,000 / 100,000 元), so a missing or extra zero shows at a glance.
      const grouped =
        typeof value !== 'number'
          ? undefined
          : path.endsWith('Cny')
            ? format.yuan(value)
            : value >= 1000
              ? format.number(value)
              : undefined;
      input = (
        <span className="field__number">
          <input
            {...common}
            type="number"
            inputMode="decimal"
            min={0}
            max={max}
            className="input input--number"
            value={typeof value === 'number' ? value : ''}
            onChange={(event) => {
              const raw = event.target.value;
              if (raw === '') return onChange(null);
              const parsed = Number(raw);
              // The model refuses negatives and shares over 100 %; such input is not stored (the field keeps
              // the last valid value) so a save never fails over it.
              if (!Number.isFinite(parsed) || parsed < 0 || (max !== undefined && parsed > max)) return;
              onChange(path.endsWith('employeeCount') ? Math.round(parsed) : parsed);
            }}
          />
          {grouped !== undefined && (
            <output htmlFor={id} className="field__grouped" data-testid={`${id}-grouped`}>
              {grouped}
            </output>
          )}
        </span>
      );
      break;
    }
    case 'boolean':
      input = (
        <input
          {...common}
          type="checkbox"
          className="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      );
      break;
    case 'yesNo':
      // Starts unanswered: a yes/no fact the user states (never a default), stored as true, false or null.
      input = (
        <select
          {...common}
          className="select"
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(event) =>
            onChange(event.target.value === 'yes' ? true : event.target.value === 'no' ? false : null)
          }
        >
          <option value="">{t('fieldOptions.yesNo.unanswered')}</option>
          <option value="yes">{t('fieldOptions.yesNo.yes')}</option>
          <option value="no">{t('fieldOptions.yesNo.no')}</option>
        </select>
      );
      break;
    case 'region':
      input = (
        <RegionSelect
          id={id}
          value={typeof value === 'string' ? value : ''}
          regions={regions ?? []}
          onChange={onChange}
          searchLabel={t('workspaceGuide.region.search', { label: def.label[lang] })}
          selectProps={common}
        />
      );
      break;
    case 'select': {
      const choices = selectChoices(path, say, lang);
      input = (
        <select
          {...common}
          className="select"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.text}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'list':
      input = path.endsWith('serviceContentTypes') ? (
        <ContentTypePicker
          {...pickerProps}
          value={Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : []}
          onChange={onChange}
        />
      ) : (
        <ListInput
          id={id}
          describedBy={describedBy}
          invalid={hasError}
          label={listLabels(t, toPattern(path), def.label[lang])}
          codec={path.endsWith('.languages') ? languageCodec(lang) : undefined}
          values={Array.isArray(value) ? (value as (string | number)[]) : []}
          onChange={onChange}
          onBlur={() => setTouched(true)}
        />
      );
      break;
    case 'date':
      input = (
        <DateInput
          id={id}
          describedBy={describedBy}
          invalid={hasError}
          onBlur={() => setTouched(true)}
          disabled={disabled}
          value={text}
          onChange={onChange}
        />
      );
      break;
    default:
      input = (
        <input
          {...common}
          type="text"
          className="input"
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }

  const label = (
    <>
      <span className="field__portal" lang="zh-CN">
        {def.label['zh-CN']}
      </span>
      <span className="field__meaning" lang="en">
        {shortMeaning ? withoutOwner(def.label.en) : def.label.en}
      </span>
    </>
  );

  return (
    <div
      ref={container}
      className={`field field--${def.input}${hasError ? ' field--invalid' : ''}${targeted ? ' field--target' : ''}`}
      data-path={path}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setTargeted(false);
      }}
    >
      {def.input === 'boolean' ? (
        <div className="field__check">
          {input}
          <label htmlFor={id} className="field__label">
            {label}
          </label>
        </div>
      ) : def.input === 'list' ? (
        <p className="field__label" id={`${id}-label`}>
          {label}
        </p>
      ) : (
        <label htmlFor={id} className="field__label">
          {label}
        </label>
      )}
      <div id={helpId} className="field__help">
        <p className="hint">{def.help[lang]}</p>
        {def.example !== '' && (
          <p className="hint field__example">
            {t('fields.example')}
            {exampleChoice === undefined ? (
              <span className="field__example-value" translate="no">
                {exampleValue}
              </span>
            ) : (
              <span className="field__example-value">{exampleChoice}</span>
            )}
          </p>
        )}
      </div>
      {def.input !== 'boolean' && def.input !== 'list' && input}
      {def.input === 'list' && input}
      <FieldIssues id={issuesId} issues={shown} />
    </div>
  );
}

/** The pre-flight's findings under a field, each with its fix in the UI language; nothing when there are none. */
export function FieldIssues({ id, issues }: { id: string; issues: readonly PreflightIssue[] }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="field__issues">
      {issues.map((issue) => (
        <li key={issue.key} className={`field-issue field-issue--${issue.severity}`} data-code={issue.code}>
          <span className="field-issue__severity">{t(`fields.severity.${issue.severity}`)}</span>
          <WordSpace />
          <span className="field-issue__message">{issue.message[lang]}</span>
          <WordSpace />
          <span className="field-issue__fix">{issue.fix[lang]}</span>
        </li>
      ))}
    </ul>
  );
}

function ListInput({
  id,
  describedBy,
  invalid,
  label,
  codec,
  values,
  onChange,
  onBlur,
}: {
  id: string;
  describedBy: string;
  invalid: boolean;
  label: ListLabels;
  /** How rows show and read their values where the stored form is not what the user types (Languages). */
  codec?: ListCodec;
  values: readonly (string | number)[];
  onChange: (next: unknown) => void;
  onBlur: () => void;
}) {
  const setRow = (index: number, raw: string) => {
    const next = [...values];
    next[index] = codec ? codec.read(raw) : raw;
    onChange(next);
  };
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
      <ListEditor
        className="list-input"
        itemClassName="list-input__row"
        small
        items={values}
        addLabel={label.add}
        removeLabel={label.remove}
        addButtonId={values.length === 0 ? id : undefined}
        onAdd={() => onChange([...values, ''])}
        onRemove={(index) => onChange(values.filter((_, i) => i !== index))}
        renderItem={(item, index, removeButton) => (
          <>
            <input
              id={index === 0 ? id : `${id}-${index}`}
              type="text"
              className="input"
              aria-label={label.item(index)}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={describedBy}
              list={codec ? `${id}-choices` : undefined}
              value={codec ? codec.show(String(item)) : String(item)}
              onChange={(event) => setRow(index, event.target.value)}
              onBlur={onBlur}
            />
            {removeButton}
          </>
        )}
      />
      {codec && (
        <datalist id={`${id}-choices`}>
          {codec.suggestions.map((choice) => (
            <option key={choice.value} value={choice.value} label={choice.label} />
          ))}
        </datalist>
      )}
    </div>
  );
}

/**
 * A catalogue field bound to the open case at `path`: value, edits (autosaved) and the pre-flight's
 * findings for that path.
 */
export function CatalogueField({
  path,
  serviceKind,
  regions,
  disabled,
  onChange,
  shortMeaning,
}: {
  path: string;
  serviceKind?: Service['kind'];
  regions?: readonly Region[];
  disabled?: boolean;
  shortMeaning?: boolean;
  /** Replaces the plain write (e.g. a province change that also clears city and district). */
  onChange?: (value: unknown) => void;
}) {
  const { caseData, update, issues } = useCaseSession();
  const def = fieldDef(path, serviceKind);
  if (def === undefined) throw new Error(`No field "${path}" in templates/fields/case-fields.json`);
  const view = (
    <FieldView
      def={def}
      path={path}
      value={getAt(caseData, path)}
      onChange={onChange ?? ((value) => update((current) => setAt(current, path, value)))}
      issues={issues.filter((issue) => issue.path === path)}
      regions={regions}
      disabled={disabled}
      shortMeaning={shortMeaning}
    />
  );
  const remarksOf = /^services\.(\d+)\.remarks$/u.exec(path);
  const patterns = remarksOf && !disabled && (
    <RemarkPatterns path={path} serviceIndex={Number(remarksOf[1])} />
  );
  if (!def.englishMeaning) return view;
  return (
    <>
      {view}
      {patterns}
      <EnglishMeaningInput path={path} disabled={disabled} />
    </>
  );
}

/**
 * The optional English meaning of a free-text Chinese field, kept in `case.englishMeanings[path]` and
 * printed in the bilingual review copy (nothing else reads it; an empty one prints "no English given").
 */
function EnglishMeaningInput({ path, disabled }: { path: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const { caseData, update } = useCaseSession();
  const id = `${fieldDomId(path)}-en`;
  const value = caseData.englishMeanings[path] ?? '';
  return (
    <div className="field field--text field--english-meaning" data-path={`englishMeanings.${path}`}>
      {/* The label is UI text, in the UI's language (the input takes English). */}
      <label htmlFor={id} className="field__label">
        <span className="field__meaning">{t('englishMeaning.label')}</span>
      </label>
      <p className="hint" id={`${id}-help`}>
        {t('englishMeaning.help')}
      </p>
      <input
        id={id}
        type="text"
        lang="en"
        className="input"
        aria-describedby={`${id}-help`}
        disabled={disabled}
        value={value}
        onChange={(event) => {
          const text = event.target.value;
          update((current) => {
            const meanings = { ...current.englishMeanings };
            if (text === '') delete meanings[path];
            else meanings[path] = text;
            return { ...current, englishMeanings: meanings };
          });
        }}
      />
    </div>
  );
}
