import { z } from 'zod';
import { CATEGORY_IDS, SIGNAL_IDS } from './taxonomy.js';

export const CategoryIdSchema = z.enum(CATEGORY_IDS);
export const SignalIdSchema = z.enum(SIGNAL_IDS);

/** One fired rule: which, how much it weighed, and the words as the seller wrote them. */
export const ReasonSchema = z.object({
  rule: z.string().min(1),
  weight: z.number(),
  match: z.string(),
  /** Where `match` sits in the field it came from, for highlighting. */
  field: z.string().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  /** A sentence for the inspector when the match alone does not explain the rule. */
  note: z.string().optional(),
});

export const RiskAssessmentSchema = z.object({
  score: z.number().int().min(0).max(100),
  flagged: z.boolean(),
  categories: z.array(CategoryIdSchema),
  signals: z.array(SignalIdSchema),
  reasons: z.array(ReasonSchema),
  ruleset: z.string().min(1),
});

export type CategoryId = z.infer<typeof CategoryIdSchema>;
export type SignalId = z.infer<typeof SignalIdSchema>;
export type Reason = z.infer<typeof ReasonSchema>;
export type RiskAssessment = z.infer<typeof RiskAssessmentSchema>;
