import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { EmbeddedSellerIndex } from './embedded/embedded-seller-index.js';
import { ElasticSellerIndex } from './elastic/elastic-seller-index.js';
import { mockElasticsearch, esError, bulkReply } from './elastic/mock-connection.js';
import { openSellerIndex } from './open-seller-index.js';

/** An empty config file, so a developer's ./ecomwatch.config.yaml never leaks into the test. */
function emptyConfigFile(dir: string): string {
  const file = join(dir, 'ecomwatch.config.yaml');
  writeFileSync(file, '');
  return file;
}

describe('openSellerIndex', () => {
  it('opens the embedded file under the data dir when no Elasticsearch URL is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecomwatch-open-'));
    try {
      const config = loadConfig({
        file: emptyConfigFile(dir),
        env: { ECOMWATCH_DATA_DIR: join(dir, 'data') },
      });
      const index = await openSellerIndex(config);
      expect(index).toBeInstanceOf(EmbeddedSellerIndex);
      expect(existsSync(join(dir, 'data', 'seller-index.sqlite'))).toBe(true);
      await index.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('chooses Elasticsearch when the URL is set, with the configured prefix, and sets the indices up', async () => {
    const { client, sent } = mockElasticsearch((request) => {
      if (request.path.startsWith('/_alias/')) return esError(404, 'aliases_not_found_exception', 'missing');
      if (request.path.endsWith('/_bulk')) return bulkReply(request.body);
      return { body: { acknowledged: true } };
    });
    const dir = mkdtempSync(join(tmpdir(), 'ecomwatch-open-'));
    try {
      const config = loadConfig({
        file: emptyConfigFile(dir),
        env: { ELASTICSEARCH_URL: 'http://localhost:9200', ECOMWATCH_INDEX_ELASTICSEARCH_PREFIX: 'ops' },
      });
      const index = await openSellerIndex(config, { elasticsearchClient: client });
      expect(index).toBeInstanceOf(ElasticSellerIndex);
      expect(sent.map((request) => request.path)).toContain('/_index_template/ops-sellers');
      await index.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
