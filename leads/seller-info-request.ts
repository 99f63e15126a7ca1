import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import type { SellerIndex } from '../index/seller-index.js';
import type { CaseStatus, Platform } from '../records/index.js';
import { writeChunk, writeFileAtomically } from './atomic-file.js';
import { writeToTarget } from './export-target.js';
import { legalBasisFor, legalBasisText, type LegalBasisEntry } from './legal-basis.js';
import { recipientEntity, requestId as makeRequestId, senderEntity } from './request-parties.js';
import { joinList, type Column, type Table } from './table.js';
import { collectTakedownItems } from './takedown-items.js';
import type { TakedownLedger } from './takedown-ledger.js';
import { exportDir, type TakedownFormat } from './takedown-export.js';
import { writeCsv } from './write-csv.js';
import { writeJson } from './write-json.js';

/** What the agency asks the platform to hand over about each seller (e-KYC data it must hold). */
export const REQUESTED_SELLER_FIELDS = [
  'legal name of the account holder (individual or business)',
  'business registration or tax code',
  'identity document number used for e-KYC',
  'registered address and pick-up / ship-from addresses',
  'phone numbers and e-mail addresses',
  'payment and payout accounts',
  'other shops on the platform linked to the same identity, phone or payout account',
  'order volume and revenue of the listed products for the last 12 months',
] as const;

export interface SellerInfoRow {
  sellerKey: string;
  shopId: string;
  shopName?: string;
  shopUrl?: string;
  province?: string;
  locationRaw?: string;
  categories: string[];
  signs: string[];
  score: number;
  flaggedListings: number;
  listingUrls: string[];
  evidenceSha256: string[];
  caseStatus: CaseStatus;
}

const COLUMNS: readonly Column<SellerInfoRow>[] = [
  { key: 'shopId', header: 'Shop id', type: 'text', value: (row) => row.shopId },
  { key: 'shopName', header: 'Shop name', type: 'text', value: (row) => row.shopName },
  { key: 'shopUrl', header: 'Shop link', type: 'url', value: (row) => row.shopUrl },
  { key: 'province', header: 'Province', type: 'text', value: (row) => row.province },
  { key: 'categories', header: 'Categories', type: 'text', value: (row) => joinList(row.categories) },
  { key: 'signs', header: 'Violation signs', type: 'text', value: (row) => joinList(row.signs) },
  { key: 'score', header: 'Score', type: 'integer', value: (row) => row.score },
  {
    key: 'flaggedListings',
    header: 'Flagged listings',
    type: 'integer',
    value: (row) => row.flaggedListings,
  },
  { key: 'listingUrls', header: 'Listing URLs', type: 'text', value: (row) => joinList(row.listingUrls) },
  {
    key: 'evidenceSha256',
    header: 'Evidence SHA-256',
    type: 'text',
    value: (row) => joinList(row.evidenceSha256),
  },
];

export interface SellerInfoOptions {
  platform: Platform;
  format: TakedownFormat;
  out?: string;
  statuses?: readonly CaseStatus[];
  now?: Date;
  ledger: TakedownLedger;
  stdout?: (bytes: Buffer) => void;
}

/**
 * A seller-information request to one platform: the sellers behind its flagged listings (same
 * selection as a takedown), what is asked of each, and the legal basis of the platform's duty
 * to answer. Recorded as a request; case statuses do not change.
 */
