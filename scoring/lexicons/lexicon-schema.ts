import { z } from 'zod';
import { CategoryIdSchema, SignalIdSchema } from '../../records/risk.js';

/**
 * The shapes of the lexicon data files under scoring/lexicons/. Terms are written the way a
 * person reads them ("thuốc lá điện tử"); they go through the same folding as seller text,
 * so one entry also matches "thuoc la dien tu", "THUỐC LÁ ĐIỆN TỬ" and "tldt".
 */
// YAML reads a bare 555 or 333 (cigarette and beer brands) as a number: take it as the term.
const Term = z.union([z.string().min(1), z.number()]).transform(String);
const Terms = z.array(Term).default([]);

export const CategoryLexiconSchema = z.strictObject({
  category: CategoryIdSchema,
  /** Points a listing gets for being in this category, before any violation sign. */
  points: z.number().int().min(0).max(100),
  /**
   * A catch-all category (food): kept only when no other category was found, since a
   * product that is a milk, a supplement or a medicine is often also something one eats.
   */
  fallback: z.boolean().default(false),
  /** A sign that the category alone carries (banned goods). */
  signal: SignalIdSchema.optional(),
  terms: z.strictObject({
    /** One of these in a title says what the item is. */
    strong: Terms,
    /** Supporting words: two of them, or one with a strong term. */
    weak: Terms,
  }),
  /** Terms that must keep their diacritics when the seller used diacritics ("sữa" ≠ "sửa"). */
  accented: Terms,
  /** Contexts that cancel a term they contain or overlap ("sữa tắm" cancels "sữa"). */
  not: Terms,
  /** Words that, anywhere in the same field, mean the item is something else. */
  unless: Terms,
  /**
   * When the category's sign does not hold: the goods are sold under licence (fireworks of
   * the state factory by its authorised dealers). An official store or one of `sellers` lifts
   * the sign, unless the listing names goods no licence covers (`never`: explosives).
   */
  licensed: z.strictObject({ sellers: Terms, never: Terms }).optional(),
});

export const SignLexiconSchema = z.strictObject({
  rule: z.string().regex(/^[a-z][a-z0-9_]*$/),
  signal: SignalIdSchema,
  points: z.number().int().min(1).max(100),
  description: z.string().min(1),
  /** The rule only fires on items in one of these categories (health claims, say). */
  requires_categories: z.array(CategoryIdSchema).optional(),
  /** Categories a hit proves by itself (a prescription drug name is a medicine). */
  adds_categories: z.array(CategoryIdSchema).default([]),
  terms: Terms,
  accented: Terms,
  not: Terms,
  unless: Terms,
});

export const BrandPriceSchema = z.strictObject({
  /** Words that say what kind of product it is, by product type. */
  product_types: z.record(z.string(), z.array(z.string().min(1))),
  /** Words that make it an accessory for the product, not the product ("ốp lưng"). */
  accessories: z.array(z.string().min(1)),
  /** Words before a brand that describe a style, not a claim of the brand ("phong cách"). */
  style_words: z.array(z.string().min(1)),
  /** Words that say it is second-hand: only a price far under the floor is implausible. */
  used_words: z.array(z.string().min(1)),
  /** Words that say it is less than the whole item (a mini, a sample, a broken one): no floor. */
  part_words: z.array(z.string().min(1)),
  brands: z.array(
    z.strictObject({
      brand: z.string().min(1),
      aliases: z.array(z.string().min(1)).min(1),
      /** Lowest plausible genuine price in VND, by product type; below it is implausible. */
      floors: z.record(z.string(), z.number().int().positive()),
    }),
  ),
});

/**
 * Goods in none of the taxonomy's categories that share words with them (a lighter "sạc
 * USB", a plush toy "đeo balo"): at the head of a title they name the item, so the shared
 * words further on do not make it electronics or fashion.
 */
export const OutsideLexiconSchema = z.strictObject({ terms: Terms });

export const SellerLexiconSchema = z.strictObject({
  /** Seller names that mark an official store or an authorised dealer. */
  official: z.array(z.string().min(1)),
});

export const TeencodeSchema = z.record(z.string().min(1), z.string().min(1));

export type CategoryLexicon = z.infer<typeof CategoryLexiconSchema>;
export type SignLexicon = z.infer<typeof SignLexiconSchema>;
export type BrandPrices = z.infer<typeof BrandPriceSchema>;
export type SellerLexicon = z.infer<typeof SellerLexiconSchema>;
