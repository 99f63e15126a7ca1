export * from './evidence.js';
export * from './listing.js';
export * from './livestream.js';
export * from './platform.js';
export * from './risk.js';
export * from './seller-risk.js';
export * from './taxonomy.js';
