import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case, Service } from '../../../../core/model/case';
import { removeListRow } from '../../../../core/model/list-edits';
import { FIELD_CATALOGUE, fieldDef, type FieldDef } from '../../../../core/model/fields';
import { toPattern } from '../../../../core/model/paths';
import { citiesOf, districtsOf, provinceList } from '../../../../core/model/regions';
import { useCaseSession } from '../../screens/Case/caseSession';
import { CatalogueField, FieldIssues, fieldDomId } from './CatalogueField';
import { ListEditor } from './ListEditor';
import { getAt, setAt } from './paths';

/**
 * The catalogue's fields directly under a model pattern (`subject`, `services.*`), in catalogue order, one
 * definition per path (the service kind's own label where kinds differ). Nested lists are left to the caller.
 */
export function catalogueChildren(pattern: string, serviceKind?: Service['kind']): FieldDef[] {
  const seen = new Set<string>();
  const out: FieldDef[] = [];
  for (const field of FIELD_CATALOGUE.fields) {
    if (!field.path.startsWith(`${pattern}.`) || field.path.slice(pattern.length + 1).includes('.')) continue;
    if (serviceKind && field.serviceKinds && !field.serviceKinds.includes(serviceKind)) continue;
    if (seen.has(field.path)) continue;
    seen.add(field.path);
    const def = fieldDef(field.path, serviceKind);
    if (def) out.push(def);
  }
  return out;
}

const lastKey = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** Province → city → district from the region codes; choosing a province clears the city and district. */
export function RegionFields({ prefix }: { prefix: string }) {
  const { caseData, update } = useCaseSession();
  const province = String(getAt(caseData, `${prefix}.province`) ?? '');
  const city = String(getAt(caseData, `${prefix}.city`) ?? '');
  return (
    <div className="region-fields">
      <CatalogueField
        path={`${prefix}.province`}
        regions={provinceList()}
        onChange={(value) =>
          update((c) =>
            setAt(
              setAt(setAt(c, `${prefix}.province`, value), `${prefix}.city`, ''),
              `${prefix}.district`,
              '',
            ),
          )
        }
      />
      <CatalogueField
        path={`${prefix}.city`}
        regions={citiesOf(province)}
        disabled={province === ''}
        onChange={(value) =>
          update((c) => setAt(setAt(c, `${prefix}.city`, value), `${prefix}.district`, ''))
        }
      />
      <CatalogueField path={`${prefix}.district`} regions={districtsOf(city)} disabled={city === ''} />
    </div>
  );
}

/**
 * Every catalogue field directly under `prefix` (a concrete path such as `services.0`). Long-term flags
 * disable the end date they replace; `exclude` leaves out fields the caller renders itself, `only` keeps a
 * section's fields.
 */
export function FieldGroup({
  prefix,
  serviceKind,
  exclude = [],
  only,
  shortMeaning,
}: {
  prefix: string;
  serviceKind?: Service['kind'];
  exclude?: readonly string[];
  /** The section's heading names the owner: the English meanings leave it out. */
  shortMeaning?: boolean;
  /** Only these fields (a section of a long form), still in catalogue order. */
  only?: readonly string[];
}) {
  const { caseData } = useCaseSession();
  const defs = catalogueChildren(toPattern(prefix), serviceKind);
  const items: ReactNode[] = [];
  for (const def of defs) {
    const key = lastKey(def.path);
    if (exclude.includes(key) || (only !== undefined && !only.includes(key))) continue;
    const path = `${prefix}.${key}`;
    if (def.input === 'region') {
      if (key === 'province') items.push(<RegionFields key={path} prefix={prefix} />);
      continue;
    }
    const longTermFlag =
      key === 'idValidTo' ? 'idLongTerm' : key === 'certificateValidTo' ? 'certificateLongTerm' : undefined;
    const disabled = longTermFlag !== undefined && getAt(caseData, `${prefix}.${longTermFlag}`) === true;
    items.push(
      <CatalogueField
        key={path}
        path={path}
        serviceKind={serviceKind}
        disabled={disabled}
        shortMeaning={shortMeaning}
      />,
    );
  }
  return <div className="field-grid">{items}</div>;
}

/**
 * A list of records (shareholders, staff, app platforms …): each row is a fieldset of its catalogue fields
 * with a remove button, and one button adds a row.
 */
export interface RowListProps {
  path: string;
  serviceKind?: Service['kind'];
  newRow: () => unknown;
  rowTitle: (index: number) => string;
  addLabel: string;
  removeLabel: (index: number) => string;
  /** A nested list of the row (a company shareholder's owners), under its fields. */
  nested?: (index: number, row: unknown) => ReactNode;
}

export function RowList({
  path,
  serviceKind,
  newRow,
  rowTitle,
  addLabel,
  removeLabel,
  nested,
}: RowListProps) {
  const { t } = useTranslation();
  const { caseData, issues, update } = useCaseSession();
  const rows = (getAt(caseData, path) as unknown[] | undefined) ?? [];
  const listIssues = issues.filter((issue) => issue.path === path);
  const rowsOf = (c: Case) => (getAt(c, path) as unknown[] | undefined) ?? [];
  return (
    // The list itself is where a finding about the whole list (none entered yet) takes the user.
    <div data-list={path} className="row-list" id={fieldDomId(path)} tabIndex={-1}>
      <FieldIssues id={`${fieldDomId(path)}-issues`} issues={listIssues} />
      <ListEditor
        className="row-list__rows"
        as="fieldset"
        itemClassName="row-list__row"
        items={rows}
        emptyText={t('fields.noRows')}
        addLabel={addLabel}
        removeLabel={removeLabel}
        onAdd={() => update((c) => setAt(c, path, [...rowsOf(c), newRow()]), { ownUndoStep: true })}
        // English meanings typed beside the rows' fields move with their rows (core removeListRow).
        onRemove={(index) => update((c) => removeListRow(c, path, index), { ownUndoStep: true })}
        renderItem={(row, index, removeButton) => (
          <>
            <legend className="row-list__title">{rowTitle(index)}</legend>
            <FieldGroup prefix={`${path}.${index}`} serviceKind={serviceKind} />
            {nested?.(index, row)}
            {removeButton}
          </>
        )}
      />
    </div>
  );
}
