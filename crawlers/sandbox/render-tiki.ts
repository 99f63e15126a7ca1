import type { SandboxCatalog, SandboxListing } from './generator.js';

/** Tiki-shaped JSON and pages (../../../shared/platform-shapes.md §3), plain VND. */
export function tikiListingItem(catalog: SandboxCatalog, listing: SandboxListing): Record<string, unknown> {
  const ids = catalog.ids(listing.index);
  const urlKey = `${listing.slug}-p${ids.tiki}`;
  return {
    id: ids.tiki,
    sku: `SB${listing.index}`,
    name: listing.title,
    url_key: urlKey,
    url_path: `${urlKey}.html?spid=${ids.tikiSpid}`,
    price: listing.price,
    list_price: listing.originalPrice,
    original_price: listing.originalPrice,
    discount: listing.originalPrice - listing.price,
    discount_rate: Math.round((1 - listing.price / listing.originalPrice) * 100),
    rating_average: listing.rating,
    review_count: Math.floor(listing.sold / 20),
    order_count: 0,
    favourite_count: 0,
    quantity_sold:
      listing.sold > 0 ? { text: `Đã bán ${soldText(listing.sold)}`, value: listing.sold } : null,
    thumbnail_url: `https://salt.tikicdn.com/cache/280x280/ts/product/sb/${listing.index}.jpg`,
    inventory_status: 'available',
    availability: 1,
    seller_id: 10_000 + listing.seller.index,
    brand_name: listing.brand,
    primary_category_path: `1/2/${listing.kind.tikiCategoryId}`,
    badges_new: [],
    impression_info: [{ metadata: { is_official_store: listing.seller.official ? 1 : 0, is_tikinow: 0 } }],
    visible_impression_info: {
      amplitude: {
        seller_id: 10_000 + listing.seller.index,
        brand_name: listing.brand,
        category_l1_name: listing.kind.categoryPath[0],
        category_l2_name: listing.kind.categoryPath[1],
        primary_category_name: listing.kind.categoryPath[1],
        origin: listing.seller.province === 'Nước ngoài' ? 'Trung Quốc' : 'Việt Nam',
      },
    },
  };
}

export function tikiListingPage(
  catalog: SandboxCatalog,
  indexes: (number | undefined)[],
  total: number,
  page: number,
  perPage: number,
): Record<string, unknown> {
  const data = indexes
    .map((index) => (index === undefined ? undefined : catalog.listing(index)))
    .filter((listing): listing is SandboxListing => listing !== undefined)
    .map((listing) => tikiListingItem(catalog, listing));
  return {
    data,
    paging: {
      total,
      per_page: perPage,
      current_page: page,
      last_page: Math.max(1, Math.ceil(total / perPage)),
    },
  };
}

export function tikiProductDetail(catalog: SandboxCatalog, listing: SandboxListing): Record<string, unknown> {
  const ids = catalog.ids(listing.index);
  const base = tikiListingItem(catalog, listing);
  const image = `https://salt.tikicdn.com/ts/product/sb/${listing.index}.jpg`;
  return {
    ...base,
    master_id: ids.tiki,
    type: 'simple',
    short_url: `https://tiki.vn/product-p${ids.tiki}.html?spid=${ids.tikiSpid}`,
    short_description: `${listing.title}. Giao hàng toàn quốc từ ${listing.seller.province}.`,
    description: `<p>${listing.title}</p><p>Xuất xứ: ${listing.seller.province}</p>`,
    all_time_quantity_sold: listing.sold,
    seller: null,
    images: [
      {
        base_url: image,
        large_url: image,
        medium_url: image,
        small_url: image,
        thumbnail_url: image,
        is_gallery: true,
      },
    ],
    brand: { id: 1000 + (listing.index % 97), name: listing.brand, slug: listing.brand.toLowerCase() },
    current_seller: {
      id: 10_000 + listing.seller.index,
      sku: `SB${listing.index}`,
      name: listing.seller.name,
      link: `https://tiki.vn/cua-hang/${listing.seller.slug}`,
      price: listing.price,
      product_id: String(ids.tikiSpid),
      store_id: 20_000 + listing.seller.index,
      is_best_store: listing.seller.official,
    },
    categories: { id: listing.kind.tikiCategoryId, name: listing.kind.categoryPath.at(-1), is_leaf: true },
    breadcrumbs: [
      ...listing.kind.categoryPath.map((name, position) => ({
        url: `/c${listing.kind.tikiCategoryId + position}`,
        name,
        category_id: listing.kind.tikiCategoryId + position,
      })),
      { url: `/${listing.slug}-p${ids.tiki}.html`, name: listing.title, category_id: 0 },
    ],
    specifications: [
      { name: 'Content', attributes: [{ code: 'brand', name: 'Thương hiệu', value: listing.brand }] },
    ],
  };
}

/** A product page the way tiki.vn's Next.js app serves it: state in __NEXT_DATA__, JSON-LD, og tags. */
export function tikiProductPageHtml(
  catalog: SandboxCatalog,
  listing: SandboxListing,
  origin: string,
): string {
  const ids = catalog.ids(listing.index);
  const detail = tikiProductDetail(catalog, listing);
  const url = `${origin}/${listing.slug}-p${ids.tiki}.html?spid=${ids.tikiSpid}`;
  const next = {
    props: {
      initialState: {
        productv2: {
          productData: {
            request: { productId: String(ids.tiki), spId: String(ids.tikiSpid) },
            response: { data: detail },
          },
        },
      },
      initialProps: {
        pageProps: { routerPage: '/ProductPage', spId: String(ids.tikiSpid), mpId: String(ids.tiki) },
      },
    },
    page: '/ProductPage',
    query: { spid: String(ids.tikiSpid), id: String(ids.tiki) },
  };
  const jsonLd = {
    '@context': 'https://schema.org/',
    '@graph': [
      {
        '@type': 'Product',
        name: listing.title,
        url,
        sku: `SB${listing.index}`,
        brand: { '@type': 'Brand', name: listing.brand },
        aggregateRating: {
          '@type': 'AggregateRating',
          ratingValue: String(listing.rating),
          reviewCount: '12',
        },
        offers: [
          {
            '@type': 'Offer',
            price: String(listing.price),
            priceCurrency: 'VND',
            seller: { '@type': 'Organization', name: listing.seller.name },
          },
        ],
      },
    ],
  };
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"/>
<title>Mua ${escapeHtml(listing.title)} tại ${escapeHtml(listing.seller.name)}</title>
<meta property="og:title" content="${escapeHtml(listing.title)}"/>
<meta property="og:url" content="${url}"/>
<meta property="og:image" content="https://salt.tikicdn.com/cache/280x280/ts/product/sb/${listing.index}.jpg"/>
<meta property="og:site_name" content="tiki.vn"/>
<script type="application/ld+json">${scriptSafe(JSON.stringify(jsonLd))}</script>
</head><body><div id="__next"><h1>${escapeHtml(listing.title)}</h1><div class="product-price__current-price">${formatVnd(listing.price)} ₫</div></div>
<script id="__NEXT_DATA__" type="application/json">${scriptSafe(JSON.stringify(next))}</script>
</body></html>`;
}

export function soldText(sold: number): string {
  if (sold >= 1000) return `${(sold / 1000).toFixed(1).replace('.', ',').replace(',0', '')}k`;
  return String(sold);
}

export function formatVnd(price: number): string {
  return price.toLocaleString('de-DE');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON inside <script> must not close the tag. */
export function scriptSafe(json: string): string {
  return json.replace(/</g, '\\u003c');
}
