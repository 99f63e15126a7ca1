import { z } from 'zod';
import { PlatformSchema } from './platform.js';
import { CategoryIdSchema, ReasonSchema, SignalIdSchema } from './risk.js';

export const CASE_STATUSES = [
  'new',
  'reviewing',
  'confirmed',
  'referred',
  'takedown_requested',
  'removed',
  'dismissed',
] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** A province as routing needs it: one of the 34 units, abroad, or not known. */
export const ProvinceSchema = z.string().min(1);

export const SellerRiskSchema = z.object({
  platform: PlatformSchema,
  sellerId: z.string().min(1),
  name: z.string().optional(),
  /** One of the 34 units of 2025 ("Hà Nội"…), "Nước ngoài" for cross-border, or absent. */
  province: ProvinceSchema.optional(),
  /** The location as the marketplace showed it, before normalisation. */
  locationRaw: z.string().optional(),
  categories: z.array(CategoryIdSchema),
  signals: z.array(SignalIdSchema),
  listingCount: z.number().int().nonnegative(),
  flaggedListingCount: z.number().int().nonnegative(),
  /** The seller's score: its strongest listing's score, nudged up by repeated flags. */
  score: z.number().int().min(0).max(100),
  flagged: z.boolean(),
  topReasons: z.array(ReasonSchema),
  firstSeen: z.iso.datetime({ offset: true }),
  lastSeen: z.iso.datetime({ offset: true }),
  status: CaseStatusSchema,
  ruleset: z.string().min(1),
});

export type SellerRisk = z.infer<typeof SellerRiskSchema>;

export function sellerKey(seller: { platform: string; sellerId: string }): string {
  return `${seller.platform}:${seller.sellerId}`;
}
