import type { CaseEvent, IndexedItem, SellerDetail, SellerHit } from './seller-index.js';

/** Assembles a seller page from its items: every reason and evidence, tagged with its item. */
export function sellerDetail(seller: SellerHit, items: IndexedItem[], history: CaseEvent[]): SellerDetail {
  const reasons = items
    .flatMap((item) => item.reasons.map((reason) => ({ ...reason, itemKey: item.key })))
    .sort((a, b) => b.weight - a.weight);
  const evidence = items.flatMap((item) =>
    item.evidence === undefined ? [] : [{ ...item.evidence, itemKey: item.key }],
  );
  return { seller, items, reasons, evidence, history };
}
