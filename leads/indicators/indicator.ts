/** One early-warning signal, with the figures that fired it so an analyst can judge it. */
export interface Indicator {
  kind: 'spike' | 'new_banned_seller' | 'reappearance';
  severity: 'medium' | 'high';
  /** The day it refers to (YYYY-MM-DD, core.timezone). */
  day: string;
  province?: string;
  category?: string;
  sellerKey?: string;
  listingKey?: string;
  /** The listing that was removed, for a reappearance. */
  removedListingKey?: string;
  /** What was observed, and the bar it was compared with. */
  value: number;
  baseline?: number;
  threshold: string;
  message: string;
}
