export * from './seller-index.js';
export * from './errors.js';
export { CASE_TRANSITIONS, assertTransition } from './case-status.js';
export { parseSellerQuery, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './seller-query.js';
export { foldSearchText } from './search-text.js';
export { openSellerIndex, embeddedIndexFile, type OpenSellerIndexOptions } from './open-seller-index.js';
export { EmbeddedSellerIndex, type EmbeddedSellerIndexOptions } from './embedded/embedded-seller-index.js';
export { ElasticSellerIndex, type ElasticSellerIndexOptions } from './elastic/elastic-seller-index.js';
