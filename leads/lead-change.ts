import type { CategoryId } from '../records/index.js';
import type { SentSnapshot } from './lead-ledger.js';

export type LeadKind = 'new' | 'escalated';

export interface LeadChange {
  kind: LeadKind;
  /** For an inspector: "first list", "score 71 → 85", "new category: milk". */
  why: string;
  previousScore?: number;
  newCategories: CategoryId[];
}

/**
 * Whether a seller belongs on today's list: never sent to this team (new), or higher score
 * or a category the team was not told about (escalated). Anything else is left out: a team
 * never receives an unchanged, or a calmer, seller again.
 */
export function leadChange(
  current: { score: number; categories: readonly CategoryId[] },
  sent: SentSnapshot | undefined,
): LeadChange | undefined {
  if (sent === undefined) return { kind: 'new', why: 'first list', newCategories: [...current.categories] };
  const known = new Set(sent.categories);
  const newCategories = current.categories.filter((category) => !known.has(category));
  const higher = current.score > sent.score;
  if (!higher && newCategories.length === 0) return undefined;
  const reasons: string[] = [];
  if (higher) reasons.push(`score ${sent.score} → ${current.score}`);
  if (newCategories.length > 0) reasons.push(`new category: ${newCategories.join(', ')}`);
  return {
    kind: 'escalated',
    why: `${reasons.join('; ')} (since ${sent.listDate})`,
    previousScore: sent.score,
    newCategories,
  };
}
