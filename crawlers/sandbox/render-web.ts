import type { SandboxCatalog, SandboxListing } from './generator.js';
import { escapeHtml, formatVnd, scriptSafe } from './render-tiki.js';

/**
 * A standalone shop site (Haravan/Sapo-like, §6). Pages vary as real templates do: most carry
 * Product JSON-LD and og:/product: tags, every third only OpenGraph, every fifth only markup
 * that configurable selectors read.
 */
export function webProductHtml(listing: SandboxListing, origin: string): string {
  const url = `${origin}/shop-site/products/${listing.slug}-${listing.index}`;
  const withJsonLd = listing.index % 3 !== 0 && listing.index % 5 !== 0;
  const withOg = listing.index % 5 !== 0;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: listing.title,
    image: [`${origin}/shop-site/img/${listing.index}.jpg`],
    sku: `WEB-${listing.index}`,
    brand: { '@type': 'Brand', name: listing.brand },
    offers: {
      '@type': 'Offer',
      url,
      priceCurrency: 'VND',
      price: String(listing.price),
      availability: 'https://schema.org/InStock',
      seller: { '@type': 'Organization', name: listing.seller.name },
    },
  };
  const og = withOg
    ? `<meta property="og:type" content="product"><meta property="og:title" content="${escapeHtml(listing.title)}">
<meta property="og:url" content="${url}"><meta property="og:image" content="${origin}/shop-site/img/${listing.index}.jpg">
<meta property="og:site_name" content="${escapeHtml(listing.seller.name)}"><meta property="product:price:amount" content="${listing.price}">
<meta property="product:price:currency" content="VND"><meta property="product:brand" content="${escapeHtml(listing.brand)}">`
    : '';
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(listing.title)}</title>
<link rel="canonical" href="${url}">${og}
${withJsonLd ? `<script type="application/ld+json">${scriptSafe(JSON.stringify(jsonLd))}</script>` : ''}
<script>Haravan.shop = 'sandbox.myharavan.com';</script></head>
<body><h1 class="product-title">${escapeHtml(listing.title)}</h1>
<div class="product-price"><span class="pro-price">${formatVnd(listing.price)}₫</span></div>
<div class="shop-name">${escapeHtml(listing.seller.name)}</div></body></html>`;
}

export function webIndexHtml(listings: SandboxListing[], page: number, hasNext: boolean): string {
  const links = listings
    .map(
      (listing) =>
        `<li><a href="/shop-site/products/${listing.slug}-${listing.index}">${escapeHtml(listing.title)}</a></li>`,
    )
    .join('\n');
  const next = hasNext
    ? `<a rel="next" class="next" href="/shop-site/collections/all?page=${page + 1}">Trang sau</a>`
    : '';
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tất cả sản phẩm</title></head>
<body><ul class="product-list">${links}</ul>${next}</body></html>`;
}

export function webCatalogIndex(
  catalog: SandboxCatalog,
  page: number,
  perPage: number,
): { listings: SandboxListing[]; hasNext: boolean } {
  const start = (page - 1) * perPage;
  const listings: SandboxListing[] = [];
  for (let index = start; index < Math.min(catalog.size, start + perPage); index++) {
    const listing = catalog.listing(index);
    if (listing !== undefined) listings.push(listing);
  }
  return { listings, hasNext: start + perPage < catalog.size };
}
