import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readZip } from '../../leads/testing/read-zip.js';
import { testWorld, type TestWorld } from '../../leads/testing/test-world.js';
import { UsageError } from '../usage-error.js';
import { runCasefile } from './casefile.js';

let w: TestWorld;
beforeEach(async () => {
  w = await testWorld();
});
afterEach(async () => {
  await w.cleanup();
});

describe('ecomwatch casefile', () => {
  it('writes the zip under the data dir by default and names missing evidence', async () => {
    const lines: string[] = [];
    expect(await runCasefile(w.index, w.config, 'shopee:s2', {}, (text) => lines.push(text))).toBe(0);
    const file = /casefile: (\S+\.zip):/.exec(lines[0]!)![1]!;
    expect(file.startsWith(join(w.dir, 'casefiles', 'shopee_s2-'))).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(readZip(file).has('SHA256SUMS')).toBe(true);
    expect(lines.join('')).toMatch(/evidence 0 of 1 present/);
    expect(lines.join('')).toMatch(/evidence\/p3\.json: not on disk/);
  });

  it('refuses a malformed or unknown seller as a usage error', async () => {
    await expect(runCasefile(w.index, w.config, 's2', {})).rejects.toThrow(UsageError);
    await expect(runCasefile(w.index, w.config, 'ebay:s2', {})).rejects.toThrow(/PLATFORM:SELLER_ID/);
    await expect(runCasefile(w.index, w.config, 'shopee:nobody', {})).rejects.toThrow(UsageError);
  });
});
