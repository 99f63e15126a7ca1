import type { BrandPrices } from '../lexicons/lexicon-schema.js';
import type { Hit } from '../match/term-matcher.js';
import {
  FOR_WORDS,
  followsWords,
  reasonFromHit,
  type Finding,
  type Offer,
  type RuleContext,
} from './rule-context.js';

export const IMPLAUSIBLE_PRICE_POINTS = 55;

/**
 * A second-hand item is judged against this share of the new floor: used genuine goods sell
 * for well over a quarter of the lowest new price (floors are already set low), so a used
 * "iPhone 15 Pro Max" at 2.8 million ₫ is still no genuine one.
 */
export const USED_FLOOR_SHARE = 0.25;

const vnd = new Intl.NumberFormat('vi-VN');

/**
 * A counterfeit-prone brand offered below the lowest genuine price for its product type:
 * a "Rolex" at 1.5 million ₫. Not for accessories made for the brand ("ốp lưng iPhone"),
 * style descriptions ("phong cách Chanel"), minis, samples or broken goods; second-hand goods
 * against a share of the floor.
 */
export function brandPriceFindings(context: RuleContext, table: BrandPrices): Finding[] {
  const findings: Finding[] = [];
  for (const offer of context.offers) {
    const finding = checkOffer(offer, context.hits, table);
    if (finding !== undefined) {
      findings.push(finding);
      break; // one implausible offer is enough to make the point
    }
  }
  return findings;
}

function checkOffer(offer: Offer, allHits: readonly Hit[], table: BrandPrices): Finding | undefined {
  if (offer.price === undefined || offer.price <= 0) return undefined;
  const hits = allHits.filter((hit) => offer.fields.has(hit.field));
  if (hits.some((hit) => hit.role.kind === 'part' || (hit.role.kind === 'accessory' && !isBundled(hit)))) {
    return undefined;
  }
  const used = hits.some((hit) => hit.role.kind === 'used');
  const styles = hits.filter((hit) => hit.role.kind === 'style');
  // The longest product name decides: "nồi áp suất" is a pressure cooker, not just a "nồi".
  const typeHits = hits.filter((hit) => hit.role.kind === 'product-type');
  const productTypes = new Set<string>();
  for (const hit of typeHits) {
    if (hit.role.kind !== 'product-type') continue;
    const inLonger = typeHits.some(
      (other) =>
        other !== hit &&
        other.field === hit.field &&
        other.from <= hit.from &&
        other.to >= hit.to &&
        other.to - other.from > hit.to - hit.from,
    );
    if (!inLonger) productTypes.add(hit.role.productType);
  }

  for (const hit of hits) {
    if (hit.role.kind !== 'brand') continue;
    if (styles.some((style) => style.field === hit.field && style.to - 1 === hit.from)) continue;
    // Made for the brand's product, not the product: "dây cho Apple Watch", "sạc cho MacBook".
    if (followsWords(hit, FOR_WORDS)) continue;
    const brand = table.brands[hit.role.brand]!;
    const floor = floorFor(brand.floors, productTypes);
    if (floor === undefined) continue;
    const least = used ? Math.round(floor.price * USED_FLOOR_SHARE) : floor.price;
    if (offer.price >= least) continue;
    const reason = reasonFromHit(`price.implausible.${floor.type}`, IMPLAUSIBLE_PRICE_POINTS, hit);
    reason.note = used
      ? `${vnd.format(offer.price)} ₫ < ${vnd.format(least)} ₫ (a quarter of the lowest genuine new ${brand.brand} ${floor.type}: second-hand)`
      : `${vnd.format(offer.price)} ₫ < ${vnd.format(floor.price)} ₫ (lowest genuine ${brand.brand} ${floor.type})`;
    return { reason, signal: 'implausible_price' };
  }
  return undefined;
}

/** Words before an accessory that say it comes with the item: "túi Dior kèm dây đeo". */
const BUNDLE_WORDS = [' kem ', ' tang ', ' tang kem ', ' free ', ' bonus ', ' full ', ' du ', ' day du '];

function isBundled(hit: Hit): boolean {
  return followsWords(hit, BUNDLE_WORDS);
}

/**
 * The floor for the product type named. With no product type named at all, only a brand that
 * makes one kind of product can be judged ("Rolex Daytona" is a watch); "LV" in a washing
 * machine's model code names no bag.
 */
function floorFor(
  floors: Record<string, number>,
  productTypes: ReadonlySet<string>,
): { type: string; price: number } | undefined {
  const named = [...productTypes].filter((type) => floors[type] !== undefined);
  const brandTypes = Object.keys(floors);
  // A product the brand does not make ("Mũ bảo hiểm Gucci") is judged by the brand's lowest
  // floor: a luxury name on a 79k helmet is a fake or an unlicensed use of the name.
  // Only for houses that put their name on many kinds of goods (three or more floors): a
  // "Marshall" T-shirt is band merchandise, not a cheap amplifier.
  const unrelatedProduct = named.length === 0 && productTypes.size > 0 && brandTypes.length >= 3;
  // A one-product brand is judged when nothing else is named: "Rolex Daytona" is a watch, but
  // "Máy đo huyết áp Citizen" is not a Citizen watch.
  const onlyProduct = brandTypes.length === 1 && productTypes.size === 0;
  const candidates = named.length > 0 ? named : onlyProduct || unrelatedProduct ? brandTypes : [];
  let best: { type: string; price: number } | undefined;
  for (const type of candidates) {
    const price = floors[type]!;
    // With several types named ("túi + ví"), take the lowest floor: the benefit of the doubt.
    if (best === undefined || price < best.price) best = { type, price };
  }
  return best;
}
