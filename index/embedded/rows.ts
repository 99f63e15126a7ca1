import { CaseStatusSchema, type SellerRisk } from '../../records/index.js';
import type { CaseEvent, IndexedItem, ScoredItem, SellerHit } from '../seller-index.js';
import { itemFields } from '../item-fields.js';

export interface SellerRow {
  key: string;
  status: string;
  case_version: number;
  record: string;
}

export interface ItemRow {
  record: string;
}

export interface CaseEventRow {
  seller_key: string;
  at: string;
  actor: string;
  from_status: string;
  to_status: string;
  reason: string;
}

export function sellerFromRow(row: SellerRow): SellerHit {
  // The record column holds JSON this store wrote from a checked SellerRisk.
  const record = JSON.parse(row.record) as SellerRisk;
  return {
    ...record,
    status: CaseStatusSchema.parse(row.status),
    key: row.key,
    caseVersion: row.case_version,
  };
}

export function itemFromRow(row: ItemRow): IndexedItem {
  // The record column holds JSON this store wrote from a ScoredItem.
  const record = JSON.parse(row.record) as ScoredItem;
  const fields = itemFields(record);
  const item: IndexedItem = {
    key: fields.key,
    kind: fields.kind,
    platform: record.platform,
    itemId: fields.itemId,
    sellerKey: fields.sellerKey,
    title: record.title,
    url: record.url,
    capturedAt: record.capturedAt,
    score: record.risk.score,
    flagged: record.risk.flagged,
    categories: record.risk.categories,
    signals: record.risk.signals,
    reasons: record.risk.reasons,
    record,
  };
  if (record.evidence !== undefined) item.evidence = record.evidence;
  return item;
}

export function eventFromRow(row: CaseEventRow): CaseEvent {
  return {
    sellerKey: row.seller_key,
    at: row.at,
    by: row.actor,
    from: CaseStatusSchema.parse(row.from_status),
    to: CaseStatusSchema.parse(row.to_status),
    reason: row.reason,
  };
}
