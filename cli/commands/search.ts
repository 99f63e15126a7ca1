import { Option, type Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { InvalidQueryError } from '../../index/errors.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import type { SearchResult, SellerHit, SellerQuery } from '../../index/seller-index.js';
import { SORT_FIELDS } from '../../index/seller-index.js';
import { openOutput } from '../io/jsonl.js';
import { UsageError } from '../usage-error.js';
import { collectList } from '../list-option.js';

interface SearchOptions {
  platform: string[];
  category: string[];
  province: string[];
  signal: string[];
  status: string[];
  minScore?: string;
  sort?: string;
  limit: string;
  cursor?: string;
  json: boolean;
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description(
      'Search flagged sellers in the index (embedded file, or Elasticsearch when ELASTICSEARCH_URL is set)',
    )
    .argument('[text]', 'words in seller names and listing titles, with or without diacritics')
    .option('--platform <p>', 'shopee, lazada, tiki, tiktok, web (repeat or comma-separate)', collectList, [])
    .option('--category <id>', 'category id from the taxonomy, e.g. e_cigarettes', collectList, [])
    .option('--province <name>', 'province, with or without diacritics ("Ha Noi")', collectList, [])
    .option('--signal <id>', 'violation sign id, e.g. counterfeit', collectList, [])
    .option('--status <status>', 'case status: new, reviewing, confirmed, …', collectList, [])
    .option('--min-score <n>', 'only sellers scoring at least n (0-100)')
    .addOption(new Option('--sort <field>', 'sort order').choices([...SORT_FIELDS]))
    .option('--limit <n>', 'sellers per page (1-100)', '20')
    .option('--cursor <cursor>', 'the next page of the same search (printed after each page)')
    .option('--json', 'JSON lines (one seller a line) instead of a table', false)
    .action(async (text: string | undefined, options: SearchOptions, command: Command) => {
      process.exitCode = await runSearch(
        text,
        options,
        command.optsWithGlobals<{ config?: string }>().config,
      );
    });
}

async function runSearch(
  text: string | undefined,
  options: SearchOptions,
  configFile: string | undefined,
): Promise<number> {
  const query = buildQuery(text, options);
  const index = await openSellerIndex(loadConfig({ file: configFile }));
  let result: SearchResult;
  try {
    result = await index.search(query);
  } catch (error) {
    if (error instanceof InvalidQueryError) throw new UsageError(error.message);
    throw error;
  } finally {
    await index.close();
  }
  const output = openOutput('-');
  if (options.json) {
    for (const seller of result.sellers) await output.write(JSON.stringify(seller));
  } else {
    for (const line of table(result.sellers)) await output.write(line);
  }
  await output.commit();
  const shown = `${result.sellers.length} of ${result.total} sellers`;
  const next = result.nextCursor === undefined ? '' : `; next page: --cursor ${result.nextCursor}`;
  process.stderr.write(`ecomwatch search: ${shown}${next}\n`);
  return 0;
}

function buildQuery(text: string | undefined, options: SearchOptions): SellerQuery {
  const query: SellerQuery = { limit: wholeNumber(options.limit, '--limit') };
  if (text !== undefined && text.trim() !== '') query.text = text;
  if (options.platform.length > 0) query.platform = options.platform;
  if (options.category.length > 0) query.category = options.category;
  if (options.province.length > 0) query.province = options.province;
  if (options.signal.length > 0) query.signal = options.signal;
  if (options.status.length > 0) query.status = options.status;
  if (options.minScore !== undefined) query.minScore = wholeNumber(options.minScore, '--min-score');
  if (options.sort !== undefined) query.sort = options.sort as NonNullable<SellerQuery['sort']>;
  if (options.cursor !== undefined) query.cursor = options.cursor;
  return query;
}

function wholeNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new UsageError(`${flag} must be a whole number, got "${text}"`);
  return value;
}

const COLUMNS: { title: string; width: number; value: (seller: SellerHit) => string }[] = [
  { title: 'SCORE', width: 5, value: (seller) => String(seller.score) },
  { title: 'SELLER', width: 26, value: (seller) => seller.key },
  { title: 'NAME', width: 30, value: (seller) => seller.name ?? '' },
  { title: 'PROVINCE', width: 16, value: (seller) => seller.province ?? '' },
  { title: 'CATEGORIES', width: 26, value: (seller) => seller.categories.join(',') },
  { title: 'FLAGGED', width: 7, value: (seller) => String(seller.flaggedListingCount) },
  { title: 'STATUS', width: 18, value: (seller) => seller.status },
];

function table(sellers: SellerHit[]): string[] {
  const row = (cells: string[]) =>
    cells
      .map((cell, i) => fit(cell, COLUMNS[i]!.width))
      .join('  ')
      .trimEnd();
  return [
    row(COLUMNS.map((column) => column.title)),
    ...sellers.map((seller) => row(COLUMNS.map((column) => column.value(seller)))),
  ];
}

/** Pads or cuts to a width counted in characters (Vietnamese text is NFC, one code point each). */
function fit(text: string, width: number): string {
  const chars = Array.from(text.normalize('NFC'));
  if (chars.length > width) return chars.slice(0, width - 1).join('') + '…';
  return text.normalize('NFC') + ' '.repeat(width - chars.length);
}
