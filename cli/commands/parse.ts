import { Command, Option } from 'commander';
import { parseSavedFiles } from '../../crawlers/parse-files.js';
import { PLATFORMS, type Platform } from '../../records/index.js';
import { openOutput } from '../io/jsonl.js';

/** Same value as EXIT.rejected in cli/main.ts (not imported: main imports the commands). */
const EXIT_REJECTED = 3;

export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description(
      'Run a platform parser on saved pages, API responses or capture bundles and print Listing/Livestream JSONL.',
    )
    .addOption(
      new Option('--platform <platform>', 'which parser to use').choices(PLATFORMS).makeOptionMandatory(),
    )
    .option('--out <file>', 'output file (written atomically), or - for stdout', '-')
    .argument('<files...>', 'saved HTML / JSON files')
    .action(async (files: string[], options: { platform: Platform; out: string }) => {
      const output = openOutput(options.out);
      let result;
      try {
        result = await parseSavedFiles(options.platform, files, (record) =>
          output.write(JSON.stringify(record)),
        );
        await output.commit();
      } catch (error) {
        await output.abort();
        throw error;
      }
      for (const problem of result.rejected)
        process.stderr.write(`ecomwatch parse: ${problem.file}: ${problem.reason}\n`);
      for (const file of result.empty)
        process.stderr.write(`ecomwatch parse: ${file}: parsed, but it lists no products\n`);
      process.stderr.write(
        `ecomwatch parse: ${result.records} record(s) from ${files.length - result.rejected.length}/${files.length} file(s)\n`,
      );
      if (result.rejected.length > 0) process.exitCode = EXIT_REJECTED;
    });
}
