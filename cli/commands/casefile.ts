import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config/index.js';
import { NotFoundError } from '../../index/errors.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { buildCaseFile } from '../../leads/case-file.js';
import { leadStateFile, openStateDb } from '../../leads/state-db.js';
import { TakedownLedger } from '../../leads/takedown-ledger.js';
import { PLATFORMS } from '../../records/index.js';
import { UsageError } from '../usage-error.js';

export interface CasefileOptions {
  out?: string;
  by?: string;
}

export function registerCasefileCommand(program: Command): void {
  program
    .command('casefile')
    .description(
      "Zip one seller's case file: listings, every evidence file on disk, their SHA-256 list, timeline and audit log",
    )
    .argument('<seller>', 'PLATFORM:SELLER_ID, e.g. shopee:123456')
    .option('--out <file>', 'the zip (default <dataDir>/casefiles/<seller>-<time>.zip)')
    .option('--by <name>', 'who made the case file (audit log)')
    .action(async (seller: string, options: CasefileOptions, command: Command) => {
      const config = loadConfig({ file: command.optsWithGlobals<{ config?: string }>().config });
      const index = await openSellerIndex(config);
      try {
        process.exitCode = await runCasefile(index, config, seller, options);
      } finally {
        await index.close();
      }
    });
}

export async function runCasefile(
  index: SellerIndex,
  config: Config,
  sellerKey: string,
  options: CasefileOptions,
  stderr: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  const platform = sellerKey.slice(0, sellerKey.indexOf(':'));
  if (
    !sellerKey.includes(':') ||
    !(PLATFORMS as readonly string[]).includes(platform) ||
    sellerKey.endsWith(':')
  ) {
    throw new UsageError(
      `the seller must be PLATFORM:SELLER_ID with a platform of ${PLATFORMS.join(', ')}, got "${sellerKey}"`,
    );
  }
  const db = openStateDb(leadStateFile(config));
  try {
    const result = await buildCaseFile(index, config, sellerKey, {
      ledger: new TakedownLedger(db),
      ...(options.out === undefined ? {} : { out: options.out }),
      ...(options.by === undefined ? {} : { by: options.by }),
    });
    const present = result.evidence.filter((entry) => entry.present).length;
    const altered = result.evidence.filter((entry) => entry.matches === false);
    stderr(
      `ecomwatch casefile: ${result.file}: ${result.entries.length} files, evidence ${present} of ${result.evidence.length} present\n`,
    );
    for (const entry of altered) stderr(`  evidence ${entry.path} does not match its recorded SHA-256\n`);
    for (const entry of result.evidence.filter((e) => !e.present))
      stderr(`  evidence ${entry.path}: ${entry.why ?? 'missing'}\n`);
    return 0;
  } catch (error) {
    if (error instanceof NotFoundError) throw new UsageError(error.message);
    throw error;
  } finally {
    db.close();
  }
}
