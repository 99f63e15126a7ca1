import type { SandboxCatalog, SandboxListing } from './generator.js';
import { escapeHtml, soldText } from './render-tiki.js';

const SCALE = 100_000;

/** Shopee's search_items item: the legacy item_basic shape or the 2025+ card shape (§1.3–1.4). */
export function shopeeSearchItem(catalog: SandboxCatalog, listing: SandboxListing): Record<string, unknown> {
  const ids = catalog.ids(listing.index);
  const shopId = 100_000_000 + listing.seller.index;
  if (listing.index % 2 === 0) {
    return {
      itemid: ids.shopee,
      shopid: shopId,
      item_type: 0,
      adsid: null,
      item_basic: {
        itemid: ids.shopee,
        shopid: shopId,
        name: listing.title,
        catid: listing.kind.tikiCategoryId,
        brand: listing.brand,
        image: `sbhash${listing.index}`,
        images: [`sbhash${listing.index}`],
        currency: 'VND',
        price: listing.price * SCALE,
        price_min: listing.price * SCALE,
        price_max: listing.price * SCALE,
        price_before_discount: listing.originalPrice > listing.price ? listing.originalPrice * SCALE : 0,
        stock: 10,
        sold: Math.floor(listing.sold / 12),
        historical_sold: listing.sold,
        item_rating: { rating_star: listing.rating, rating_count: [40, 0, 0, 1, 4, 35] },
        shop_location: listing.seller.province,
        is_official_shop: listing.seller.official,
        shopee_verified: listing.seller.official,
        status: 1,
        item_status: 'normal',
      },
    };
  }
  return {
    itemid: ids.shopee,
    shopid: shopId,
    item_basic: null,
    item_card_displayed_asset: {
      name: listing.title,
      image: `sbhash${listing.index}`,
      images: [`sbhash${listing.index}`],
      shop_location: listing.seller.province,
      display_price: { price: listing.price * SCALE, strikethrough_price: listing.originalPrice * SCALE },
      rating: { rating_text: String(listing.rating) },
      sold_count: { text: `Đã bán ${soldText(listing.sold)}` },
    },
    item_data: {
      itemid: ids.shopee,
      shopid: shopId,
      catid: listing.kind.tikiCategoryId,
      item_card_display_price: {
        item_id: ids.shopee,
        price: listing.price * SCALE,
        strikethrough_price: listing.originalPrice * SCALE,
      },
      item_card_display_sold_count: {
        historical_sold_count: listing.sold,
        historical_sold_count_text: soldText(listing.sold),
      },
      shop_data: { shop_name: listing.seller.name, shop_location: listing.seller.province },
      global_brand: { brand_id: listing.index % 97, display_name: listing.brand },
      item_rating: { rating_star: listing.rating, rating_count: [40, 0, 0, 1, 4, 35] },
      is_official_shop: listing.seller.official,
      status: 1,
    },
  };
}

export function shopeeSearchJson(
  catalog: SandboxCatalog,
  indexes: (number | undefined)[],
  total: number,
  offset: number,
): Record<string, unknown> {
  const items = indexes
    .map((index) => (index === undefined ? undefined : catalog.listing(index)))
    .filter((listing): listing is SandboxListing => listing !== undefined)
    .map((listing) => shopeeSearchItem(catalog, listing));
  return { error: null, error_msg: null, total_count: total, nomore: offset + items.length >= total, items };
}

/** `pdp/get_pc` (⚠ partial shape, §1.5). */
export function shopeePdpJson(catalog: SandboxCatalog, listing: SandboxListing): Record<string, unknown> {
  const ids = catalog.ids(listing.index);
  return {
    error: null,
    data: {
      item: {
        item_id: ids.shopee,
        shop_id: 100_000_000 + listing.seller.index,
        title: listing.title,
        price: listing.price * SCALE,
        price_before_discount: listing.originalPrice * SCALE,
        brand: listing.brand,
        normal_stock: 10,
        image: `sbhash${listing.index}`,
        categories: listing.kind.categoryPath.map((display_name) => ({ display_name })),
        item_rating: { rating_star: listing.rating },
        description: `${listing.title}\nGửi từ ${listing.seller.province}`,
      },
      product_review: { historical_sold: listing.sold, rating_star: listing.rating },
      shop_detailed: {
        shopid: 100_000_000 + listing.seller.index,
        name: listing.seller.name,
        shop_location: listing.seller.province,
        is_official_shop: listing.seller.official,
      },
    },
  };
}

export const SHOPEE_SOFT_BLOCK = {
  tracking_id: '5b7a3f1e-0000-4000-8000-000000000000',
  action_type: 2,
  error: 90309999,
  is_customized: false,
  is_login: false,
  is_hit_sap: false,
  platform: 0,
  event_id: 1,
};

/**
 * Shopee serves a bare SPA shell: the data arrives from its own API calls after load. This shell
 * does the same: it calls the sandbox's search_items / get_pc with the page's cookies and renders.
 */
export function shopeeShellHtml(kind: 'search' | 'item', title: string): string {
  const script =
    kind === 'search'
      ? `const q = new URLSearchParams(location.search);
const page = Number(q.get('page') || '0');
const api = '/api/v4/search/search_items?by=relevancy&keyword=' + encodeURIComponent(q.get('keyword') || '') +
  '&limit=60&newest=' + (page * 60) + '&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2';
fetch(api, { credentials: 'include', headers: { 'x-api-source': 'pc', 'x-shopee-language': 'vi' } })
  .then((r) => r.json())
  .then((data) => {
    const root = document.getElementById('main');
    for (const item of data.items || []) {
      const a = document.createElement('a');
      const name = item.item_basic ? item.item_basic.name : item.item_card_displayed_asset.name;
      a.textContent = name; a.href = '/product/' + item.shopid + '/' + item.itemid;
      a.setAttribute('data-sqe', 'item'); root.appendChild(a);
    }
    root.setAttribute('data-loaded', 'true');
  })
  .catch(() => document.getElementById('main').setAttribute('data-loaded', 'error'));`
      : `const m = location.pathname.match(/(?:-i\\.|\\/product\\/)(\\d+)[./](\\d+)/);
fetch('/api/v4/pdp/get_pc?item_id=' + m[2] + '&shop_id=' + m[1] + '&tz_offset_minutes=420&detail_level=0',
  { credentials: 'include', headers: { 'x-api-source': 'pc' } })
  .then((r) => r.json())
  .then((data) => {
    const root = document.getElementById('main');
    root.textContent = data.data && data.data.item ? data.data.item.title : 'Sản phẩm không tồn tại';
    root.setAttribute('data-loaded', 'true');
  })
  .catch(() => document.getElementById('main').setAttribute('data-loaded', 'error'));`;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><div id="main"></div><script>${script}</script></body></html>`;
}
