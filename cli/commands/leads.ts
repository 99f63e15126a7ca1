import { Option, type Command } from 'commander';
import { loadConfig, type Config } from '../../config/index.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { produceDailyLeads, type DailyLeadsResult } from '../../leads/daily-leads.js';
import { isDay } from '../../leads/days.js';
import { LEAD_FORMATS, UnknownTeamError, type LeadFormat } from '../../leads/produce-leads.js';
import { UsageError } from '../usage-error.js';

export interface LeadsOptions {
  date: string;
  team?: string;
  format: string;
  out?: string;
}

export function registerLeadsCommand(program: Command): void {
  program
    .command('leads')
    .description(
      "Write each team's lead list for a day: flagged sellers new to the team or escalated since its last list",
    )
    .requiredOption('--date <YYYY-MM-DD>', 'the list day (core.timezone)')
    .option('--team <id>', 'only this team (leads.teams / leads.defaultTeam)')
    .addOption(new Option('--format <format>', 'file format').choices([...LEAD_FORMATS]).default('csv'))
    .option('--out <dir>', 'folder for the files (default <dataDir>/<leads.outDir>/<date>)')
    .action(async (options: LeadsOptions, command: Command) => {
      const config = loadConfig({ file: command.optsWithGlobals<{ config?: string }>().config });
      const index = await openSellerIndex(config);
      try {
        process.exitCode = await runLeads(index, config, options);
      } finally {
        await index.close();
      }
    });
}

/** The command's work on an open index; prints one line per list written. */
export async function runLeads(
  index: SellerIndex,
  config: Config,
  options: LeadsOptions,
  stderr: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  if (!isDay(options.date)) throw new UsageError(`--date must be a day as YYYY-MM-DD, got "${options.date}"`);
  if (!(LEAD_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${LEAD_FORMATS.join(', ')}, got "${options.format}"`);
  }
  let result: DailyLeadsResult;
  try {
    result = await produceDailyLeads(index, config, options.date, {
      formats: [options.format as LeadFormat],
      ...(options.team === undefined ? {} : { team: options.team }),
      ...(options.out === undefined ? {} : { dir: options.out }),
    });
  } catch (error) {
    if (error instanceof UnknownTeamError) throw new UsageError(error.message);
    throw error;
  }
  for (const team of result.teams) {
    stderr(`ecomwatch leads: ${team.team}: ${team.sellers} sellers → ${team.files.join(', ')}\n`);
  }
  if (result.warnings !== undefined) {
    stderr(
      `ecomwatch leads: ${result.warnings.indicators.length} early-warning indicators → ${result.warnings.file}\n`,
    );
  }
  return 0;
}
