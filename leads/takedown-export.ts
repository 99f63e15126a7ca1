import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { ConflictError } from '../index/errors.js';
import type { SellerIndex } from '../index/seller-index.js';
import type { CaseStatus, Platform } from '../records/index.js';
import { writeChunk, writeFileAtomically } from './atomic-file.js';
import { writeToTarget } from './export-target.js';
import { requestId as makeRequestId, senderEntity } from './request-parties.js';
import { joinList, type Column, type Table } from './table.js';
import { collectTakedownItems, type TakedownItem } from './takedown-items.js';
import type { TakedownLedger } from './takedown-ledger.js';
import { takedownNotice } from './takedown-notice.js';
import { writeCsv } from './write-csv.js';
import { writeJson } from './write-json.js';

export const TAKEDOWN_FORMATS = ['csv', 'json', 'notice'] as const;
export type TakedownFormat = (typeof TAKEDOWN_FORMATS)[number];

export const TAKEDOWN_COLUMNS: readonly Column<TakedownItem>[] = [
  { key: 'listingUrl', header: 'Listing URL', type: 'url', value: (item) => item.url },
  { key: 'listingId', header: 'Listing id', type: 'text', value: (item) => item.listingId },
  { key: 'kind', header: 'Kind', type: 'text', value: (item) => item.kind },
  { key: 'title', header: 'Title', type: 'text', width: 40, value: (item) => item.title },
  { key: 'shopId', header: 'Shop id', type: 'text', value: (item) => item.shopId },
  { key: 'shopName', header: 'Shop name', type: 'text', value: (item) => item.shopName },
  { key: 'categories', header: 'Category', type: 'text', value: (item) => joinList(item.categories) },
  { key: 'signs', header: 'Violation sign', type: 'text', value: (item) => joinList(item.signs) },
  { key: 'legalBasis', header: 'Legal basis', type: 'text', width: 80, value: (item) => item.legalBasisText },
  {
    key: 'legalBasisStatus',
    header: 'Legal basis status',
    type: 'text',
    value: (item) => joinList(item.legalBasis.map((entry) => entry.status)),
  },
  {
    key: 'evidenceSha256',
    header: 'Evidence SHA-256',
    type: 'text',
    width: 66,
    value: (item) => item.evidenceSha256,
  },
  {
    key: 'evidenceCapturedAt',
    header: 'Evidence captured at',
    type: 'datetime',
    value: (item) => item.evidenceCapturedAt ?? item.capturedAt,
  },
  { key: 'score', header: 'Score', type: 'integer', value: (item) => item.score },
];

export interface TakedownExportOptions {
  platform: Platform;
  format: TakedownFormat;
  /** A file path, or `-` for stdout; default `<dataDir>/exports/<request id>.<ext>`. */
  out?: string;
  statuses?: readonly CaseStatus[];
  includeRequested?: boolean;
  /** Record the request and move referred cases to takedown_requested (default true). */
  mark?: boolean;
  by?: string;
  now?: Date;
  ledger: TakedownLedger;
  stdout?: (bytes: Buffer) => void;
}

export interface TakedownExportResult {
  requestId: string;
  file: string;
  items: number;
  sellers: number;
  /** Cases moved to takedown_requested. */
  marked: string[];
  /** Sellers whose case was left as it was, and why. */
  notMarked: { sellerKey: string; status: CaseStatus; why: string }[];
}

/**
 * One takedown request for one platform: its flagged listings only, with legal basis,
 * evidence hash and capture time, and the requesting agency. Once the file is written the
 * request and its listings are recorded (a listing goes out once) and each seller whose case
 * was `referred` moves to `takedown_requested` through the index, with the request id as reason.
 */
export async function exportTakedowns(
  index: SellerIndex,
  config: Pick<Config, 'core' | 'leads'>,
  options: TakedownExportOptions,
): Promise<TakedownExportResult> {
  const now = options.now ?? new Date();
  const createdAt = now.toISOString();
  const id = makeRequestId('TD', options.platform, now, randomBytes(3).toString('hex'));
  const collected = await collectTakedownItems(index, config, {
    platform: options.platform,
    ledger: options.ledger,
    ...(options.statuses === undefined ? {} : { statuses: options.statuses }),
    ...(options.includeRequested === undefined ? {} : { includeRequested: options.includeRequested }),
  });
  const items = collected.flatMap((entry) => entry.items);
  const agency = senderEntity(config);
  const extension = options.format === 'csv' ? 'csv' : 'json';
  const fileName = `${id}${options.format === 'notice' ? '.notice' : ''}.${extension}`;
  const target = options.out ?? join(exportDir(config), fileName);

  const file = await writeToTarget(
    target,
    fileName,
    async (path) => {
      switch (options.format) {
        case 'csv':
          await writeCsv(path, takedownTable(id, options.platform, createdAt, items, agency.name));
          break;
        case 'json':
          await writeJson(
            path,
            takedownTable(id, options.platform, createdAt, items, agency.name),
            (item) => item,
          );
          break;
        case 'notice':
          await writeFileAtomically(path, async (stream) => {
            const notice = takedownNotice(config, {
              requestId: id,
              platform: options.platform,
              createdAt,
              items,
            });
            await writeChunk(stream, `${JSON.stringify(notice, null, 2)}\n`);
          });
          break;
      }
    },
    options.stdout,
  );

  const result: TakedownExportResult = {
    requestId: id,
    file,
    items: items.length,
    sellers: collected.length,
    marked: [],
    notMarked: [],
  };
  if (options.mark === false || items.length === 0) return result;
  options.ledger.recordRequest({
    requestId: id,
    kind: 'takedown',
    platform: options.platform,
    createdAt,
    agency: agency.name,
    listings: items.map((item) => ({
      listingKey: item.listingKey,
      platform: item.platform,
      listingId: item.listingId,
      sellerKey: item.sellerKey,
      title: item.title,
      images: item.images,
      categories: item.categories,
    })),
  });
  for (const { seller, items: sellerItems } of collected) {
    if (seller.status !== 'referred') {
      if (seller.status !== 'takedown_requested') {
        result.notMarked.push({
          sellerKey: seller.key,
          status: seller.status,
          why: 'only a referred case moves to takedown_requested; its listings are recorded as requested',
        });
      }
      continue;
    }
    try {
      await index.setCaseStatus({
        sellerKey: seller.key,
        to: 'takedown_requested',
        expectedStatus: 'referred',
        expectedVersion: seller.caseVersion,
        by: options.by ?? 'ecomwatch takedown',
        reason: `takedown request ${id} to ${options.platform}: ${sellerItems.length} listing(s)`,
        at: createdAt,
      });
      result.marked.push(seller.key);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      result.notMarked.push({ sellerKey: seller.key, status: seller.status, why: error.message });
    }
  }
  return result;
}

function takedownTable(
  id: string,
  platform: Platform,
  createdAt: string,
  items: readonly TakedownItem[],
  agency: string,
): Table<TakedownItem> {
  return {
    name: 'takedown-request',
    columns: [
      { key: 'requestId', header: 'Request id', type: 'text', value: () => id },
      ...TAKEDOWN_COLUMNS,
      { key: 'requestingAgency', header: 'Requesting agency', type: 'text', width: 40, value: () => agency },
    ],
    rows: items,
    meta: { requestId: id, platform, createdAt, requestingAgency: agency, items: items.length },
  };
}

export function exportDir(config: Pick<Config, 'core'>): string {
  return join(config.core.dataDir, 'exports');
}
