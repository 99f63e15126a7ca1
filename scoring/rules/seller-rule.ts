import type { FoldedText } from '../text/folded-text.js';
import { quote } from '../text/folded-text.js';
import type { Finding } from './rule-context.js';

export const OFFICIAL_STORE_POINTS = -20;

/**
 * Official stores and authorised dealers weigh a listing down: they answer for what they
 * sell. Banned goods keep a floor elsewhere, so this never clears a vape shop.
 */
export function officialStoreFindings(
  isOfficialStore: boolean,
  sellerName: FoldedText | undefined,
  officialPatterns: readonly string[],
): Finding[] {
  if (isOfficialStore) {
    return [
      { reason: { rule: 'seller.official_store', weight: OFFICIAL_STORE_POINTS, match: 'isOfficialStore' } },
    ];
  }
  if (sellerName === undefined) return [];
  for (const pattern of officialPatterns) {
    const at = sellerName.plain.indexOf(pattern);
    if (at === -1) continue;
    const { match, start, end } = quote(sellerName, at, at + pattern.length);
    return [
      {
        reason: {
          rule: 'seller.authorised_name',
          weight: OFFICIAL_STORE_POINTS / 2,
          match,
          field: 'sellerName',
          start,
          end,
        },
      },
    ];
  }
  return [];
}
