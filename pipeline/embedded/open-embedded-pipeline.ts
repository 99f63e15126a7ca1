import { isAbsolute, join } from 'node:path';
import type { Config } from '../../config/index.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { Scorer } from '../../scoring/scorer.js';
import type { BatchOutcome } from '../process-batch.js';
import type { StageProgress } from '../stage-progress.js';
import { EmbeddedPipeline } from './embedded-pipeline.js';
import { ProgressStore } from './progress-store.js';

export interface OpenEmbeddedOptions {
  progress?: StageProgress;
  onBatch?: (outcome: BatchOutcome) => void;
  /** Use this index (left open on close) instead of the configured one. */
  index?: SellerIndex;
  /** Use this scorer instead of building one from `config.scoring`. */
  scorer?: Scorer;
}

/**
 * The embedded pipeline as a deployment is configured: the scorer, the configured seller
 * index (the embedded file by default) and the progress file under the data dir. Closing
 * the pipeline closes what this opened.
 */
export async function openEmbeddedPipeline(
  config: Config,
  options: OpenEmbeddedOptions = {},
): Promise<EmbeddedPipeline> {
  const scorer = options.scorer ?? Scorer.create(config.scoring);
  const store = new ProgressStore(progressFile(config));
  let index: SellerIndex;
  try {
    index = options.index ?? (await openSellerIndex(config));
  } catch (error) {
    store.close();
    throw error;
  }
  const ownsIndex = options.index === undefined;
  return new EmbeddedPipeline({
    context: { scorer, sellers: store, ledger: store, index },
    batchSize: config.pipeline.batchSize,
    maxBuffered: Math.max(config.pipeline.maxBufferedRecords, config.pipeline.batchSize),
    ...(options.progress === undefined ? {} : { progress: options.progress }),
    ...(options.onBatch === undefined ? {} : { onBatch: options.onBatch }),
    onClose: async () => {
      store.close();
      if (ownsIndex) await index.close();
    },
  });
}

export function progressFile(config: Config): string {
  const file = config.pipeline.progressFile;
  return isAbsolute(file) ? file : join(config.core.dataDir, file);
}
