import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSellerIndex } from '../../index/embedded/embedded-seller-index.js';
import { Scorer } from '../../scoring/scorer.js';
import { InvalidInput } from '../invalid-input.js';
import { StageProgress } from '../stage-progress.js';
import { sampleListings } from '../testing/sample-records.js';
import { EmbeddedPipeline } from './embedded-pipeline.js';
import { ProgressStore } from './progress-store.js';

let scorer: Scorer;
beforeAll(() => {
  scorer = Scorer.create({ flagThreshold: 50, classifierWeight: 10 });
});

describe('EmbeddedPipeline', () => {
  let index: EmbeddedSellerIndex;
  let store: ProgressStore;
  afterEach(async () => {
    await index.close();
    store.close();
  });

  function pipeline(batchSize: number, maxBuffered: number, onBatch?: () => void): EmbeddedPipeline {
    index = new EmbeddedSellerIndex({ file: ':memory:' });
    store = new ProgressStore(':memory:');
    return new EmbeddedPipeline({
      context: { scorer, index, sellers: store, ledger: store },
      batchSize,
      maxBuffered,
      ...(onBatch === undefined ? {} : { onBatch }),
    });
  }

  it('holds a fast producer back: never more than maxBuffered records wait', async () => {
    let pushed = 0;
    let done = 0;
    let mostWaiting = 0;
    const run = pipeline(20, 60, () => {
      done = run.summary.processed + run.summary.unchanged;
    });
    for (const listing of sampleListings(1000)) {
      await run.push(listing, 'test');
      pushed++;
      mostWaiting = Math.max(mostWaiting, pushed - done);
    }
    const summary = await run.finish();
    expect(summary.processed).toBe(1000);
    // The batch being processed plus a full buffer, never the whole input.
    expect(mostWaiting).toBeLessThanOrEqual(60 + 20);
    expect(summary.sellerCount).toBe(200);
    await run.close();
  });

  it('counts rejections by reason and lets the good records through', async () => {
    const run = pipeline(10, 10);
    const [good] = sampleListings(1);
    await run.push(good, 'line 1');
    await run.push({ platform: 'tiki', title: 'no id' }, 'line 2');
    await run.push(new InvalidInput('not valid JSON (Unexpected end)'), 'line 3');
    const summary = await run.finish();
    expect(summary.processed).toBe(1);
    expect(summary.rejected).toBe(2);
    expect(summary.rejections.map((rejection) => rejection.source)).toEqual(['line 2', 'line 3']);
    expect(summary.lines().join('\n')).toMatch(/rejected 1× not a valid listing: listingId/);
    await run.close();
  });

  it('fails the producer when a stage fails, instead of hanging or losing the error', async () => {
    const run = pipeline(2, 4);
    await index.close();
    const pushes = sampleListings(10).map((listing) => run.push(listing, 'test'));
    await expect(Promise.all([...pushes, run.finish()])).rejects.toThrow();
    index = new EmbeddedSellerIndex({ file: ':memory:' });
  });

  it('draws per-stage progress on a terminal', () => {
    const written: string[] = [];
    const stream = {
      isTTY: true,
      write: (text: string) => written.push(text),
    } as unknown as NodeJS.WriteStream;
    const progress = new StageProgress({ stream, total: 10 });
    progress.add('normalise', 10);
    expect(written.join('')).toMatch(/normalise 10 .*score 0 .*index 0/);
    progress.done();
  });
});
