import { runProgram, type ProgramRun } from '../../cli/testing/run-program.js';
import { pipelineProgram } from './cli-harness.js';

/** Runs a pipeline command the way cli/main.ts will, capturing stdout / stderr and the exit code. */
export function runCli(argv: string[]): Promise<ProgramRun> {
  return runProgram(pipelineProgram(), argv);
}
