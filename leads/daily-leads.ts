import { join } from 'node:path';
import type { Config } from '../config/index.js';
import type { SellerIndex } from '../index/seller-index.js';
import { writeChunk, writeFileAtomically } from './atomic-file.js';
import { earlyWarnings } from './indicators/early-warning.js';
import type { Indicator } from './indicators/indicator.js';
import { LeadLedger } from './lead-ledger.js';
import {
  LEAD_FORMATS,
  materialiseLeadList,
  selectLeads,
  leadOutDir,
  recordLeadLists,
  writeLeadList,
  type LeadFormat,
} from './produce-leads.js';
import { leadStateFile, openStateDb } from './state-db.js';
import { TakedownLedger } from './takedown-ledger.js';

export interface DailyLeadsResult {
  date: string;
  dir: string;
  teams: { team: string; sellers: number; files: string[] }[];
  /** The day's early-warning indicators (also written as early-warnings-<date>.json), for the digest. */
  warnings?: { file: string; indicators: Indicator[] };
}

/**
 * The daily schedule's entry point (the pipeline calls it): every team's list for `date`, in
 * every format, under `<dataDir>/<leads.outDir>/<date>/`. A team's list is recorded as sent only
 * after its files are written, so a failure leaves that team's baseline as it was; running the
 * same day again rewrites the same lists.
 */
export async function produceDailyLeads(
  index: SellerIndex,
  config: Pick<Config, 'core' | 'leads'>,
  date: string,
  options: {
    formats?: readonly LeadFormat[];
    dir?: string;
    team?: string;
    now?: Date;
    warnings?: boolean;
  } = {},
): Promise<DailyLeadsResult> {
  const db = openStateDb(leadStateFile(config));
  try {
    const ledger = new LeadLedger(db);
    const selections = await selectLeads(index, config, {
      date,
      ledger,
      ...(options.team === undefined ? {} : { team: options.team }),
    });
    const dir = options.dir ?? leadOutDir(config, date);
    const teams: DailyLeadsResult['teams'] = [];
    // One team at a time: its rows are built, written in every format, recorded, then dropped.
    for (const selection of selections) {
      const list = await materialiseLeadList(index, config, selection);
      const files: string[] = [];
      for (const format of options.formats ?? LEAD_FORMATS)
        files.push(await writeLeadList(list, format, dir));
      recordLeadLists(ledger, [list], options.now);
      teams.push({ team: list.team.id, sellers: list.rows.length, files });
    }
    const result: DailyLeadsResult = { date, dir, teams };
    if (options.warnings !== false) {
      const indicators = await earlyWarnings(index, config, new TakedownLedger(db), date);
      const file = join(dir, `early-warnings-${date}.json`);
      await writeFileAtomically(file, async (stream) => {
        await writeChunk(
          stream,
          `${JSON.stringify({ kind: 'early-warnings', date, indicators }, null, 2)}\n`,
        );
      });
      result.warnings = { file, indicators };
    }
    return result;
  } finally {
    db.close();
  }
}
