import type { ReactNode } from "react";

/** A cell's padding; rows are `<tr>` with `<td className={cellClass}>` (and a `<th scope="row">` naming the row). */
export const cellClass = "px-4 py-3";

/** A column: its heading, or one only screen readers hear (a column of row actions). */
export type Column = string | { label: string; hidden: true };

/** A scrollable table with a caption for screen readers, column headings and row dividers: every list table looks the same. */
export function DataTable({ caption, columns, children }: { caption: ReactNode; columns: readonly Column[]; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line text-xs uppercase tracking-wider text-ink-muted">
          <tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col" className={`${cellClass} font-medium`}>
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className={`${cellClass} font-medium`}>
                  <span className="sr-only">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}
