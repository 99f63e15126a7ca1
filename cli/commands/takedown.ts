import { Option, type Command } from 'commander';
import { loadConfig, type Config } from '../../config/index.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { leadStateFile, openStateDb } from '../../leads/state-db.js';
import { exportTakedowns, TAKEDOWN_FORMATS, type TakedownFormat } from '../../leads/takedown-export.js';
import { TakedownLedger } from '../../leads/takedown-ledger.js';
import { exportSellerInfoRequest } from '../../leads/seller-info-request.js';
import { CASE_STATUSES, PLATFORMS, type CaseStatus, type Platform } from '../../records/index.js';
import { UsageError } from '../usage-error.js';
import { collectList } from '../list-option.js';

export interface TakedownOptions {
  platform: string;
  format: string;
  out?: string;
  request: string;
  status: string[];
  includeRequested: boolean;
  mark: boolean;
  by?: string;
}

export function registerTakedownCommand(program: Command): void {
  program
    .command('takedown')
    .description(
      "Export one platform's flagged listings as a takedown request (or a seller-information request) and mark them requested",
    )
    .addOption(
      new Option('--platform <p>', 'the platform the request goes to')
        .choices([...PLATFORMS])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--format <format>', 'csv, json, or one structured JSON notice')
        .choices([...TAKEDOWN_FORMATS])
        .default('csv'),
    )
    .option('--out <file>', 'output file, - for stdout (default <dataDir>/exports/<request id>.<ext>)')
    .addOption(
      new Option('--request <kind>', 'takedown, or seller-info for a seller-information request')
        .choices(['takedown', 'seller-info'])
        .default('takedown'),
    )
    .option(
      '--status <status>',
      'case statuses to include (default referred,takedown_requested)',
      collectList,
      [],
    )
    .option('--include-requested', 'include listings already sent in an earlier request', false)
    .option('--no-mark', 'write the export without recording it or moving any case')
    .option('--by <name>', 'who sends the request (audit log)')
    .action(async (options: TakedownOptions, command: Command) => {
      const config = loadConfig({ file: command.optsWithGlobals<{ config?: string }>().config });
      const index = await openSellerIndex(config);
      try {
        process.exitCode = await runTakedown(index, config, options);
      } finally {
        await index.close();
      }
    });
}

export async function runTakedown(
  index: SellerIndex,
  config: Config,
  options: TakedownOptions,
  io: { stderr?: (text: string) => void; stdout?: (bytes: Buffer) => void } = {},
): Promise<number> {
  const stderr = io.stderr ?? ((text: string) => process.stderr.write(text));
  if (!(PLATFORMS as readonly string[]).includes(options.platform)) {
    throw new UsageError(`--platform must be one of ${PLATFORMS.join(', ')}, got "${options.platform}"`);
  }
  if (!(TAKEDOWN_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${TAKEDOWN_FORMATS.join(', ')}, got "${options.format}"`);
  }
  const badStatus = options.status.find((status) => !(CASE_STATUSES as readonly string[]).includes(status));
  if (badStatus !== undefined)
    throw new UsageError(`--status: "${badStatus}" is not a case status (${CASE_STATUSES.join(', ')})`);
  const platform = options.platform as Platform;
  const format = options.format as TakedownFormat;
  const statuses = options.status.length > 0 ? (options.status as CaseStatus[]) : undefined;
  const db = openStateDb(leadStateFile(config));
  try {
    const ledger = new TakedownLedger(db);
    const common = {
      platform,
      format,
      ledger,
      ...(options.out === undefined ? {} : { out: options.out }),
      ...(statuses === undefined ? {} : { statuses }),
      ...(io.stdout === undefined ? {} : { stdout: io.stdout }),
    };
    if (options.request === 'seller-info') {
      const result = await exportSellerInfoRequest(index, config, common);
      stderr(
        `ecomwatch takedown: seller-information request ${result.requestId}: ${result.sellers} sellers → ${result.file}\n`,
      );
      return 0;
    }
    const result = await exportTakedowns(index, config, {
      ...common,
      includeRequested: options.includeRequested,
      mark: options.mark,
      ...(options.by === undefined ? {} : { by: options.by }),
    });
    stderr(
      `ecomwatch takedown: request ${result.requestId}: ${result.items} listings of ${result.sellers} sellers → ${result.file}; ` +
        `${result.marked.length} cases now takedown_requested\n`,
    );
    for (const skipped of result.notMarked)
      stderr(`  not marked ${skipped.sellerKey} (${skipped.status}): ${skipped.why}\n`);
    return 0;
  } finally {
    db.close();
  }
}
