import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { leadOutDir } from '../leads/produce-leads.js';
import { exportDir } from '../leads/takedown-export.js';
import type { Platform } from '../records/index.js';
import { notFound } from './errors.js';
import type { DownloadFile, Indicator, LeadListSummary, LeadsProvider } from './leads-provider.js';

const FORMATS = ['csv', 'xlsx', 'json'] as const;
const CONTENT_TYPES: Record<(typeof FORMATS)[number], string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Row counts come from the JSON file; a larger one is not parsed just to count. */
const COUNT_LIMIT_BYTES = 5_000_000;

/**
 * What the leads module wrote, read from its files: lead lists
 * (`<leads.outDir>/<date>/leads-<team>-<date>.<format>`), takedown exports
 * (`<dataDir>/exports/TD-…`) and the daily early-warning indicators. Reading files keeps the
 * server out of the module's state, and a GET never produces or records anything.
 */
export class LeadFiles implements LeadsProvider {
  constructor(private readonly config: Pick<Config, 'core' | 'leads'>) {}

  async leadLists(team: string): Promise<LeadListSummary[]> {
    const base = leadOutDir(this.config, '');
    let days: string[];
    try {
      days = (await readdir(base)).filter((name) => DAY.test(name)).sort();
    } catch {
      return [];
    }
    const lists: LeadListSummary[] = [];
    for (const date of days) {
      const formats: (typeof FORMATS)[number][] = [];
      let producedAt: string | undefined;
      for (const format of FORMATS) {
        const info = await stat(this.file(team, date, format)).catch(() => undefined);
        if (info === undefined) continue;
        formats.push(format);
        producedAt ??= info.mtime.toISOString();
      }
      if (producedAt === undefined) continue;
      lists.push({ date, producedAt, formats, sellers: await this.rowCount(team, date) });
    }
    return lists;
  }

  async leadList(input: {
    team: string;
    date: string;
    format: 'csv' | 'xlsx' | 'json';
  }): Promise<DownloadFile> {
    const path = this.file(input.team, input.date, input.format);
    const body = await readFile(path).catch(() => {
      throw notFound(`no ${input.format} lead list of team "${input.team}" for ${input.date}`);
    });
    return {
      filename: `leads-${input.team}-${input.date}.${input.format}`,
      contentType: CONTENT_TYPES[input.format],
      body,
    };
  }

  /**
   * The newest takedown request `ecomwatch takedown` wrote for the platform in that format
   * (`<dataDir>/exports/TD-<platform>-<yyyymmdd>-<hex>.csv|.json|.notice.json`). Reading it has no
   * side effect; producing one (which records the request and moves cases) stays with the command.
   */
  async takedownExport(input: {
    platform: Platform;
    format: 'csv' | 'json' | 'notice';
  }): Promise<DownloadFile> {
    const dir = exportDir(this.config);
    const suffix = input.format === 'csv' ? '.csv' : input.format === 'notice' ? '.notice.json' : '.json';
    const pattern = new RegExp(`^TD-${input.platform}-\\d{8}-[0-9a-f]+${suffix.replace(/\./g, '\\.')}$`);
    const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => pattern.test(name));
    let newest: { name: string; at: number } | undefined;
    for (const name of names) {
      const info = await stat(join(dir, name)).catch(() => undefined);
      if (info !== undefined && (newest === undefined || info.mtimeMs > newest.at))
        newest = { name, at: info.mtimeMs };
    }
    if (newest === undefined) {
      throw notFound(
        `no ${input.format} takedown export for ${input.platform} yet (\`ecomwatch takedown --platform ${input.platform} --format ${input.format}\` writes one)`,
      );
    }
    return {
      filename: newest.name,
      contentType: input.format === 'csv' ? CONTENT_TYPES.csv : CONTENT_TYPES.json,
      body: await readFile(join(dir, newest.name)),
    };
  }

  /** `early-warnings-<day>.json`, written by the daily run beside the day's lists. */
  async earlyWarnings(day: string): Promise<Indicator[] | undefined> {
    const path = join(leadOutDir(this.config, day), `early-warnings-${day}.json`);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    const parsed = JSON.parse(text) as { indicators?: unknown };
    // The file is the leads module's own output; its shape is its Indicator type.
    return Array.isArray(parsed.indicators) ? (parsed.indicators as Indicator[]) : undefined;
  }

  private file(team: string, date: string, format: string): string {
    return join(leadOutDir(this.config, date), `leads-${team}-${date}.${format}`);
  }

  private async rowCount(team: string, date: string): Promise<number | null> {
    const path = this.file(team, date, 'json');
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || info.size > COUNT_LIMIT_BYTES) return null;
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as { rows?: unknown };
      return Array.isArray(parsed.rows) ? parsed.rows.length : null;
    } catch {
      return null;
    }
  }
}
