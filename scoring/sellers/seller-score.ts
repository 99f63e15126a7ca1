import type { Reason } from '../../records/risk.js';

/** Points added to the strongest listing's score for each flagged listing after the first. */
export const REPEAT_FLAG_POINTS = 2;
export const MAX_SCORE = 100;
export const MAX_TOP_REASONS = 5;

/**
 * A seller's score: its strongest listing's score, plus REPEAT_FLAG_POINTS for every
 * flagged listing past the first, capped at MAX_SCORE. One bad listing may be a mistake;
 * ten say it is the business. The nudge is small so that many weak flags never outrank
 * one clear banned-goods listing by much.
 */
export function sellerScore(strongestListingScore: number, flaggedListingCount: number): number {
  const nudge = REPEAT_FLAG_POINTS * Math.max(0, flaggedListingCount - 1);
  return clampScore(strongestListingScore + nudge);
}

/**
 * The strongest listing score behind a stored seller score. Exact unless the score was
 * capped, where it is a lower bound: enough, since a capped seller stays capped.
 */
export function strongestListingScore(score: number, flaggedListingCount: number): number {
  return clampScore(score - REPEAT_FLAG_POINTS * Math.max(0, flaggedListingCount - 1));
}

function clampScore(score: number): number {
  return Math.min(MAX_SCORE, Math.max(0, Math.round(score)));
}

// Past this many distinct reasons, drop all but the top ones. Exact: a dropped reason
// weighed no more than the current top, and the bar only rises as reasons are added.
const PRUNE_AT = 64;

/**
 * The strongest distinct reasons across a seller's listings. Distinct by rule and match
 * (case-folded), keeping the heaviest instance, so forty listings saying "vape" show as
 * one reason. Reasons of weight 0 or less (an official store) explain why a score is low,
 * not why a seller is a lead, so they are left out.
 */
export class TopReasons {
  private readonly byKey = new Map<string, Reason>();

  add(reason: Reason): void {
    if (reason.weight <= 0) return;
    const key = `${reason.rule}\u0000${reason.match.normalize('NFC').toLowerCase()}`;
    const existing = this.byKey.get(key);
    if (existing !== undefined && existing.weight >= reason.weight) return;
    this.byKey.set(key, reason);
    if (this.byKey.size > PRUNE_AT) this.prune();
  }

  addAll(reasons: readonly Reason[]): void {
    for (const reason of reasons) this.add(reason);
  }

  /** Up to MAX_TOP_REASONS, heaviest first; ties in rule then match order, so output is stable. */
  top(): Reason[] {
    return [...this.byKey.values()].sort(byStrength).slice(0, MAX_TOP_REASONS);
  }

  private prune(): void {
    const kept = new Set(this.top());
    for (const [key, reason] of this.byKey) if (!kept.has(reason)) this.byKey.delete(key);
  }
}

function byStrength(a: Reason, b: Reason): number {
  if (a.weight !== b.weight) return b.weight - a.weight;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  if (a.match !== b.match) return a.match < b.match ? -1 : 1;
  return 0;
}
