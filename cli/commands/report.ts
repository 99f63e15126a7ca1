import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig, type Config } from '../../config/index.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { isDay, today } from '../../leads/days.js';
import { buildPeriodReport } from '../../leads/report/build-report.js';
import { REPORT_PERIODS, type ReportPeriod } from '../../leads/report/period.js';
import { REPORT_FORMATS, writeReport, type ReportFormat } from '../../leads/report/write-report.js';
import { leadStateFile, openStateDb } from '../../leads/state-db.js';
import { TakedownLedger } from '../../leads/takedown-ledger.js';
import { UsageError } from '../usage-error.js';

export interface ReportOptions {
  period: string;
  at?: string;
  format: string[];
  out?: string;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'Monthly, quarterly, six-monthly or annual report: counts by category, province, platform and sign; takedowns requested, removed and median days to removal',
    )
    .addOption(
      new Option('--period <period>', 'the reporting period')
        .choices([...REPORT_PERIODS])
        .makeOptionMandatory(),
    )
    .option('--at <YYYY-MM-DD>', 'a day in the period to report (default today, core.timezone)')
    .option(
      '--format <format>',
      'xlsx and/or json (repeat or comma-separate; default both)',
      (value: string, previous: string[]) => [...previous, ...value.split(',').map((part) => part.trim())],
      [],
    )
    .option('--out <dir>', 'folder for the files (default <dataDir>/reports)')
    .action(async (options: ReportOptions, command: Command) => {
      const config = loadConfig({ file: command.optsWithGlobals<{ config?: string }>().config });
      const index = await openSellerIndex(config);
      try {
        process.exitCode = await runReport(index, config, options);
      } finally {
        await index.close();
      }
    });
}

export async function runReport(
  index: SellerIndex,
  config: Config,
  options: ReportOptions,
  stderr: (text: string) => void = (text) => process.stderr.write(text),
  now: Date = new Date(),
): Promise<number> {
  if (!(REPORT_PERIODS as readonly string[]).includes(options.period)) {
    throw new UsageError(`--period must be one of ${REPORT_PERIODS.join(', ')}, got "${options.period}"`);
  }
  const at = options.at ?? today(config.core.timezone, now);
  if (!isDay(at)) throw new UsageError(`--at must be a day as YYYY-MM-DD, got "${at}"`);
  const formats = options.format.length > 0 ? options.format : [...REPORT_FORMATS];
  const bad = formats.find((format) => !(REPORT_FORMATS as readonly string[]).includes(format));
  if (bad !== undefined) throw new UsageError(`--format must be xlsx or json, got "${bad}"`);

  // The ledger is read only if takedowns were ever exported: a report never creates it.
  const stateFile = leadStateFile(config);
  const db = existsSync(stateFile) ? openStateDb(stateFile) : undefined;
  try {
    const report = await buildPeriodReport(
      index,
      config,
      db === undefined ? undefined : new TakedownLedger(db),
      {
        period: options.period as ReportPeriod,
        at,
        now,
      },
    );
    const paths = await writeReport(
      report,
      formats as ReportFormat[],
      options.out ?? join(config.core.dataDir, 'reports'),
    );
    stderr(
      `ecomwatch report: ${report.period} ${report.label} (${report.from} – ${report.to}${report.complete ? '' : ', still running'}): ` +
        `${report.sellers.active} flagged sellers active, ${report.takedowns.requested} listings requested for takedown → ${paths.join(', ')}\n`,
    );
    return 0;
  } finally {
    db?.close();
  }
}
