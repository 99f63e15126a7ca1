import { createHash } from 'node:crypto';
import { InvalidQueryError } from './errors.js';
import type { SortField, SortOrder } from './seller-index.js';

/** Where the previous page ended: the last seller's sort value and key. */
export interface CursorPosition {
  value: number | string;
  key: string;
}

interface CursorBody {
  v: 1;
  f: string;
  p: [number | string, string];
}

/** What a cursor is tied to: the filters and the sort, not the page size. */
export interface FingerprintSource {
  words: readonly string[];
  platform: readonly string[];
  category: readonly string[];
  signal: readonly string[];
  province: readonly string[];
  status: readonly string[];
  minScore?: number;
  maxScore?: number;
  firstSeenFrom?: number;
  firstSeenTo?: number;
  lastSeenFrom?: number;
  lastSeenTo?: number;
  flagged?: boolean;
  sort: SortField;
  order: SortOrder;
}

export function queryFingerprint(query: FingerprintSource): string {
  const canonical = JSON.stringify([
    query.words,
    [...query.platform].sort(),
    [...query.category].sort(),
    [...query.signal].sort(),
    [...query.province].sort(),
    [...query.status].sort(),
    query.minScore ?? null,
    query.maxScore ?? null,
    query.firstSeenFrom ?? null,
    query.firstSeenTo ?? null,
    query.lastSeenFrom ?? null,
    query.lastSeenTo ?? null,
    query.flagged ?? null,
    query.sort,
    query.order,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeCursor(fingerprint: string, position: CursorPosition): string {
  const body: CursorBody = { v: 1, f: fingerprint, p: [position.value, position.key] };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Reads a cursor back; a forged, truncated or foreign cursor is an `InvalidQueryError`. */
export function decodeCursor(
  cursor: string,
  query: { fingerprint: string; sort: SortField },
): CursorPosition {
  const invalid = (why: string) => new InvalidQueryError([`cursor: ${why}`]);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor this index issued');
  }
  if (!isCursorBody(body)) throw invalid('not a cursor this index issued');
  if (body.f !== query.fingerprint)
    throw invalid('it belongs to a different query (filters or sort changed)');
  const [value, key] = body.p;
  const numeric = query.sort !== 'name';
  if (numeric !== (typeof value === 'number')) throw invalid('its position does not fit the sort');
  return { value, key };
}

function isCursorBody(value: unknown): value is CursorBody {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const position = record.p;
  return (
    record.v === 1 &&
    typeof record.f === 'string' &&
    Array.isArray(position) &&
    position.length === 2 &&
    (typeof position[0] === 'number' || typeof position[0] === 'string') &&
    typeof position[1] === 'string' &&
    (typeof position[0] !== 'number' || Number.isFinite(position[0]))
  );
}
