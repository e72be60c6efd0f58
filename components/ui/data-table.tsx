import type { ReactNode } from 'react';

export interface DataTableColumn {
  /** Stable React key (the label may be any node). */
  key: string;
  label: ReactNode;
  align?: 'start' | 'end';
}

/** Cell style for the rows callers render into a DataTable's body. */
export const dataCellClass = 'border-b border-line/60 py-2 pr-3 align-top';

/**
 * The app's tables, one markup for all: a horizontally scrolling wrapper (narrow screens
 * keep every column), a caption for screen readers (or shown, when the table has no
 * heading of its own), and column headings scoped for assistive technology.
 */
export function DataTable({
  caption,
  captionVisible = false,
  columns,
  children,
  wide = false,
  testId,
  className = '',
}: {
  caption: ReactNode;
  captionVisible?: boolean;
  columns: DataTableColumn[];
  /** Rows (`<tr>`), cells styled with dataCellClass. */
  children: ReactNode;
  /** Keeps a minimum width and scrolls instead of squeezing long hashes into slivers. */
  wide?: boolean;
  testId?: string;
  className?: string;
}) {
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className={`w-full border-collapse text-left text-sm ${wide ? 'min-w-[48rem]' : ''}`} data-testid={testId}>
        <caption className={captionVisible ? 'mb-2 text-left font-medium' : 'sr-only'}>{caption}</caption>
        <thead>
          <tr className="border-b border-line text-muted">
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`py-2 pr-3 font-medium ${column.align === 'end' ? 'text-right' : ''}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
