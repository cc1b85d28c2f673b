/**
 * The renderer's field components, for every screen: plain fields (Field, TextField, DateField, SelectField,
 * CheckboxField), list editing (ListEditor), catalogue fields bound to the open case (CatalogueField,
 * FieldGroup, RowList, RegionFields), region pickers in both scripts (RegionSelect) and long-form sections
 * with their completeness (FormSection).
 */
export {
  CheckboxField,
  DateField,
  Field,
  FormError,
  hintId,
  PassphraseField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
  type ChoiceOption,
} from './Field';
export { DateInput } from './DateInput';
export { Button, DialogForm, SubmitRow, type ButtonVariant } from './Button';
export { ListEditor } from './ListEditor';
export { CatalogueField, FieldIssues, FieldView, fieldDomId } from './CatalogueField';
export { catalogueChildren, FieldGroup, RegionFields, RowList } from './FieldGroup';
export { Card } from './Card';
export { InlineCheck } from './InlineCheck';
export { errorsUnder, FormSection } from './FormSection';
export { matchRegions, regionLabel, RegionSelect } from './RegionSelect';
export { listLabels, type ListLabels } from './listLabels';
