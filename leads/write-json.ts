import { writeChunk, writeFileAtomically } from './atomic-file.js';
import type { Table } from './table.js';

/**
 * A JSON document `{kind, ...meta, columns, rows: [...]}`, streamed row by row so a list of
 * 200,000 sellers never sits in memory as one string. Values keep their types; JSON needs no
 * formula neutralising (nothing evaluates it), so rows carry exactly what the seller wrote.
 */
export async function writeJson<Row>(
  path: string,
  table: Table<Row>,
  toJson: (row: Row) => unknown = (row) => rowObject(table, row),
): Promise<number> {
  let count = 0;
  await writeFileAtomically(path, async (stream) => {
    const head = {
      kind: table.name,
      ...table.meta,
      columns: table.columns.map((column) => ({ key: column.key, header: column.header, type: column.type })),
    };
    const opening = JSON.stringify(head, null, 2);
    await writeChunk(stream, `${opening.slice(0, -2)},\n  "rows": [`);
    for await (const row of table.rows) {
      await writeChunk(stream, `${count === 0 ? '\n' : ',\n'}    ${JSON.stringify(toJson(row))}`);
      count++;
    }
    await writeChunk(stream, count === 0 ? ']\n}\n' : '\n  ]\n}\n');
  });
  return count;
}

function rowObject<Row>(table: Table<Row>, row: Row): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const column of table.columns) {
    const value = column.value(row);
    if (value !== undefined) object[column.key] = value;
  }
  return object;
}
