import { z } from 'zod';
import { EvidenceSchema } from './evidence.js';
import { PlatformSchema } from './platform.js';

/** A pinned product in a livestream: what the host is selling right now. */
export const PinnedProductSchema = z
  .object({
    listingId: z.string().optional(),
    url: z.string().optional(),
    title: z.string(),
    price: z.number().int().nonnegative().optional(),
  })
  .loose();

/** Livestream metadata from a LIVE page. */
export const LivestreamSchema = z
  .object({
    kind: z.literal('livestream').optional(),
    platform: PlatformSchema,
    streamId: z.string().min(1),
    url: z.string().min(1),
    title: z.string(),
    description: z.string().optional(),
    hostId: z.string().min(1),
    hostName: z.string().optional(),
    hostLocation: z.string().optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
    viewerCount: z.number().int().nonnegative().optional(),
    products: z.array(PinnedProductSchema).optional(),
    capturedAt: z.iso.datetime({ offset: true }),
    evidence: EvidenceSchema.optional(),
  })
  .loose();

export type Livestream = z.infer<typeof LivestreamSchema>;
export type PinnedProduct = z.infer<typeof PinnedProductSchema>;

export function livestreamKey(stream: Pick<Livestream, 'platform' | 'streamId'>): string {
  return `${stream.platform}:${stream.streamId}`;
}

/** Tells the two kinds of scored record apart (DESIGN.md: a livestream has `streamId`). */
export function isLivestream(record: { streamId?: unknown; kind?: unknown }): record is Livestream {
  return typeof record.streamId === 'string' || record.kind === 'livestream';
}
