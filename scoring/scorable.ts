import { z } from 'zod';
import { ListingSchema, type Listing } from '../records/listing.js';
import { isLivestream, LivestreamSchema, type Livestream } from '../records/livestream.js';

export type Scorable = Listing | Livestream;

export type ParsedScorable = { ok: true; record: Scorable } | { ok: false; error: string };

/**
 * Reads one input object as a Listing or a Livestream (DESIGN.md: a livestream has
 * `streamId` or `kind: "livestream"`). The error names the fields that are wrong, so a
 * rejected line can be fixed.
 */
export function parseScorable(value: unknown): ParsedScorable {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'not a JSON object' };
  }
  const livestream = isLivestream(value);
  const parsed = livestream ? LivestreamSchema.safeParse(value) : ListingSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const kind = livestream ? 'livestream' : 'listing';
  return { ok: false, error: `not a valid ${kind}: ${oneLine(parsed.error)}` };
}

function oneLine(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(record)'}: ${issue.message}`)
    .join('; ');
}
