import { isAbsolute, join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Database } from 'better-sqlite3';
import type { Config } from '../config/index.js';
import { EmbeddedSellerIndex } from './embedded/embedded-seller-index.js';
import { ElasticSellerIndex } from './elastic/elastic-seller-index.js';
import type { SellerIndex } from './seller-index.js';

export interface OpenSellerIndexOptions {
  /** Use this Elasticsearch client (left open on close) instead of connecting to the URL. */
  elasticsearchClient?: Client;
  /** Use this SQLite database (left open on close) instead of opening the file. */
  db?: Database;
}

/**
 * The seller index a deployment is configured for: Elasticsearch when
 * `core.elasticsearchUrl` (ELASTICSEARCH_URL) is set or a client is injected, else the
 * embedded SQLite file under the data dir. The index is ready to use when this resolves.
 */
export async function openSellerIndex(
  config: Config,
  options: OpenSellerIndexOptions = {},
): Promise<SellerIndex> {
  const { core, index } = config;
  if (options.elasticsearchClient !== undefined || core.elasticsearchUrl !== undefined) {
    const elastic = new ElasticSellerIndex({
      ...(options.elasticsearchClient !== undefined ? { client: options.elasticsearchClient } : {}),
      ...(core.elasticsearchUrl !== undefined ? { node: core.elasticsearchUrl } : {}),
      prefix: index.elasticsearchPrefix,
      timeZone: core.timezone,
      bulk: { retries: index.bulkRetries },
    });
    try {
      await elastic.open();
    } catch (error) {
      await elastic.close();
      throw error;
    }
    return elastic;
  }
  if (options.db !== undefined) return new EmbeddedSellerIndex({ db: options.db, timeZone: core.timezone });
  return new EmbeddedSellerIndex({ file: embeddedIndexFile(config), timeZone: core.timezone });
}

export function embeddedIndexFile(config: Config): string {
  const file = config.index.embeddedFile;
  return isAbsolute(file) ? file : join(config.core.dataDir, file);
}
