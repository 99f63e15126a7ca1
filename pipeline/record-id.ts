import { listingKey } from '../records/listing.js';
import { livestreamKey } from '../records/livestream.js';
import type { Scorable } from '../scoring/scorable.js';
import { isLivestream } from '../scoring/sellers/index.js';

/**
 * The stable id of a record across crawls and transports. The kind is part of it, so a
 * listing and a livestream with the same platform id never collide; it is the same key the
 * seller aggregator counts a record by.
 */
export function recordId(record: Scorable): string {
  return isLivestream(record) ? `livestream:${livestreamKey(record)}` : `listing:${listingKey(record)}`;
}
