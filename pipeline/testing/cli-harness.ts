/**
 * The pipeline's commands on a program of their own, until cli/main.ts registers them:
 * `node --import tsx pipeline/testing/cli-harness.ts demo --listings 500`. Tests spawn it to
 * send a worker real signals.
 */
import { Command } from 'commander';
import { registerDemoCommand } from '../../cli/commands/demo.js';
import { registerQueueCommand } from '../../cli/commands/queue.js';
import { registerRunCommand } from '../../cli/commands/run.js';
import { registerScheduleCommand } from '../../cli/commands/schedule.js';
import { registerSearchCommand } from '../../cli/commands/search.js';
import { registerWorkerCommand } from '../../cli/commands/worker.js';

export function pipelineProgram(): Command {
  const program = new Command('ecomwatch').option('-c, --config <file>', 'config file').exitOverride();
  registerRunCommand(program);
  registerDemoCommand(program);
  registerWorkerCommand(program);
  registerQueueCommand(program);
  registerSearchCommand(program);
  registerScheduleCommand(program);
  return program;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  await pipelineProgram().parseAsync(process.argv);
}
