import { z } from 'zod';
import { EvidenceSchema } from './evidence.js';
import { PlatformSchema } from './platform.js';

/**
 * One product listing as a marketplace showed it. Prices are whole VND.
 * `passthrough` keeps fields we do not model (a crawler's extras, a label) so that
 * `ecomwatch score` hands back every field it was given.
 */
export const ListingSchema = z
  .object({
    kind: z.literal('listing').optional(),
    platform: PlatformSchema,
    listingId: z.string().min(1),
    url: z.string().min(1),
    title: z.string(),
    description: z.string().optional(),
    price: z.number().int().nonnegative().optional(),
    originalPrice: z.number().int().nonnegative().optional(),
    brand: z.string().optional(),
    categoryPath: z.array(z.string()).optional(),
    sellerId: z.string().min(1),
    sellerName: z.string().optional(),
    sellerLocation: z.string().optional(),
    shipsFrom: z.string().optional(),
    isOfficialStore: z.boolean().optional(),
    soldCount: z.number().int().nonnegative().optional(),
    rating: z.number().min(0).max(5).optional(),
    images: z.array(z.string()).optional(),
    capturedAt: z.iso.datetime({ offset: true }),
    evidence: EvidenceSchema.optional(),
  })
  .loose();

export type Listing = z.infer<typeof ListingSchema>;

export function listingKey(listing: Pick<Listing, 'platform' | 'listingId'>): string {
  return `${listing.platform}:${listing.listingId}`;
}
