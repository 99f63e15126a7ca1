import type { Platform } from '../../records/platform.js';
import type { CategoryId, RiskAssessment, SignalId } from '../../records/risk.js';
import type { SellerRisk } from '../../records/seller-risk.js';
import { sellerKey } from '../../records/seller-risk.js';
import { CATEGORY_IDS, SIGNAL_IDS } from '../../records/taxonomy.js';
import type { SellerRecord } from './seller-of.js';
import { sellerOf } from './seller-of.js';
import { sellerScore, TopReasons } from './seller-score.js';

/** A scored record: what the scoring stage hands on. */
export interface AssessedRecord {
  record: SellerRecord;
  risk: RiskAssessment;
}

/** A value and the capture time (ms) it came from, so the latest one wins. */
interface Stamped<T> {
  value: T;
  at: number;
}

interface SellerState {
  platform: Platform;
  sellerId: string;
  name?: Stamped<string>;
  /** The latest location that named a known place. */
  located?: Stamped<{ province: string; raw: string }>;
  /** The latest location text at all, for sellers whose location is never recognised. */
  unlocatedRaw?: Stamped<string>;
  /** Per record: whether any assessment of it was flagged. Keys only, never the records. */
  records: Map<string, boolean>;
  flaggedCategories: Set<CategoryId>;
  allCategories: Set<CategoryId>;
  signals: Set<SignalId>;
  strongestScore: number;
  reasons: TopReasons;
  firstSeen: Stamped<string>;
  lastSeen: Stamped<string>;
  ruleset: Stamped<string>;
}

/**
 * Builds one SellerRisk per `platform:sellerId` from assessed listings and livestreams, as
 * they stream past. It keeps per seller only sets, a top-reasons list and one key per
 * record (so a listing assessed twice counts once), never the records themselves.
 *
 * Within one aggregation evidence accumulates: a listing is flagged if any assessment of
 * it was, and the score, categories, signals and reasons are drawn from every assessment
 * seen. A livestream counts as one of its host's listings.
 */
export class SellerAggregator {
  private readonly states = new Map<string, SellerState>();

  add(record: SellerRecord, risk: RiskAssessment): void {
    const seller = sellerOf(record);
    const at = Date.parse(record.capturedAt);
    const key = sellerKey(seller);
    let state = this.states.get(key);
    if (state === undefined) {
      state = newState(seller.platform, seller.sellerId, record.capturedAt, at, risk.ruleset);
      this.states.set(key, state);
    }
    if (seller.name !== undefined) state.name = latest(state.name, seller.name, at);
    const { province, raw } = seller.location;
    if (province !== undefined && raw !== undefined) {
      state.located = latest(state.located, { province, raw }, at);
    } else if (raw !== undefined) {
      state.unlocatedRaw = latest(state.unlocatedRaw, raw, at);
    }
    state.records.set(seller.recordKey, (state.records.get(seller.recordKey) ?? false) || risk.flagged);
    for (const category of risk.categories) {
      state.allCategories.add(category);
      if (risk.flagged) state.flaggedCategories.add(category);
    }
    for (const signal of risk.signals) state.signals.add(signal);
    state.strongestScore = Math.max(state.strongestScore, risk.score);
    state.reasons.addAll(risk.reasons);
    if (at < state.firstSeen.at) state.firstSeen = { value: record.capturedAt, at };
    state.lastSeen = latest(state.lastSeen, record.capturedAt, at);
    state.ruleset = latest(state.ruleset, risk.ruleset, at);
  }

  addAll(items: Iterable<AssessedRecord>): this {
    for (const { record, risk } of items) this.add(record, risk);
    return this;
  }

  get size(): number {
    return this.states.size;
  }

  /** Every seller seen so far, highest score first (then by key, so output is stable). */
  sellers(): SellerRisk[] {
    return [...this.states.values()].map(toSellerRisk).sort(byScoreThenKey);
  }
}

/** The whole batch at once, for callers that already hold it. */
export function aggregateSellers(items: Iterable<AssessedRecord>): SellerRisk[] {
  return new SellerAggregator().addAll(items).sellers();
}

function newState(
  platform: Platform,
  sellerId: string,
  capturedAt: string,
  at: number,
  ruleset: string,
): SellerState {
  return {
    platform,
    sellerId,
    records: new Map(),
    flaggedCategories: new Set(),
    allCategories: new Set(),
    signals: new Set(),
    strongestScore: 0,
    reasons: new TopReasons(),
    firstSeen: { value: capturedAt, at },
    lastSeen: { value: capturedAt, at },
    ruleset: { value: ruleset, at },
  };
}

/** On equal capture times the record added later wins: it is the newer crawl output. */
function latest<T>(current: Stamped<T> | undefined, value: T, at: number): Stamped<T> {
  return current === undefined || at >= current.at ? { value, at } : current;
}

function toSellerRisk(state: SellerState): SellerRisk {
  let flaggedListingCount = 0;
  for (const flagged of state.records.values()) if (flagged) flaggedListingCount++;
  // What the seller is flagged for, not everything it sells: a shop with one vape among
  // fifty lipsticks is a vape lead. Unflagged sellers show all they sell.
  const categories = state.flaggedCategories.size > 0 ? state.flaggedCategories : state.allCategories;
  const locationRaw = state.located?.value.raw ?? state.unlocatedRaw?.value;
  return {
    platform: state.platform,
    sellerId: state.sellerId,
    ...(state.name !== undefined && { name: state.name.value }),
    ...(state.located !== undefined && { province: state.located.value.province }),
    ...(locationRaw !== undefined && { locationRaw }),
    categories: inOrder(categories, CATEGORY_IDS),
    signals: inOrder(state.signals, SIGNAL_IDS),
    listingCount: state.records.size,
    flaggedListingCount,
    score: sellerScore(state.strongestScore, flaggedListingCount),
    flagged: flaggedListingCount > 0,
    topReasons: state.reasons.top(),
    firstSeen: state.firstSeen.value,
    lastSeen: state.lastSeen.value,
    status: 'new',
    ruleset: state.ruleset.value,
  };
}

/** Taxonomy order, so the same set always prints the same way. */
export function inOrder<T extends string>(values: ReadonlySet<T>, order: readonly T[]): T[] {
  return order.filter((value) => values.has(value));
}

function byScoreThenKey(a: SellerRisk, b: SellerRisk): number {
  if (a.score !== b.score) return b.score - a.score;
  const keyA = sellerKey(a);
  const keyB = sellerKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
