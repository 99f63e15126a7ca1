import { join, isAbsolute } from 'node:path';
import type { Config } from '../config/index.js';
import type { SellerIndex } from '../index/seller-index.js';
import { dayEnd } from './days.js';
import { leadChange, type LeadChange } from './lead-change.js';
import type { LeadLedger } from './lead-ledger.js';
import { LEAD_COLUMNS, leadJson, leadRow, type LeadRow } from './lead-row.js';
import { routeSeller } from './route-seller.js';
import { byScoreThenKey, scanSellers } from './scan-sellers.js';
import { resolveTeams, type Team } from './teams.js';
import type { Table } from './table.js';
import { writeCsv } from './write-csv.js';
import { writeJson } from './write-json.js';
import { writeXlsx } from './write-xlsx.js';

export const LEAD_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type LeadFormat = (typeof LEAD_FORMATS)[number];

export interface LeadList {
  team: Team;
  listDate: string;
  rows: LeadRow[];
}

/** Who goes on one team's list, before the listings are read: small enough for 200,000 sellers. */
export interface LeadSelection {
  team: Team;
  listDate: string;
  entries: { key: string; score: number; change: LeadChange; province?: string; because: string }[];
}

export interface BuildLeadListsOptions {
  /** The list day, YYYY-MM-DD in core.timezone: sellers first seen after it are left out. */
  date: string;
  /** Only this team's list (the others' state is untouched). */
  team?: string;
  ledger: LeadLedger;
}

/**
 * Which sellers go on each team's list for a day: every flagged seller, routed to exactly one
 * team, that is new to that team or escalated since the last list it received; strongest first.
 */
export async function selectLeads(
  index: SellerIndex,
  config: Pick<Config, 'core' | 'leads'>,
  options: BuildLeadListsOptions,
): Promise<LeadSelection[]> {
  const teams = resolveTeams(config);
  if (options.team !== undefined && !teams.byId.has(options.team)) {
    throw new UnknownTeamError(options.team, [...teams.byId.keys()]);
  }
  const baselines = options.ledger.baselinesBefore(options.date);
  const picked = new Map<string, LeadSelection>();
  for (const team of teams.all) {
    if (options.team === undefined || options.team === team.id) {
      picked.set(team.id, { team, listDate: options.date, entries: [] });
    }
  }
  const lastInstant = Date.parse(dayEnd(options.date, config.core.timezone));
  // Status and first-seen are checked here, not in the query: as filters matching nearly every
  // seller they steer the embedded store onto an index that reads the whole table per page.
  for await (const seller of scanSellers(index, { flagged: true })) {
    if (seller.status === 'dismissed' || Date.parse(seller.firstSeen) > lastInstant) continue;
    const route = routeSeller(seller, teams);
    const selection = picked.get(route.team.id);
    if (selection === undefined) continue;
    const change = leadChange(seller, baselines.get(route.team.id)?.get(seller.key));
    if (change === undefined) continue;
    selection.entries.push({
      key: seller.key,
      score: seller.score,
      change,
      because: route.because,
      ...(route.unit === undefined ? {} : { province: route.unit }),
    });
  }
  for (const selection of picked.values()) selection.entries.sort(byScoreThenKey);
  return [...picked.values()];
}

/** Reads each selected seller's page in the index and builds its row. */
export async function materialiseLeadList(
  index: SellerIndex,
  config: Pick<Config, 'leads'>,
  selection: LeadSelection,
): Promise<LeadList> {
  const rows: LeadRow[] = [];
  for (const entry of selection.entries) {
    const detail = await index.getSeller(entry.key, {
      itemLimit: Math.max(50, config.leads.exampleListings),
    });
    rows.push(
      leadRow({
        team: selection.team.id,
        listDate: selection.listDate,
        change: entry.change,
        detail,
        routedBecause: entry.because,
        exampleCount: config.leads.exampleListings,
        ...(entry.province === undefined ? {} : { province: entry.province }),
      }),
    );
  }
  return { team: selection.team, listDate: selection.listDate, rows };
}

/**
 * Every team's list for a day, rows and all. Nothing is recorded: call `recordLeadLists` once
 * the lists are written, so a failed write sends nobody "again".
 */
export async function buildLeadLists(
  index: SellerIndex,
  config: Pick<Config, 'core' | 'leads'>,
  options: BuildLeadListsOptions,
): Promise<LeadList[]> {
  const lists: LeadList[] = [];
  for (const selection of await selectLeads(index, config, options)) {
    lists.push(await materialiseLeadList(index, config, selection));
  }
  return lists;
}

/** Remembers what each list held: the baseline of the next day's lists. */
export function recordLeadLists(
  ledger: LeadLedger,
  lists: readonly LeadList[],
  now: Date = new Date(),
): void {
  for (const list of lists) {
    ledger.recordList(
      list.team.id,
      list.listDate,
      list.rows.map((row) => ({
        sellerKey: row.seller.key,
        score: row.seller.score,
        categories: row.seller.categories,
      })),
      now.toISOString(),
    );
  }
}

export function leadTable(list: LeadList): Table<LeadRow> {
  return {
    name: `leads ${list.team.id}`.slice(0, 31),
    columns: LEAD_COLUMNS,
    rows: list.rows,
    meta: {
      team: list.team.id,
      teamName: list.team.name,
      listDate: list.listDate,
      sellers: list.rows.length,
      generatedAt: new Date().toISOString(),
    },
  };
}

export function leadFileName(list: LeadList, format: LeadFormat): string {
  return `leads-${list.team.id}-${list.listDate}.${format}`;
}

/** Writes one list in one format into `dir`; returns the file path. */
export async function writeLeadList(list: LeadList, format: LeadFormat, dir: string): Promise<string> {
  const path = join(dir, leadFileName(list, format));
  const table = leadTable(list);
  switch (format) {
    case 'csv':
      await writeCsv(path, table);
      break;
    case 'xlsx':
      await writeXlsx(path, table);
      break;
    case 'json':
      await writeJson(path, table, leadJson);
      break;
  }
  return path;
}

export function leadOutDir(config: Pick<Config, 'core' | 'leads'>, date: string): string {
  const base = isAbsolute(config.leads.outDir)
    ? config.leads.outDir
    : join(config.core.dataDir, config.leads.outDir);
  return join(base, date);
}

export class UnknownTeamError extends Error {
  constructor(
    readonly team: string,
    readonly known: string[],
  ) {
    super(`no team "${team}" (teams: ${known.join(', ')})`);
    this.name = 'UnknownTeamError';
  }
}
