import { parseScorable } from '../scorable.js';
import type { Scorer } from '../scorer.js';

/** A line of JSONL input, numbered from 1 as an editor shows it. */
export interface NumberedLine {
  lineNumber: number;
  text: string;
}

/** What scoring a batch of lines gave: the output lines in input order, and the rejects. */
export interface ScoredBatch {
  /** The scored records as JSON text, in input order. */
  records: string[];
  scored: number;
  flagged: number;
  rejected: { lineNumber: number; error: string }[];
}

/**
 * The work of `ecomwatch score` on a batch of lines: parse, validate, assess, and write the
 * input object as given (unknown fields untouched) with `risk` set. A bad line is rejected
 * with its reason; the others are still scored. The same function runs in the command's own
 * thread and in worker threads, so both give the same bytes.
 */
export function scoreLines(scorer: Scorer, lines: readonly NumberedLine[]): ScoredBatch {
  const batch: ScoredBatch = { records: [], scored: 0, flagged: 0, rejected: [] };
  for (const { lineNumber, text } of lines) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      batch.rejected.push({ lineNumber, error: `not valid JSON (${(error as Error).message})` });
      continue;
    }
    const parsed = parseScorable(value);
    if (!parsed.ok) {
      batch.rejected.push({ lineNumber, error: parsed.error });
      continue;
    }
    const risk = scorer.assess(parsed.record);
    batch.scored++;
    if (risk.flagged) batch.flagged++;
    // The parsed object is ours: set `risk` on it rather than copy it (a "risk" it already
    // had, from an earlier run, is replaced where it stands, as a spread would).
    (value as { risk?: unknown }).risk = risk;
    batch.records.push(JSON.stringify(value));
  }
  return batch;
}
