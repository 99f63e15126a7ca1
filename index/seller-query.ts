import { z } from 'zod';
import { CASE_STATUSES, CATEGORY_IDS, PLATFORMS, SIGNAL_IDS } from '../records/index.js';
import type { CaseStatus, CategoryId, Platform, SignalId } from '../records/index.js';
import { decodeCursor, queryFingerprint, type CursorPosition } from './cursor.js';
import { InvalidQueryError } from './errors.js';
import { foldSearchText, searchWords } from './search-text.js';
import { SORT_FIELDS, type SortField, type SortOrder } from './seller-index.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
const MAX_VALUES = 50;

const timestamp = z.iso.datetime({ offset: true });
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_VALUES);

/** The shape of a query; `.strict()` so a misspelt filter is an error, not a silent match-all. */
const SellerQuerySchema = z
  .object({
    text: z.string().max(500).optional(),
    platform: list(z.enum(PLATFORMS)).optional(),
    category: list(z.enum(CATEGORY_IDS)).optional(),
    signal: list(z.enum(SIGNAL_IDS)).optional(),
    province: list(z.string().trim().min(1).max(100)).optional(),
    status: list(z.enum(CASE_STATUSES)).optional(),
    minScore: z.number().int().min(0).max(100).optional(),
    maxScore: z.number().int().min(0).max(100).optional(),
    firstSeenFrom: timestamp.optional(),
    firstSeenTo: timestamp.optional(),
    lastSeenFrom: timestamp.optional(),
    lastSeenTo: timestamp.optional(),
    flagged: z.boolean().optional(),
    sort: z.enum(SORT_FIELDS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .strict();

const AggregateFilterSchema = z
  .object({
    platform: list(z.enum(PLATFORMS)).optional(),
    category: list(z.enum(CATEGORY_IDS)).optional(),
    province: list(z.string().trim().min(1).max(100)).optional(),
    flaggedOnly: z.boolean().optional(),
  })
  .strict();

/** A query after checking: folded words and values, ready for either store to translate. */
export interface ParsedSellerQuery {
  words: string[];
  platform: Platform[];
  category: CategoryId[];
  signal: SignalId[];
  /** Folded with the same fold as the stored `provinceFolded`. */
  province: string[];
  status: CaseStatus[];
  minScore?: number;
  maxScore?: number;
  /** Epoch milliseconds. */
  firstSeenFrom?: number;
  firstSeenTo?: number;
  lastSeenFrom?: number;
  lastSeenTo?: number;
  flagged?: boolean;
  sort: SortField;
  order: SortOrder;
  limit: number;
  after?: CursorPosition;
  fingerprint: string;
}

export interface ParsedAggregateFilter {
  platform: Platform[];
  category: CategoryId[];
  province: string[];
  flaggedOnly: boolean;
}

const DEFAULT_ORDER: Record<SortField, SortOrder> = {
  score: 'desc',
  lastSeen: 'desc',
  firstSeen: 'desc',
  flaggedListings: 'desc',
  name: 'asc',
};

/** Checks a query from any caller (HTTP, CLI, code); every problem is named in the error. */
export function parseSellerQuery(input: unknown): ParsedSellerQuery {
  const parsed = SellerQuerySchema.safeParse(input ?? {});
  if (!parsed.success) throw new InvalidQueryError(zodProblems(parsed.error));
  const query = parsed.data;
  const problems: string[] = [];
  if (query.minScore !== undefined && query.maxScore !== undefined && query.minScore > query.maxScore) {
    problems.push(`minScore (${query.minScore}) is above maxScore (${query.maxScore})`);
  }
  const firstSeenFrom = millis(query.firstSeenFrom);
  const firstSeenTo = millis(query.firstSeenTo);
  const lastSeenFrom = millis(query.lastSeenFrom);
  const lastSeenTo = millis(query.lastSeenTo);
  if (firstSeenFrom !== undefined && firstSeenTo !== undefined && firstSeenFrom > firstSeenTo) {
    problems.push('firstSeenFrom is after firstSeenTo');
  }
  if (lastSeenFrom !== undefined && lastSeenTo !== undefined && lastSeenFrom > lastSeenTo) {
    problems.push('lastSeenFrom is after lastSeenTo');
  }
  const words = query.text === undefined ? [] : searchWords(query.text);
  if (query.text !== undefined && query.text.trim() !== '' && words.length === 0) {
    problems.push('text has no letters or digits to search for');
  }
  if (problems.length > 0) throw new InvalidQueryError(problems);

  const sort = query.sort ?? 'score';
  const order = query.order ?? DEFAULT_ORDER[sort];
  const result: ParsedSellerQuery = {
    words,
    platform: query.platform ?? [],
    category: query.category ?? [],
    signal: query.signal ?? [],
    province: (query.province ?? []).map(foldSearchText),
    status: query.status ?? [],
    sort,
    order,
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    fingerprint: '',
  };
  if (query.minScore !== undefined) result.minScore = query.minScore;
  if (query.maxScore !== undefined) result.maxScore = query.maxScore;
  if (firstSeenFrom !== undefined) result.firstSeenFrom = firstSeenFrom;
  if (firstSeenTo !== undefined) result.firstSeenTo = firstSeenTo;
  if (lastSeenFrom !== undefined) result.lastSeenFrom = lastSeenFrom;
  if (lastSeenTo !== undefined) result.lastSeenTo = lastSeenTo;
  if (query.flagged !== undefined) result.flagged = query.flagged;
  result.fingerprint = queryFingerprint(result);
  if (query.cursor !== undefined) result.after = decodeCursor(query.cursor, result);
  return result;
}

export const MAX_SCAN_PAGE_SIZE = 1000;
export const DEFAULT_SCAN_PAGE_SIZE = 500;

const ScanOptionsSchema = z
  .object({
    afterKey: z.string().min(1).max(1000).optional(),
    limit: z.number().int().min(1).max(MAX_SCAN_PAGE_SIZE).optional(),
  })
  .strict();

const PAGING_KEYS = ['sort', 'order', 'limit', 'cursor'] as const;

/** A checked `scanSellers` call: the filters as `search` reads them, the key to start after, the page size. */
export interface ParsedSellerScan {
  query: ParsedSellerQuery;
  afterKey?: string;
  limit: number;
}

/** Checks a `scanSellers` call; sort and paging inside the filter are errors, not ignored. */
export function parseSellerScan(filter: unknown, options: unknown): ParsedSellerScan {
  const problems: string[] = [];
  if (typeof filter === 'object' && filter !== null) {
    for (const key of PAGING_KEYS) {
      if (key in filter) problems.push(`${key}: a scan runs in key order; pass paging in the options`);
    }
  }
  const parsedOptions = ScanOptionsSchema.safeParse(options ?? {});
  if (!parsedOptions.success) problems.push(...zodProblems(parsedOptions.error));
  if (problems.length > 0) throw new InvalidQueryError(problems);
  const query = parseSellerQuery(filter);
  const { afterKey, limit } = parsedOptions.data ?? {};
  const scan: ParsedSellerScan = { query, limit: limit ?? DEFAULT_SCAN_PAGE_SIZE };
  if (afterKey !== undefined) scan.afterKey = afterKey;
  return scan;
}

export function parseAggregateFilter(input: unknown): ParsedAggregateFilter {
  const parsed = AggregateFilterSchema.safeParse(input ?? {});
  if (!parsed.success) throw new InvalidQueryError(zodProblems(parsed.error));
  const filter = parsed.data;
  return {
    platform: filter.platform ?? [],
    category: filter.category ?? [],
    province: (filter.province ?? []).map(foldSearchText),
    flaggedOnly: filter.flaggedOnly ?? true,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a day range for the daily counts: YYYY-MM-DD, from ≤ to, at most 366 days. */
export function parseDayRange(from: unknown, to: unknown): { from: string; to: string } {
  const problems: string[] = [];
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      problems.push(`${name} must be a day as YYYY-MM-DD`);
    }
  }
  if (problems.length > 0) throw new InvalidQueryError(problems);
  const fromDay = from as string;
  const toDay = to as string;
  const span = (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000;
  if (span < 0) throw new InvalidQueryError(['from is after to']);
  if (span > 366) throw new InvalidQueryError(['a day range may span at most 366 days']);
  return { from: fromDay, to: toDay };
}

function millis(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Date.parse(value);
}

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : 'query';
    return `${path}: ${issue.message}`;
  });
}
