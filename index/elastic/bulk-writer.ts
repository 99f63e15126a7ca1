import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DroppedDocument } from '../seller-index.js';
import { StoreError } from '../errors.js';

/** One bulk action with its body, and what to call it in a dead-letter entry. */
export type BulkAction =
  | { kind: 'item' | 'seller'; action: [{ index: estypes.BulkIndexOperation }, unknown] }
  | { kind: 'item' | 'seller'; action: [{ update: estypes.BulkUpdateOperation }, estypes.BulkUpdateAction] };

export interface BulkOptions {
  /** Retries of documents the cluster answered 429 for (then they are dropped, and recorded). */
  retries: number;
  /** Milliseconds between 429 retries. */
  waitMillis: number;
  concurrency: number;
  flushBytes: number;
  refresh: boolean | 'wait_for';
}

export const DEFAULT_BULK_OPTIONS: BulkOptions = {
  retries: 3,
  waitMillis: 1000,
  concurrency: 2,
  flushBytes: 5_000_000,
  refresh: false,
};

/**
 * Sends actions through `client.helpers.bulk`. 429s are retried by the helper; every document
 * it finally drops (a 429 past the retries, a mapping error, a version conflict) comes back
 * as a `DroppedDocument`, and a failure of the whole request is a `StoreError`.
 */
export async function bulkWrite(
  client: Client,
  actions: readonly BulkAction[],
  options: BulkOptions,
  refreshIndices: readonly string[],
): Promise<{ dropped: DroppedDocument[] }> {
  const dropped: DroppedDocument[] = [];
  if (actions.length === 0) return { dropped };
  const kinds = new Map<string, 'item' | 'seller'>();
  for (let attempt = 0; ; attempt++) {
    try {
      await runHelper();
      return { dropped };
    } catch (error) {
      // A 429 for the whole request (not per document): the cluster is busy. Every action is an
      // idempotent upsert, so the batch can be sent again after a pause.
      const throttled = error instanceof errors.ResponseError && error.statusCode === 429;
      if (throttled && attempt < options.retries) {
        dropped.length = 0;
        await sleep(options.waitMillis * (attempt + 1));
        continue;
      }
      throw new StoreError(`bulk write to Elasticsearch failed: ${(error as Error).message}`, {
        cause: error,
        retryable: throttled,
      });
    }
  }

  async function runHelper(): Promise<void> {
    await client.helpers.bulk<BulkAction>({
      datasource: [...actions],
      onDocument: (entry) => {
        const [operation] = entry.action;
        const meta = 'index' in operation ? operation.index : operation.update;
        kinds.set(`${meta._index ?? ''}/${meta._id ?? ''}`, entry.kind);
        const { action } = entry;
        if ('index' in action[0]) return action;
        // The helper sends `{ doc: <datasource entry>, ...body }` for updates; ours are scripted,
        // and Elasticsearch refuses a script beside a doc, so the entry must not go as `doc`.
        const [update, body] = action as [{ update: estypes.BulkUpdateOperation }, estypes.BulkUpdateAction];
        return [update, { ...body, doc: undefined }];
      },
      onDrop: (drop) => {
        const meta = operationMeta(drop.operation);
        dropped.push({
          id: meta.id,
          kind: kinds.get(`${meta.index}/${meta.id}`) ?? 'item',
          status: drop.status,
          error:
            drop.error === null
              ? `dropped with status ${drop.status}`
              : `${drop.error.type}: ${drop.error.reason ?? ''}`,
        });
      },
      retries: options.retries,
      wait: options.waitMillis,
      concurrency: options.concurrency,
      flushBytes: options.flushBytes,
      refreshOnCompletion: options.refresh === false ? false : refreshIndices.join(','),
    });
  }
}

function operationMeta(operation: unknown): { index: string; id: string } {
  if (typeof operation !== 'object' || operation === null) return { index: '', id: '?' };
  const inner = Object.values(operation as Record<string, unknown>)[0];
  if (typeof inner !== 'object' || inner === null) return { index: '', id: '?' };
  const { _index, _id } = inner as { _index?: unknown; _id?: unknown };
  return { index: typeof _index === 'string' ? _index : '', id: typeof _id === 'string' ? _id : '?' };
}
