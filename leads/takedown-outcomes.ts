import { ConflictError, NotFoundError } from '../index/errors.js';
import type { SellerIndex } from '../index/seller-index.js';
import type { ListingCheck, TakedownLedger } from './takedown-ledger.js';

/**
 * What the crawlers' re-checks say about requested listings (call with `RecheckResult`s from
 * crawlers/recheck): gone listings get their removal time; a seller whose every requested
 * listing is gone moves from takedown_requested to removed through the index.
 */
export async function applyTakedownChecks(
  index: SellerIndex,
  ledger: TakedownLedger,
  checks: readonly ListingCheck[],
  by = 'ecomwatch recheck',
): Promise<{ removed: number; live: number; casesClosed: string[] }> {
  const counts = ledger.applyChecks(checks);
  const sellers = new Set<string>();
  for (const check of checks) {
    if (check.status !== 'gone') continue;
    const listing = ledger.get(`${check.platform}:${check.listingId}`);
    if (listing !== undefined) sellers.add(listing.sellerKey);
  }
  const casesClosed: string[] = [];
  for (const sellerKey of sellers) {
    const listings = ledger.listingsOfSeller(sellerKey);
    if (listings.some((listing) => listing.removedAt === undefined)) continue;
    try {
      const { seller } = await index.getSeller(sellerKey, { itemLimit: 1 });
      if (seller.status !== 'takedown_requested') continue;
      const last = listings
        .map((listing) => listing.removedAt!)
        .sort()
        .at(-1)!;
      await index.setCaseStatus({
        sellerKey,
        to: 'removed',
        expectedStatus: 'takedown_requested',
        expectedVersion: seller.caseVersion,
        by,
        reason: `all ${listings.length} requested listing(s) confirmed gone by re-check`,
        at: last,
      });
      casesClosed.push(sellerKey);
    } catch (error) {
      if (error instanceof ConflictError || error instanceof NotFoundError) continue;
      throw error;
    }
  }
  return { ...counts, casesClosed };
}
