import type { SandboxCatalog, SandboxListing } from './generator.js';
import { escapeHtml, formatVnd, scriptSafe, soldText } from './render-tiki.js';

/** Lazada-shaped catalog JSON and product pages (platform-shapes.md §2): strings everywhere. */
export function lazadaCard(
  catalog: SandboxCatalog,
  listing: SandboxListing,
  host: string,
): Record<string, unknown> {
  const ids = catalog.ids(listing.index);
  return {
    name: listing.title,
    nid: String(ids.lazada),
    itemId: String(ids.lazada),
    skuId: String(ids.lazadaSku),
    price: `${listing.price}.00`,
    priceShow: `₫${formatVnd(listing.price)}`,
    originalPrice: `${listing.originalPrice}.00`,
    originalPriceShow: `₫${formatVnd(listing.originalPrice)}`,
    discount:
      listing.originalPrice > listing.price
        ? `-${Math.round((1 - listing.price / listing.originalPrice) * 100)}%`
        : '',
    ratingScore: String(listing.rating),
    review: String(Math.floor(listing.sold / 25)),
    itemSoldCntShow: `Đã bán ${soldText(listing.sold).toUpperCase()}`,
    location: listing.seller.province,
    brandId: String(listing.index % 97),
    brandName: listing.brand,
    sellerId: String(30_000 + listing.seller.index),
    mainSellerId: String(30_000 + listing.seller.index),
    sellerName: listing.seller.name,
    isLazmall: listing.seller.official,
    image: `https://img.lazcdn.com/g/p/sb-${listing.index}.jpg`,
    itemUrl: `//${host}/products/${listing.slug}-i${ids.lazada}-s${ids.lazadaSku}.html?search=1`,
    categories: [listing.kind.tikiCategoryId],
    inStock: true,
    isAD: 0,
  };
}

export function lazadaCatalogJson(
  catalog: SandboxCatalog,
  indexes: (number | undefined)[],
  total: number,
  page: number,
  pageSize: number,
  query: string,
  host: string,
): Record<string, unknown> {
  const items = indexes
    .map((index) => (index === undefined ? undefined : catalog.listing(index)))
    .filter((listing): listing is SandboxListing => listing !== undefined)
    .map((listing) => lazadaCard(catalog, listing, host));
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  return {
    mainInfo: {
      totalResults: String(total),
      pageSize: String(pageSize),
      page: String(page),
      q: query,
      errorMsg: '',
      currency: '₫',
      venture: 'VN',
    },
    mods: { listItems: items, breadcrumb: [], filter: {}, sortBar: {} },
    seoInfo: {
      canonicalHref: `//${host}/catalog/?q=${encodeURIComponent(query)}`,
      nextHref: page < lastPage ? `//${host}/catalog/?q=${encodeURIComponent(query)}&page=${page + 1}` : '',
    },
  };
}

export function lazadaProductPageHtml(
  catalog: SandboxCatalog,
  listing: SandboxListing,
  host: string,
): string {
  const ids = catalog.ids(listing.index);
  const moduleData = {
    data: {
      root: {
        fields: {
          product: {
            title: listing.title,
            brandName: listing.brand,
            desc: `<p>${escapeHtml(listing.title)}}; var x = {</p>`,
          },
          primaryKey: {
            itemId: String(ids.lazada),
            skuId: String(ids.lazadaSku),
            defaultSkuId: String(ids.lazadaSku),
          },
          skuInfos: {
            '0': {
              skuId: String(ids.lazadaSku),
              categoryId: String(listing.kind.tikiCategoryId),
              stock: 10,
              image: `//img.lazcdn.com/g/p/sb-${listing.index}.jpg`,
              price: {
                salePrice: { text: `₫${formatVnd(listing.price)}`, value: listing.price },
                originalPrice: { text: `₫${formatVnd(listing.originalPrice)}`, value: listing.originalPrice },
              },
            },
          },
          skuGalleries: {
            '0': [{ type: 'img', src: `//img.lazcdn.com/g/p/sb-${listing.index}.jpg`, poster: null }],
          },
          review: {
            ratings: {
              average: listing.rating,
              rateCount: Math.floor(listing.sold / 25),
              scores: [1, 1, 1, 1, 1],
            },
          },
          seller: {
            name: listing.seller.name,
            sellerId: String(30_000 + listing.seller.index),
            shopId: 40_000 + listing.seller.index,
            url: `//${host}/shop/${listing.seller.slug}/`,
            rate: 0.95,
            newSeller: false,
          },
          breadcrumb: listing.kind.categoryPath.map((title) => ({ title })),
          tracking: { pdt_name: listing.title, pdt_price: `₫${formatVnd(listing.price)}` },
        },
      },
    },
  };
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: listing.title,
    offers: {
      '@type': 'Offer',
      price: String(listing.price),
      priceCurrency: 'VND',
      availability: 'https://schema.org/InStock',
      seller: { name: listing.seller.name },
    },
  };
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(listing.title)} | Lazada.vn</title>
<script type="application/ld+json">${scriptSafe(JSON.stringify(jsonLd))}</script></head>
<body><div id="module_product_title_1"><h1>${escapeHtml(listing.title)}</h1></div>
<script>var __moduleData__ = ${scriptSafe(JSON.stringify(moduleData))};
var __googleBot__ = "";</script></body></html>`;
}

/** The slider-captcha ("punish") page Lazada serves a crawler it distrusts. */
export function lazadaPunishHtml(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Lazada</title>
<script>window._config_ = {"action":"captcha","FORMACTIOIN":"/_____tmd_____/verify/"};</script></head>
<body><div id="nc_1_wrapper" class="baxia-dialog"><div class="nc-container">Please slide to verify</div></div>
<script src="https://g.alicdn.com/sd/punish/punish-page.js"></script></body></html>`;
}
