import type { SellerIndex } from '../../index/seller-index.js';
import type { CaseStatus } from '../../records/index.js';

/** Walks a case along the workflow as analysts would. */
export async function moveCase(index: SellerIndex, sellerKey: string, path: CaseStatus[]): Promise<void> {
  for (const to of path) {
    const { seller } = await index.getSeller(sellerKey, { itemLimit: 1 });
    await index.setCaseStatus({
      sellerKey,
      to,
      expectedStatus: seller.status,
      expectedVersion: seller.caseVersion,
      by: 'analyst',
      reason: `to ${to}`,
    });
  }
}
