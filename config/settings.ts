import { z } from 'zod';
import { setting, type Setting } from './setting.js';

/**
 * Every setting of ecomwatch, by section. Precedence: flags > env > file > defaults.
 * Units are in the names. Add a setting here and it is in the file, the env and the docs.
 */
export const SETTINGS = {
  core: {
    dataDir: setting(z.string().min(1), {
      default: './data',
      env: 'ECOMWATCH_DATA_DIR',
      doc: 'Where the embedded store, evidence and exports live.',
    }),
    logLevel: setting(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), {
      default: 'info',
      env: 'ECOMWATCH_LOG_LEVEL',
      doc: 'Structured log level (logs go to stderr as JSON lines).',
    }),
    timezone: setting(z.string().min(1), {
      default: 'Asia/Ho_Chi_Minh',
      env: 'ECOMWATCH_TIMEZONE',
      doc: 'Time zone of schedules and report dates.',
    }),
    redisUrl: setting(z.string().optional(), {
      default: undefined,
      env: 'REDIS_URL',
      doc: 'When set, the pipeline runs distributed on BullMQ over this Redis.',
    }),
    elasticsearchUrl: setting(z.string().optional(), {
      default: undefined,
      env: 'ELASTICSEARCH_URL',
      doc: 'When set, the seller index lives in this Elasticsearch cluster.',
    }),
  },
  scoring: {
    flagThreshold: setting(z.number().int().min(1).max(100), {
      default: 50,
      env: 'ECOMWATCH_FLAG_THRESHOLD',
      doc: 'Score at or above which a listing is flagged for an inspector.',
    }),
    classifierWeight: setting(z.number().min(0).max(100), {
      default: 20,
      env: 'ECOMWATCH_CLASSIFIER_WEIGHT',
      doc: 'Most points the learned classifier may add to a score (0 turns it off).',
    }),
  },
} as const;

type Sections = typeof SETTINGS;
export type Config = {
  [S in keyof Sections]: {
    [F in keyof Sections[S]]: Sections[S][F] extends Setting<infer Z> ? z.output<Z> : never;
  };
};
