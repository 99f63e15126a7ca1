import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

let out = '';

afterEach(() => {
  vi.restoreAllMocks();
  out = '';
});

function capture(): void {
  const write = (chunk: string | Uint8Array): boolean => {
    out += String(chunk);
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(write);
  vi.spyOn(process.stderr, 'write').mockImplementation(write);
}

describe('ecomwatch (the program)', () => {
  it('lists every command in --help, though it loads only the one it runs', async () => {
    capture();
    expect(await main(['node', 'ecomwatch', '--help'])).toBe(0);
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
    capture();
    expect(await main(['node', 'ecomwatch', '-c', 'missing.yaml', 'score', '--help'])).toBe(0);
    expect(out).toMatch(/Usage: ecomwatch score/);
  });

  it('suggests the command meant by a typo', async () => {
    capture();
    expect(await main(['node', 'ecomwatch', 'scor'])).toBe(2);
    expect(out).toMatch(/Did you mean score\?/);
  });
});
