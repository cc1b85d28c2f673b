import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../../core/model/regions';
import type { Language } from '../../../../electron/contract';
import { useUiLanguage } from '../../i18n/useUiLanguage';

/**
 * Folds a name for searching: case, spaces, apostrophes and accents do not count ("pudong", "Pu Dong", "浦东";
 * "Lu'an", "luan"); Pinyin's ü may be typed u or, as on a Chinese keyboard, v (Lüliang, luliang, lvliang).
 */
const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/v/g, 'u')
    .normalize('NFD')
    .replace(/[\u0300-\u036f\s'’-]/g, '');

/** The regions whose Chinese or Latin-script name contains the search text. */
export function matchRegions(regions: readonly Region[], query: string): Region[] {
  const needle = fold(query.trim());
  if (needle === '') return [...regions];
  return regions.filter((r) => fold(r.name).includes(needle) || fold(r.latin).includes(needle));
}

/**
 * A region in both scripts, the UI language's first: "Shanghai 上海市" in English, so typing "Shanghai" on the
 * closed select finds it (a select's type-ahead matches the start of an option); "上海市 Shanghai" in Chinese.
 */
export const regionLabel = (region: Region, lang: Language = 'zh-CN'): string =>
  region.latin === ''
    ? region.name
    : lang === 'en'
      ? `${region.latin} ${region.name}`
      : `${region.name} ${region.latin}`;

/**
 * A province, city or district picker: every choice in both scripts, and a search box above it that
 * narrows the list by either (typing "pudong" or "浦东" leaves 浦东新区 Pudong New Area). The chosen value
 * always stays in the list, so filtering never changes what is stored.
 */
export function RegionSelect({
  id,
  value,
  regions,
  onChange,
  searchLabel,
  selectProps,
}: {
  id: string;
  value: string;
  regions: readonly Region[];
  onChange: (code: string) => void;
  /** The search box's accessible name ("Search provinces"). */
  searchLabel: string;
  selectProps: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [query, setQuery] = useState('');
  const matches = matchRegions(regions, query);
  const chosen = regions.find((r) => r.code === value);
  const shown = chosen && !matches.includes(chosen) ? [chosen, ...matches] : matches;
  const disabled = selectProps.disabled === true;
  return (
    <div className="region-select">
      <input
        id={`${id}-search`}
        type="search"
        className="input region-select__search"
        aria-label={searchLabel}
        aria-controls={id}
        placeholder={t('workspaceGuide.region.placeholder')}
        value={query}
        disabled={disabled}
        onChange={(event) => setQuery(event.target.value)}
      />
      <select
        {...selectProps}
        id={id}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">
          {query.trim() !== '' && matches.length === 0
            ? t('workspaceGuide.region.noMatch')
            : t('fields.choose')}
        </option>
        {shown.map((region) => (
          // A place's own name in both scripts: data, not UI text to translate.
          <option key={region.code} value={region.code} translate="no">
            {regionLabel(region, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}