export async function exportSellerInfoRequest(
  index: SellerIndex,
  config: Pick<Config, 'core' | 'leads'>,
  options: SellerInfoOptions,
): Promise<{ requestId: string; file: string; sellers: number }> {
  const now = options.now ?? new Date();
  const createdAt = now.toISOString();
  const id = makeRequestId('SI', options.platform, now, randomBytes(3).toString('hex'));
  const collected = await collectTakedownItems(index, config, {
    platform: options.platform,
    ledger: options.ledger,
    includeRequested: true,
    ...(options.statuses === undefined ? {} : { statuses: options.statuses }),
  });
  const rows = collected.map(({ seller, items }): SellerInfoRow => {
    const row: SellerInfoRow = {
      sellerKey: seller.key,
      shopId: seller.sellerId,
      categories: seller.categories,
      signs: seller.signals,
      score: seller.score,
      flaggedListings: seller.flaggedListingCount,
      listingUrls: items.map((item) => item.url),
      evidenceSha256: items.flatMap((item) =>
        item.evidenceSha256 === undefined ? [] : [item.evidenceSha256],
      ),
      caseStatus: seller.status,
    };
    if (seller.name !== undefined) row.shopName = seller.name;
    if (items[0]?.shopUrl !== undefined) row.shopUrl = items[0].shopUrl;
    if (seller.province !== undefined) row.province = seller.province;
    if (seller.locationRaw !== undefined) row.locationRaw = seller.locationRaw;
    return row;
  });
  const basis = legalBasisFor(config, { duty: 'seller_info' });
  const agency = senderEntity(config);
  const table: Table<SellerInfoRow> = {
    name: 'seller-information-request',
    columns: [
      { key: 'requestId', header: 'Request id', type: 'text', value: () => id },
      ...COLUMNS,
      {
        key: 'requestedInformation',
        header: 'Requested information',
        type: 'text',
        value: () => joinList(REQUESTED_SELLER_FIELDS),
      },
      { key: 'legalBasis', header: 'Legal basis', type: 'text', value: () => legalBasisText(basis) },
      { key: 'requestingAgency', header: 'Requesting agency', type: 'text', value: () => agency.name },
    ],
    rows,
    meta: {
      requestId: id,
      platform: options.platform,
      createdAt,
      requestingAgency: agency.name,
      sellers: rows.length,
    },
  };
  const extension = options.format === 'csv' ? 'csv' : 'json';
  const fileName = `${id}${options.format === 'notice' ? '.notice' : ''}.${extension}`;
  const file = await writeToTarget(
    options.out ?? join(exportDir(config), fileName),
    fileName,
    async (path) => {
      if (options.format === 'csv') await writeCsv(path, table);
      else if (options.format === 'json') await writeJson(path, table, (row) => row);
      else {
        await writeFileAtomically(path, async (stream) => {
          await writeChunk(
            stream,
            `${JSON.stringify(sellerInfoNotice(id, options.platform, createdAt, rows, basis, config), null, 2)}\n`,
          );
        });
      }
    },
    options.stdout,
  );
  if (rows.length > 0) {
    options.ledger.recordRequest({
      requestId: id,
      kind: 'seller_info',
      platform: options.platform,
      createdAt,
      agency: agency.name,
      listings: [],
      itemCount: rows.length,
    });
  }
  return { requestId: id, file, sellers: rows.length };
}

function sellerInfoNotice(
  id: string,
  platform: Platform,
  createdAt: string,
  rows: readonly SellerInfoRow[],
  basis: LegalBasisEntry[],
  config: Pick<Config, 'leads'>,
) {
  return {
    schema: 'ecomwatch-seller-information-request/1',
    notice: {
      id,
      type: 'GovernmentRequest',
      title: `Yêu cầu cung cấp thông tin người bán trên ${platform} (${rows.length} tài khoản)`,
      date_sent: createdAt,
      jurisdictions: ['VN'],
      language: 'vi',
      requested_action: 'provide_information',
      requested_information: REQUESTED_SELLER_FIELDS,
      entities: [senderEntity(config), recipientEntity(platform)],
      legal_basis: basis,
      subjects: rows.map((row) => ({
        shop_id: row.shopId,
        shop_name: row.shopName,
        shop_url: row.shopUrl,
        province: row.province,
        categories: row.categories,
        signs: row.signs,
        listing_urls: row.listingUrls,
        evidence_sha256: row.evidenceSha256,
        legal_basis: legalBasisFor(config, { categories: row.categories, signs: row.signs }),
      })),
    },
  };
}
