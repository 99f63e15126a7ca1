import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../config/index.js';
import { world } from '../../index/contract/fixtures.js';
import { EmbeddedSellerIndex } from '../../index/embedded/embedded-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';

export interface TestWorld {
  dir: string;
  config: Config;
  index: SellerIndex;
  cleanup(): Promise<void>;
}

/**
 * A temp data dir, a config read with no file and no env (plus the given `leads` settings),
 * and an embedded index filled from the index contract's fixtures unless `empty`.
 */
export async function testWorld(
  options: { leads?: Record<string, unknown>; empty?: boolean } = {},
): Promise<TestWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'ecomwatch-leads-'));
  writeFileSync(join(dir, 'empty.yaml'), '');
  const config = loadConfig({
    env: { ECOMWATCH_DATA_DIR: dir },
    file: join(dir, 'empty.yaml'),
    flags: options.leads === undefined ? {} : { leads: options.leads },
  });
  const index = new EmbeddedSellerIndex({
    file: join(dir, 'seller-index.sqlite'),
    timeZone: config.core.timezone,
  });
  if (options.empty !== true) {
    const { sellers, items } = world();
    await index.upsertItems(items);
    await index.upsertSellers(sellers);
    await index.refresh();
  }
  return {
    dir,
    config,
    index,
    async cleanup() {
      await index.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
