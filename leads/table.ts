/**
 * A table as every writer (CSV, XLSX, JSON) sees it: typed columns and a value per row. The
 * type decides how a cell is written: numbers stay numbers, times become dates in XLSX.
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'datetime' | 'url';

export type CellValue = string | number | undefined;

export interface Column<Row> {
  /** The JSON field name and the stable id of the column. */
  key: string;
  /** What a spreadsheet shows on the header row. */
  header: string;
  type: ColumnType;
  /** Characters, for XLSX. */
  width?: number;
  value(row: Row): CellValue;
}

export interface Table<Row> {
  /** Sheet name (XLSX) and the JSON document's `kind`. */
  name: string;
  columns: readonly Column<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
  /** Written at the top of the JSON document beside the rows. */
  meta?: Record<string, unknown>;
}

/** `a; b; c` for list cells: one cell per field keeps filters usable. */
export function joinList(values: readonly string[]): string {
  return values.join('; ');
}
