import type { Platform } from '../records/index.js';

/**
 * The seller's shop page, where the platform has one an inspector can open (platform-shapes.md):
 * Shopee `/shop/<shopid>`, Tiki `/cua-hang/<slug>`, a shop website's own origin. Lazada and
 * TikTok shop pages use slugs or app links the listing does not carry, so a `sellerUrl` /
 * `shopUrl` the crawler kept on the record is used when there is one, else none is guessed.
 */
export function shopLink(
  platform: Platform,
  sellerId: string,
  record?: Record<string, unknown>,
): string | undefined {
  const kept = record?.['shopUrl'] ?? record?.['sellerUrl'];
  if (typeof kept === 'string' && /^https?:\/\//iu.test(kept)) return kept;
  const id = encodeURIComponent(sellerId);
  switch (platform) {
    case 'shopee':
      return /^\d+$/u.test(sellerId) ? `https://shopee.vn/shop/${id}` : `https://shopee.vn/${id}`;
    case 'tiki':
      return `https://tiki.vn/cua-hang/${id}`;
    case 'web':
      return /^[a-z0-9.-]+(:\d+)?$/iu.test(sellerId) ? `https://${sellerId}` : undefined;
    case 'lazada':
    case 'tiktok':
      return undefined;
  }
}
