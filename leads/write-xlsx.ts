import ExcelJS from 'exceljs';
import { writeFileAtomically } from './atomic-file.js';
import { neutraliseCell } from './cell-safety.js';
import type { CellValue, Column, Table } from './table.js';

const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * XLSX through exceljs's streaming writer (a 200,000-row list never sits in memory): typed
 * columns (integers as numbers, times as dates, links as hyperlinks), an auto-filter on the
 * header and the header row frozen. Text cells are neutralised like the CSV's, because a
 * sheet saved again as CSV would otherwise turn them into formulas.
 */
export async function writeXlsx<Row>(
  path: string,
  tables: Table<Row> | readonly Table<Row>[],
): Promise<number> {
  let count = 0;
  await writeFileAtomically(path, async (stream) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'ecomwatch';
    const sheets: readonly Table<Row>[] = isTableList(tables) ? tables : [tables];
    for (const table of sheets) {
      count += await writeSheet(workbook, table);
    }
    await workbook.commit();
  });
  return count;
}

async function writeSheet<Row>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: Table<Row>,
): Promise<number> {
  const lastColumn = columnLetter(table.columns.length);
  const sheet = workbook.addWorksheet(sheetName(table.name), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.autoFilter = `A1:${lastColumn}1`;
  sheet.columns = table.columns.map((column) => ({
    key: column.key,
    header: neutraliseCell(column.header),
    width: column.width ?? defaultWidth(column),
    ...(column.type === 'datetime' ? { style: { numFmt: DATE_FORMAT } } : {}),
    ...(column.type === 'integer' ? { style: { numFmt: '0' } } : {}),
    ...(column.type === 'decimal' ? { style: { numFmt: '0.0' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const row of table.rows) {
    const excelRow = sheet.addRow(table.columns.map((column) => xlsxCell(column, column.value(row))));
    excelRow.commit();
    count++;
  }
  sheet.commit();
  return count;
}

function xlsxCell<Row>(column: Column<Row>, value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  switch (column.type) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : neutraliseCell(value);
    case 'datetime': {
      const millis = typeof value === 'number' ? value : Date.parse(value);
      return Number.isNaN(millis) ? neutraliseCell(String(value)) : new Date(millis);
    }
    case 'url': {
      const text = String(value);
      // Only web links become clickable: a seller-controlled "javascript:" or "file:" never does.
      return /^https?:\/\//iu.test(text) && !/\s/u.test(text)
        ? { text: neutraliseCell(text), hyperlink: text }
        : neutraliseCell(text);
    }
    case 'text':
      // A number in a text column (a summary's value) stays a number: numbers cannot be formulas.
      return typeof value === 'number' ? value : neutraliseCell(value);
  }
}

function isTableList<Row>(tables: Table<Row> | readonly Table<Row>[]): tables is readonly Table<Row>[] {
  return Array.isArray(tables);
}

/** Excel refuses sheet names over 31 characters or with []:*?/\. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/gu, ' ').slice(0, 31) || 'Sheet1';
}

function defaultWidth<Row>(column: Column<Row>): number {
  switch (column.type) {
    case 'integer':
    case 'decimal':
      return Math.max(8, column.header.length + 2);
    case 'datetime':
      return 20;
    case 'url':
      return 45;
    case 'text':
      return Math.max(14, column.header.length + 2);
  }
}

export function columnLetter(position: number): string {
  let letters = '';
  for (let n = position; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
