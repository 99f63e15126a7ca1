/**
 * A child process for the killed-worker test: an index-stage worker on the given queue prefix
 * and index file that logs each item key it writes to --log, prints `ready` once listening and
 * `stuck` after writing its second batch's items — where it then hangs until SIGKILLed.
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EmbeddedSellerIndex } from '../../index/embedded/embedded-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { StageWorker } from '../bullmq/stage-worker.js';
import { testConfig } from './test-config.js';

const { values } = parseArgs({
  options: {
    prefix: { type: 'string' },
    'index-file': { type: 'string' },
    log: { type: 'string' },
    redis: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});
const base = testConfig(values['data-dir']!, { queuePrefix: values.prefix!, lockDurationMillis: 1000 });
const config = { ...base, core: { ...base.core, redisUrl: values.redis! } };
const inner = new EmbeddedSellerIndex({ file: values['index-file']! });
let calls = 0;
const index: SellerIndex = Object.assign(Object.create(inner) as SellerIndex, {
  upsertItems: async (items: Parameters<SellerIndex['upsertItems']>[0]) => {
    const result = await inner.upsertItems(items);
    appendFileSync(
      values.log!,
      items.map((item) => `${item.platform}:${'listingId' in item ? String(item.listingId) : ''}\n`).join(''),
    );
    if (++calls === 2) {
      process.stdout.write('stuck\n');
      await new Promise<void>(() => undefined);
    }
    return result;
  },
});
await StageWorker.start(config, { stage: 'index', index, concurrency: 1, stalledIntervalMillis: 200 });
process.stdout.write('ready\n');
