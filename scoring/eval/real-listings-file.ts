import { fileURLToPath } from 'node:url';

/** Real, mostly ordinary listings saved by public crawlers (../shared/data/README.md). */
export const REAL_LISTINGS_FILE = fileURLToPath(
  new URL('../../../shared/data/real-listings-dev.jsonl', import.meta.url),
);
