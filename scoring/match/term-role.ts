import type { CategoryId } from '../../records/risk.js';

/** What a lexicon term means when it is found; one folded pattern can carry several roles. */
export type TermRole =
  | { kind: 'category'; category: CategoryId; strength: number }
  | { kind: 'category-not'; category: CategoryId }
  | { kind: 'category-unless'; category: CategoryId }
  /** Says the seller is licensed to sell the category's goods; or names goods no licence covers. */
  | { kind: 'licence'; category: CategoryId }
  | { kind: 'unlicensable'; category: CategoryId }
  /** Goods in no category of the taxonomy (a lighter, a toy): they name the item too. */
  | { kind: 'outside' }
  | { kind: 'sign'; rule: string }
  | { kind: 'sign-not'; rule: string }
  | { kind: 'sign-unless'; rule: string }
  | { kind: 'brand'; brand: number }
  | { kind: 'product-type'; productType: string }
  | { kind: 'accessory' }
  | { kind: 'style' }
  | { kind: 'used' }
  | { kind: 'part' };

export interface RoleEntry {
  role: TermRole;
  /** The term as the lexicon wrote it. */
  term: string;
  /** Set when the term must match with its diacritics: the accented, padded pattern. */
  accented?: string;
}
