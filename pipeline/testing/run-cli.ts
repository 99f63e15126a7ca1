import { vi } from 'vitest';
import { pipelineProgram } from './cli-harness.js';

/** Runs a command the way cli/main.ts will, capturing stdout / stderr and the exit code. */
export async function runCli(argv: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
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
  try {
    await pipelineProgram().parseAsync(['node', 'ecomwatch', ...argv]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { stdout, stderr, exitCode };
}
