import { stringify } from 'csv-stringify/sync';
import { writeChunk, writeFileAtomically } from './atomic-file.js';
import { neutraliseCell } from './cell-safety.js';
import type { CellValue, Table } from './table.js';

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
const BOM = '\uFEFF';
const ROWS_PER_CHUNK = 1000;

/** CSV that opens correctly in Excel: UTF-8 with BOM, CRLF, every text cell neutralised. */
export async function writeCsv<Row>(path: string, table: Table<Row>): Promise<number> {
  let count = 0;
  await writeFileAtomically(path, async (stream) => {
    await writeChunk(stream, BOM + line(table.columns.map((column) => neutraliseCell(column.header))));
    let chunk: (string | number)[][] = [];
    for await (const row of table.rows) {
      chunk.push(table.columns.map((column) => csvCell(column.value(row))));
      count++;
      if (chunk.length >= ROWS_PER_CHUNK) {
        await writeChunk(stream, lines(chunk));
        chunk = [];
      }
    }
    if (chunk.length > 0) await writeChunk(stream, lines(chunk));
  });
  return count;
}

/** Numbers as typed; every text cell neutralised. */
function csvCell(value: CellValue): string | number {
  if (value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return neutraliseCell(String(value));
}

function line(cells: (string | number)[]): string {
  return lines([cells]);
}

function lines(rows: (string | number)[][]): string {
  return stringify(rows, { record_delimiter: 'windows', quoted_match: /[\s,;"]/ });
}
