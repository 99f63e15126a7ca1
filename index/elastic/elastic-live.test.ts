import { randomBytes } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { describe } from 'vitest';
import { sellerIndexContract } from '../contract/seller-index.contract.js';
import { ElasticSellerIndex } from './elastic-seller-index.js';
import { INDEX_KINDS } from './mappings.js';

// The one place tests read ELASTICSEARCH_URL: this suite needs a real cluster and says so
// in its name when it is skipped (docker compose up -d elasticsearch, then set the URL).
const url = process.env.ELASTICSEARCH_URL;
const title =
  url === undefined || url === ''
    ? 'live Elasticsearch (skipped: ELASTICSEARCH_URL is not set)'
    : `live Elasticsearch at ${url}`;

describe.skipIf(url === undefined || url === '')(title, () => {
  sellerIndexContract('Elasticsearch', async () => {
    const client = new Client({ node: url ?? '' });
    const prefix = `ecomwatch-test-${randomBytes(4).toString('hex')}`;
    const index = new ElasticSellerIndex({ client, prefix });
    await index.open();
    return {
      index,
      async cleanup() {
        // Wildcard deletes are refused by default (action.destructive_requires_name): name them.
        const indices = Object.keys(
          await client.indices.get({ index: `${prefix}-*`, expand_wildcards: 'all' }),
        );
        if (indices.length > 0) await client.indices.delete({ index: indices });
        for (const kind of INDEX_KINDS) {
          await client.indices.deleteIndexTemplate({ name: `${prefix}-${kind}` }, { ignore: [404] });
        }
        await index.close();
        await client.close();
      },
    };
  });
});
