import type { ReactNode } from 'react';

/**
 * The list-editing shape shared by record lists (shareholders, staff, platforms) and value lists
 * (languages, domains): each item with its remove button, an empty note, and one add button.
 */
export function ListEditor<T>({
  items,
  renderItem,
  onAdd,
  onRemove,
  addLabel,
  removeLabel,
  emptyText,
  addButtonId,
  className,
  itemClassName,
  as = 'div',
  small = false,
}: {
  items: readonly T[];
  /** The item's own content; the remove button is added after it. */
  renderItem: (item: T, index: number, removeButton: ReactNode) => ReactNode;
  onAdd: () => void;
  onRemove: (index: number) => void;
  addLabel: string;
  removeLabel: (index: number) => string;
  emptyText?: string;
  /** An id for the add button (so a field label can point at it while the list is empty). */
  addButtonId?: string;
  className?: string;
  itemClassName?: string;
  as?: 'div' | 'fieldset';
  small?: boolean;
}) {
  const Item = as;
  return (
    <div className={className}>
      {items.length === 0 && emptyText !== undefined && <p className="hint">{emptyText}</p>}
      {items.map((item, index) => {
        const remove = (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => onRemove(index)}
          >
            {removeLabel(index)}
          </button>
        );
        return (
          <Item className={itemClassName} key={index}>
            {renderItem(item, index, remove)}
          </Item>
        );
      })}
      <button
        type="button"
        id={addButtonId}
        className={small ? 'button button--small' : 'button'}
        onClick={onAdd}
      >
        {addLabel}
      </button>
    </div>
  );
}
