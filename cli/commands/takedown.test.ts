import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveCase } from '../../leads/testing/move-case.js';
import { testWorld, type TestWorld } from '../../leads/testing/test-world.js';
import { UsageError } from '../usage-error.js';
import { runTakedown, type TakedownOptions } from './takedown.js';

let w: TestWorld;
beforeEach(async () => {
  w = await testWorld();
  await moveCase(w.index, 'shopee:s1', ['reviewing', 'confirmed', 'referred']);
});
afterEach(async () => {
  await w.cleanup();
});

const options = (extra: Partial<TakedownOptions>): TakedownOptions => ({
  platform: 'shopee',
  format: 'csv',
  request: 'takedown',
  status: [],
  includeRequested: false,
  mark: true,
  ...extra,
});

describe('ecomwatch takedown', () => {
  it('writes the default file under the data dir and reports what it marked', async () => {
    const lines: string[] = [];
    const code = await runTakedown(w.index, w.config, options({}), { stderr: (text) => lines.push(text) });
    expect(code).toBe(0);
    const file = /→ (\S+);/.exec(lines[0]!)![1]!;
    expect(file.startsWith(join(w.dir, 'exports'))).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(lines[0]).toMatch(/2 listings of 1 sellers.*1 cases now takedown_requested/);
  });

  it('writes a notice to stdout with --out -', async () => {
    const chunks: Buffer[] = [];
    await runTakedown(w.index, w.config, options({ format: 'notice', out: '-' }), {
      stderr: () => undefined,
      stdout: (bytes) => chunks.push(bytes),
    });
    const notice = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { notice: { item_count: number } };
    expect(notice.notice.item_count).toBe(2);
  });

  it('writes a seller-information request', async () => {
    const out = join(w.dir, 'si.json');
    await runTakedown(w.index, w.config, options({ request: 'seller-info', format: 'json', out }), {
      stderr: () => undefined,
    });
    expect((JSON.parse(readFileSync(out, 'utf8')) as { rows: unknown[] }).rows).toHaveLength(1);
  });

  it('refuses a bad platform, format or status', async () => {
    await expect(runTakedown(w.index, w.config, options({ platform: 'ebay' }))).rejects.toThrow(UsageError);
    await expect(runTakedown(w.index, w.config, options({ format: 'xml' }))).rejects.toThrow(/--format/);
    await expect(runTakedown(w.index, w.config, options({ status: ['open'] }))).rejects.toThrow(/--status/);
  });
});
