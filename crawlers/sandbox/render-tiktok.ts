import type { SandboxCatalog, SandboxListing, SandboxLivestream } from './generator.js';
import { escapeHtml, formatVnd, scriptSafe } from './render-tiki.js';

export const TIKTOK_PDP_ROUTE = 'view/product/(product_id)/page';

/** A TikTok Shop product page: Modern.js SSR state in __MODERN_ROUTER_DATA__ (§4.2). */
export function tiktokPdpHtml(catalog: SandboxCatalog, listing: SandboxListing): string {
  const ids = catalog.ids(listing.index);
  const data = {
    loaderData: {
      layout: {},
      [TIKTOK_PDP_ROUTE]: {
        page_config: {
          global_data: {},
          components_map: [
            {
              component_name: 'product_info',
              component_type: 'product_info',
              component_data: {
                error_code: 0,
                product_info: {
                  product_model: {
                    product_id: ids.tiktok,
                    seller_id: String(749_000_000 + listing.seller.index),
                    title: listing.title,
                    sold_count: listing.sold,
                    description: JSON.stringify([{ type: 'text', text: listing.title }]),
                    images: [
                      {
                        uri: `tos-sb-${listing.index}`,
                        url_list: [`https://p16-oec-va.ibyteimg.com/tos-sb-${listing.index}.jpeg`],
                      },
                    ],
                    product_properties: [
                      {
                        property_name: 'Thương hiệu',
                        property_values: [{ property_value_name: listing.brand }],
                      },
                    ],
                    skus: [
                      {
                        price: {
                          sale_price_decimal: String(listing.price),
                          sale_price_format: `${formatVnd(listing.price)}₫`,
                          origin_price_format: `${formatVnd(listing.originalPrice)}₫`,
                        },
                      },
                    ],
                  },
                  promotion_model: {
                    promotion_product_price: {
                      min_price: {
                        sale_price_decimal: String(listing.price),
                        origin_price_decimal: String(listing.originalPrice),
                      },
                    },
                  },
                },
                shop_info: {
                  shop_name: listing.seller.name,
                  shop_rating: '4.8',
                  sold_count: listing.sold * 3,
                  followers_count: 1200,
                  shop_location: listing.seller.province,
                },
              },
            },
          ],
        },
      },
    },
  };
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(listing.title)} - TikTok Shop</title></head>
<body><div id="root"><h1>${escapeHtml(listing.title)}</h1></div>
<script id="__MODERN_ROUTER_DATA__" type="application/json">${scriptSafe(JSON.stringify(data))}</script></body></html>`;
}

/** A keyword or store page: product cards in `feed_list_search_word` (§4.2). */
export function tiktokFeedHtml(
  catalog: SandboxCatalog,
  listings: SandboxListing[],
  title: string,
  origin: string,
): string {
  const products = listings.map((listing) => {
    const ids = catalog.ids(listing.index);
    return {
      product_id: ids.tiktok,
      title: listing.title,
      image: {
        uri: `tos-sb-${listing.index}`,
        url_list: [`https://p16-oec-va.ibyteimg.com/tos-sb-${listing.index}.jpeg`],
      },
      product_price_info: {
        sale_price_decimal: String(listing.price),
        origin_price_decimal: String(listing.originalPrice),
        currency_symbol: '₫',
        currency_name: 'VND',
      },
      rate_info: { score: listing.rating, review_count: String(Math.floor(listing.sold / 30)) },
      sold_info: { sold_count: listing.sold },
      seller_info: { seller_id: String(749_000_000 + listing.seller.index), shop_name: listing.seller.name },
      brand_info: { brand_name: listing.brand },
      seo_url: { canonical_url: `${origin}/shop/vn/pdp/${listing.slug}/${ids.tiktok}` },
    };
  });
  const data = {
    loaderData: {
      'shop/vn/k/(keyword)/page': {
        page_config: {
          components_map: [
            {
              component_name: 'feed_list_search_word',
              component_type: 'feed_list_search_word',
              component_data: { products },
            },
          ],
        },
      },
    },
  };
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)} - TikTok Shop</title></head>
<body><div id="root"></div>
<script id="__MODERN_ROUTER_DATA__" type="application/json">${scriptSafe(JSON.stringify(data))}</script></body></html>`;
}

/**
 * A LIVE page: SIGI_STATE carries the room and host (§4.3); like the real page, the viewer count
 * and the pinned products arrive from the room-info call the page makes after load.
 */
export function tiktokLiveHtml(stream: SandboxLivestream): string {
  const sigi = {
    LiveRoom: {
      liveRoomUserInfo: {
        user: {
          id: `68${stream.index}`,
          uniqueId: stream.hostUniqueId,
          nickname: stream.hostName,
          roomId: stream.roomId,
        },
        liveRoom: {
          roomId: stream.roomId,
          title: stream.title,
          status: stream.status,
          startTime: stream.startTime,
        },
      },
    },
  };
  const script = `fetch('/webcast/room/info/?aid=1988&room_id=${stream.roomId}', { credentials: 'include' })
  .then((r) => r.json())
  .then((info) => {
    document.getElementById('viewers').textContent = String(info.data.user_count);
    const list = document.getElementById('pinned');
    for (const p of info.data.pinned_products || []) {
      const li = document.createElement('li'); li.textContent = p.title; list.appendChild(li);
    }
    document.body.setAttribute('data-live-ready', 'true');
  })
  .catch(() => document.body.setAttribute('data-live-ready', 'error'));`;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(stream.hostName)} đang LIVE - TikTok</title></head>
<body><h1>${escapeHtml(stream.title)}</h1><span id="viewers">0</span><ul id="pinned"></ul>
<script id="SIGI_STATE" type="application/json">${scriptSafe(JSON.stringify(sigi))}</script>
<script>${script}</script></body></html>`;
}

/** webcast room/info (⚠ fields confirmed for Douyin's shared schema; pinned_products is the sandbox's). */
export function tiktokRoomInfoJson(
  catalog: SandboxCatalog,
  stream: SandboxLivestream,
  origin: string,
): Record<string, unknown> {
  return {
    status_code: 0,
    data: {
      id_str: stream.roomId,
      status: stream.status,
      title: stream.title,
      create_time: stream.startTime,
      user_count: stream.viewerCount,
      stats: { total_user: stream.viewerCount * 3 },
      owner: { id_str: `68${stream.index}`, display_id: stream.hostUniqueId, nickname: stream.hostName },
      pinned_products: stream.pinned
        .map((index) => catalog.listing(index))
        .filter((listing): listing is SandboxListing => listing !== undefined)
        .map((listing) => {
          const ids = catalog.ids(listing.index);
          return {
            product_id: ids.tiktok,
            title: listing.title,
            price: String(listing.price),
            url: `${origin}/shop/vn/pdp/${listing.slug}/${ids.tiktok}`,
          };
        }),
    },
  };
}

export function tiktokSecurityCheckHtml(): string {
  return `<!DOCTYPE html><html><head><title>Security Check</title></head><body><div id="captcha-container"></div>
<script src="https://sf16-website-login.neutral.ttwstatic.com/obj/tiktok_web_login_static/tiktok/webapp/captcha/index.js"></script></body></html>`;
}
