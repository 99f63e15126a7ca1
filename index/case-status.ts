import { z } from 'zod';
import { CaseStatusSchema, type CaseStatus } from '../records/index.js';
import { InvalidQueryError, InvalidTransitionError } from './errors.js';
import type { CaseStatusChange } from './seller-index.js';

/**
 * How a case moves: new → reviewing → confirmed → referred → takedown_requested → removed,
 * and any open case may be dismissed. removed and dismissed are final.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['reviewing', 'dismissed'],
  reviewing: ['confirmed', 'dismissed'],
  confirmed: ['referred', 'dismissed'],
  referred: ['takedown_requested', 'dismissed'],
  takedown_requested: ['removed', 'dismissed'],
  removed: [],
  dismissed: [],
};

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  const allowed = CASE_TRANSITIONS[from];
  if (!allowed.includes(to)) throw new InvalidTransitionError(from, to, allowed);
}

const CaseStatusChangeSchema = z
  .object({
    sellerKey: z.string().min(1).max(300),
    to: CaseStatusSchema,
    expectedStatus: CaseStatusSchema,
    expectedVersion: z.number().int().nonnegative(),
    by: z.string().trim().min(1, 'who made the change must be named').max(200),
    reason: z.string().trim().min(1, 'a case change needs a reason').max(5000),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/** Checks a case change before any store sees it; fills `at` with now. */
export function parseCaseStatusChange(input: unknown): Required<CaseStatusChange> {
  const parsed = CaseStatusChangeSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidQueryError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'change'}: ${issue.message}`),
    );
  }
  return { ...parsed.data, at: parsed.data.at ?? new Date().toISOString() };
}
