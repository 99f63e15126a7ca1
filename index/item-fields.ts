import { listingKey, livestreamKey, sellerKey } from '../records/index.js';
import { isLivestream, sellerOf } from '../scoring/sellers/index.js';
import type { ScoredItem, ItemKind } from './seller-index.js';
import { UNKNOWN_PROVINCE } from './seller-index.js';

/** What both stores derive from a scored listing or livestream before writing it. */
export interface ItemFields {
  key: string;
  kind: ItemKind;
  itemId: string;
  sellerKey: string;
  title: string;
  url: string;
  capturedAt: string;
  capturedMillis: number;
  province: string;
}

export function itemFields(item: ScoredItem): ItemFields {
  const common = {
    title: item.title,
    url: item.url,
    capturedAt: item.capturedAt,
    capturedMillis: Date.parse(item.capturedAt),
    // The aggregate stage's province when it set one; else the record's own location,
    // normalised the way the aggregator does it.
    province: item.province ?? sellerOf(item).location.province ?? UNKNOWN_PROVINCE,
  };
  if (isLivestream(item)) {
    return {
      ...common,
      key: livestreamKey(item),
      kind: 'livestream',
      itemId: item.streamId,
      sellerKey: sellerKey({ platform: item.platform, sellerId: item.hostId }),
    };
  }
  return {
    ...common,
    key: listingKey(item),
    kind: 'listing',
    itemId: item.listingId,
    sellerKey: sellerKey(item),
  };
}
