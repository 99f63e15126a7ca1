import type { Logger } from 'pino';
import type { RunSummary } from './run-summary.js';
import { StageProgress } from './stage-progress.js';

/** Per-stage progress: a live line on a terminal, a structured log line every 5 s otherwise. */
export function operatorProgress(log: Logger, total?: number): StageProgress {
  return new StageProgress({
    log: (counts) => {
      log.info(counts, 'pipeline progress');
    },
    ...(total === undefined ? {} : { total }),
  });
}

/** The summary at the end of a run: human lines on stderr, and off a terminal one log record too. */
export function printSummary(
  command: string,
  summary: RunSummary,
  log: Logger,
  write: (line: string) => void = (line) => process.stderr.write(`ecomwatch ${command}: ${line}\n`),
): void {
  // On a terminal the lines say it; elsewhere the log record is what gets collected.
  if (!process.stderr.isTTY) log.info(summary.toJSON(), `${command} finished`);
  for (const line of summary.lines()) write(line);
}
