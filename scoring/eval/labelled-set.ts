import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { listingKey } from '../../records/listing.js';
import { isLivestream, livestreamKey } from '../../records/livestream.js';
import { CategoryIdSchema } from '../../records/risk.js';
import { parseScorable, type Scorable } from '../scorable.js';

export const LABELLED_DIR = fileURLToPath(new URL('../../test/labelled/', import.meta.url));
export const TRAIN_FILE = `${LABELLED_DIR}train.jsonl`;
/** Development sets, each by its own author who read neither the rules nor the other sets. */
export const DEV_FILES = {
  dev: `${LABELLED_DIR}dev.jsonl`,
  'dev-b': `${LABELLED_DIR}dev-b.jsonl`,
  'dev-c': `${LABELLED_DIR}dev-c.jsonl`,
  'dev-d': `${LABELLED_DIR}dev-d.jsonl`,
  'dev-e': `${LABELLED_DIR}dev-e.jsonl`,
  'dev-f': `${LABELLED_DIR}dev-f.jsonl`,
  'dev-g': `${LABELLED_DIR}dev-g.jsonl`,
  'dev-h': `${LABELLED_DIR}dev-h.jsonl`,
  'dev-i': `${LABELLED_DIR}dev-i.jsonl`,
  'dev-j': `${LABELLED_DIR}dev-j.jsonl`,
  'dev-k': `${LABELLED_DIR}dev-k.jsonl`,
  'dev-l': `${LABELLED_DIR}dev-l.jsonl`,
  'dev-m': `${LABELLED_DIR}dev-m.jsonl`,
  'dev-n': `${LABELLED_DIR}dev-n.jsonl`,
  'dev-o': `${LABELLED_DIR}dev-o.jsonl`,
  'dev-p': `${LABELLED_DIR}dev-p.jsonl`,
  'dev-q': `${LABELLED_DIR}dev-q.jsonl`,
  'dev-r': `${LABELLED_DIR}dev-r.jsonl`,
} as const;
export const HOLDOUT_FILE = `${LABELLED_DIR}holdout.jsonl`;

/** What an inspector decided about a record: test/labelled/GUIDE.md says what each field means. */
export const LabelSchema = z.object({
  flagged: z.boolean(),
  categories: z.array(CategoryIdSchema),
  note: z.string().optional(),
});
export type Label = z.infer<typeof LabelSchema>;

export interface LabelledRecord {
  id: string;
  record: Scorable;
  label: Label;
}

/** Reads a labelled JSONL file; any bad line stops it, naming the line (the set is ours to fix). */
export function readLabelledSet(file: string): LabelledRecord[] {
  const records: LabelledRecord[] = [];
  const ids = new Set<string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text.trim() === '') return;
      const where = `${file}:${index + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new Error(`${where}: not valid JSON (${(error as Error).message})`, { cause: error });
      }
      const parsed = parseScorable(value);
      if (!parsed.ok) throw new Error(`${where}: ${parsed.error}`);
      const label = LabelSchema.safeParse((value as { label?: unknown }).label);
      if (!label.success) throw new Error(`${where}: bad label: ${z.prettifyError(label.error)}`);
      const record = parsed.record;
      const id = isLivestream(record) ? livestreamKey(record) : listingKey(record);
      if (ids.has(id)) throw new Error(`${where}: id ${id} used twice`);
      ids.add(id);
      records.push({ id, record, label: label.data });
    });
  return records;
}
