/**
 * Category and violation-sign ids from ../shared/taxonomy.md. These ids appear in data
 * files, exports and the index: never rename one without a migration.
 */
export const CATEGORY_IDS = [
  'cosmetics',
  'supplements',
  'pharmaceuticals',
  'medical_devices',
  'milk',
  'food',
  'e_cigarettes',
  'heated_tobacco',
  'cigarettes',
  'alcohol',
  'firecrackers',
  'helmets',
  'agri_inputs',
  'fashion',
  'watches',
  'electronics',
  'household',
] as const;

export const SIGNAL_IDS = [
  'counterfeit',
  'ip_infringement',
  'unknown_origin',
  'substandard',
  'expired',
  'banned_goods',
  'false_advertising',
  'false_quality_claims',
  'labelling_faults',
  'anonymous_account',
  'illegal_mlm',
  'promotion_violations',
  'prescription_online',
  'implausible_price',
  /** Cigarettes sold online: tobacco may not be sold through e-commerce (Decree 67/2013). */
  'tobacco_online',
] as const;

/** Goods that are banned outright: a listing selling them is a lead by itself. */
export const BANNED_CATEGORY_IDS = ['e_cigarettes', 'heated_tobacco'] as const;
