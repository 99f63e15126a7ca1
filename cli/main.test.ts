import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureRun } from './testing/run-program.js';

/** What `ecomwatch …argv` printed, stdout and stderr together, and its exit code. */
async function ecomwatch(...argv: string[]): Promise<{ out: string; exitCode: number }> {
  const { stdout, stderr, exitCode } = await captureRun(() => main(['node', 'ecomwatch', ...argv]));
  return { out: stdout + stderr, exitCode };
}

describe('ecomwatch (the program)', () => {
  it('lists every command in --help, though it loads only the one it runs', async () => {
    const { out, exitCode } = await ecomwatch('--help');
    expect(exitCode).toBe(0);
    for (const name of [
      'demo',
      'crawl',
      'parse',
      'score',
      'run',
      'worker',
      'queue',
      'schedule',
      'search',
      'leads',
      'takedown',
      'casefile',
      'report',
      'serve',
      'token',
    ]) {
      expect(out).toMatch(new RegExp(`\\n  ${name} `));
    }
  });

  it('finds the command after the global --config option and its value', async () => {
    const { out, exitCode } = await ecomwatch('-c', 'missing.yaml', 'score', '--help');
    expect(exitCode).toBe(0);
    expect(out).toMatch(/Usage: ecomwatch score/);
  });

  it('suggests the command meant by a typo', async () => {
    const { out, exitCode } = await ecomwatch('scor');
    expect(exitCode).toBe(2);
    expect(out).toMatch(/Did you mean score\?/);
  });
});
