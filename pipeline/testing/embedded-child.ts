/**
 * A child process for the crash test: runs the embedded pipeline over a JSONL file into a data
 * dir, prints `batch <n>` after each committed batch and `done <summary JSON>` at the end, and
 * logs every item key it upserts (one line each) to --upsert-log. The test kills it with
 * SIGKILL mid-run and starts it again.
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openSellerIndex } from '../../index/open-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { listingKey } from '../../records/listing.js';
import { livestreamKey } from '../../records/livestream.js';
import { isLivestream } from '../../scoring/sellers/index.js';
import { openEmbeddedPipeline } from '../embedded/open-embedded-pipeline.js';
import { feedJsonl } from '../sources/jsonl-source.js';
import { testConfig } from './test-config.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    in: { type: 'string' },
    'batch-size': { type: 'string', default: '50' },
    'upsert-log': { type: 'string' },
  },
});
const config = testConfig(values['data-dir']!, {
  batchSize: Number(values['batch-size']),
  maxBufferedRecords: Number(values['batch-size']) * 2,
});
const index = await openSellerIndex(config);
const upsertLog = values['upsert-log']!;
const logging: SellerIndex = Object.assign(Object.create(index) as SellerIndex, {
  upsertItems: async (items: Parameters<SellerIndex['upsertItems']>[0]) => {
    const result = await index.upsertItems(items);
    appendFileSync(
      upsertLog,
      items.map((item) => `${isLivestream(item) ? livestreamKey(item) : listingKey(item)}\n`).join(''),
    );
    return result;
  },
});
let batches = 0;
const pipeline = await openEmbeddedPipeline(config, {
  index: logging,
  onBatch: () => {
    batches++;
    process.stdout.write(`batch ${batches}\n`);
  },
});
await feedJsonl(values.in!, pipeline);
const summary = await pipeline.finish();
await pipeline.close();
await index.close();
process.stdout.write(`done ${JSON.stringify(summary.toJSON())}\n`);
