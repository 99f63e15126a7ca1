import type { Command } from 'commander';
import { vi } from 'vitest';

export interface ProgramRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs a command the way cli/main.ts does and captures what it printed and its exit code:
 * the one place tests stand in for the terminal.
 */
export async function runProgram(program: Command, argv: readonly string[]): Promise<ProgramRun> {
  return captureRun(async () => {
    await program.parseAsync(['node', 'ecomwatch', ...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  });
}

/** Captures stdout and stderr while `run` works out an exit code; the exit code is reset after. */
export async function captureRun(run: () => Promise<number>): Promise<ProgramRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  let exitCode: number;
  try {
    exitCode = await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
  return { stdout, stderr, exitCode };
}
