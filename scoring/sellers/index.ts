/** Seller-level view for the index and lead routing: provinces and seller risk. */
export { ABROAD, isAbroad, normaliseProvince, PROVINCE_NAMES } from './provinces.js';
export type { NormalisedProvince } from './provinces.js';
export { PROVINCE_UNITS } from './province-table.js';
export type { ProvinceUnit } from './province-table.js';
export { aggregateSellers, SellerAggregator } from './aggregate-sellers.js';
export type { AssessedRecord } from './aggregate-sellers.js';
export { mergeSellerRisk } from './merge-seller-risk.js';
export type { MergeOptions } from './merge-seller-risk.js';
export { isLivestream, sellerOf } from './seller-of.js';
export type { SellerOfRecord, SellerRecord } from './seller-of.js';
export { MAX_TOP_REASONS, REPEAT_FLAG_POINTS, sellerScore } from './seller-score.js';
