import type { Listing } from '../../records/listing.js';
import { listingKey } from '../../records/listing.js';
import type { Livestream } from '../../records/livestream.js';
import { livestreamKey } from '../../records/livestream.js';
import type { Platform } from '../../records/platform.js';
import type { NormalisedProvince } from './provinces.js';
import { normaliseProvince } from './provinces.js';

export type SellerRecord = Listing | Livestream;

/** Who sells in a record, as the aggregator needs it. */
export interface SellerOfRecord {
  platform: Platform;
  sellerId: string;
  /** Tells a listing from a livestream with the same id. */
  recordKey: string;
  name?: string;
  location: NormalisedProvince;
}

export function isLivestream(record: SellerRecord): record is Livestream {
  return record.kind === 'livestream' || (record.kind === undefined && typeof record.hostId === 'string');
}

/** A livestream's seller is its host: the host's shop is what an inspector pursues. */
export function sellerOf(record: SellerRecord): SellerOfRecord {
  if (isLivestream(record)) {
    return {
      platform: record.platform,
      sellerId: record.hostId,
      recordKey: `livestream:${livestreamKey(record)}`,
      ...nameOf(record.hostName),
      location: normaliseProvince(record.hostLocation),
    };
  }
  return {
    platform: record.platform,
    sellerId: record.sellerId,
    recordKey: `listing:${listingKey(record)}`,
    ...nameOf(record.sellerName),
    location: listingLocation(record),
  };
}

/**
 * The seller's own location first; where it names no known place, where the goods ship
 * from. The raw text kept is the one the province came from, so an inspector sees why.
 */
function listingLocation(listing: Listing): NormalisedProvince {
  const own = normaliseProvince(listing.sellerLocation);
  if (own.province !== undefined) return own;
  const shipsFrom = normaliseProvince(listing.shipsFrom);
  if (shipsFrom.province !== undefined) return shipsFrom;
  return own.raw !== undefined ? own : shipsFrom;
}

function nameOf(name: string | undefined): { name?: string } {
  const trimmed = name?.trim();
  return trimmed === undefined || trimmed === '' ? {} : { name: trimmed };
}
