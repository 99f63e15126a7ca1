import {
  BaseConnection,
  Client,
  type ConnectionRequestOptions,
  type ConnectionRequestOptionsAsStream,
  type ConnectionRequestParams,
  type ConnectionRequestResponse,
  type ConnectionRequestResponseAsStream,
} from '@elastic/elasticsearch';
import { Readable } from 'node:stream';

/** A request as the client sent it, with the JSON (or NDJSON lines, for `_bulk`) parsed. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface MockReply {
  statusCode?: number;
  body: unknown;
}

export type Responder = (request: SentRequest) => MockReply | Promise<MockReply>;

/**
 * A test cluster at the connection level, after elasticsearch-js's own
 * `test/utils/MockConnection`: the real client, transport, serializer and helpers run, and
 * only the socket is replaced by `respond`. Every request is recorded in `sent`.
 */
export function mockElasticsearch(respond: Responder): { client: Client; sent: SentRequest[] } {
  const sent: SentRequest[] = [];

  class MockConnection extends BaseConnection {
    override request(
      params: ConnectionRequestParams,
      options: ConnectionRequestOptionsAsStream,
    ): Promise<ConnectionRequestResponseAsStream>;
    override request(
      params: ConnectionRequestParams,
      options: ConnectionRequestOptions,
    ): Promise<ConnectionRequestResponse>;
    override async request(
      params: ConnectionRequestParams,
      options: ConnectionRequestOptions | ConnectionRequestOptionsAsStream,
    ): Promise<ConnectionRequestResponse | ConnectionRequestResponseAsStream> {
      const request: SentRequest = {
        method: params.method,
        path: params.path,
        query: new URLSearchParams(params.querystring ?? ''),
        body: parseBody(params.path, params.body),
      };
      sent.push(request);
      const reply = await respond(request);
      const body = JSON.stringify(reply.body);
      const headers = {
        'content-type': 'application/json;charset=utf-8',
        'x-elastic-product': 'Elasticsearch',
      };
      const statusCode = reply.statusCode ?? 200;
      if ('asStream' in options) return { body: Readable.from([body]), headers, statusCode };
      return { body, headers, statusCode };
    }
  }

  const client = new Client({ node: 'http://localhost:9200', Connection: MockConnection, maxRetries: 0 });
  return { client, sent };
}

function parseBody(path: string, body: ConnectionRequestParams['body']): unknown {
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
  if (text === undefined) return '<stream>';
  if (path.endsWith('/_bulk')) {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line): unknown => JSON.parse(line));
  }
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** An Elasticsearch error body, as the cluster sends it. */
export function esError(statusCode: number, type: string, reason: string): MockReply {
  return {
    statusCode,
    body: { error: { type, reason, root_cause: [{ type, reason }] }, status: statusCode },
  };
}

/** A `_bulk` response for the actions of a request: each item gets the status `statusOf` gives it. */
export function bulkReply(
  actions: unknown,
  statusOf: (meta: { op: string; index: string; id: string }, position: number) => number = () => 200,
): MockReply {
  const lines = Array.isArray(actions) ? (actions as Record<string, unknown>[]) : [];
  const items: Record<string, unknown>[] = [];
  let errors = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const op = Object.keys(line)[0];
    if (op !== 'index' && op !== 'update' && op !== 'create' && op !== 'delete') continue;
    const meta = line[op] as { _index?: string; _id?: string };
    const index = meta._index ?? '';
    const id = meta._id ?? '';
    const status = statusOf({ op, index, id }, items.length);
    if (status >= 400) errors = true;
    items.push({
      [op]:
        status >= 400
          ? {
              _index: index,
              _id: id,
              status,
              error: {
                type:
                  status === 429
                    ? 'es_rejected_execution_exception'
                    : status === 409
                      ? 'version_conflict_engine_exception'
                      : 'mapper_parsing_exception',
                reason: `status ${status} for ${id}`,
              },
            }
          : { _index: index, _id: id, status, result: 'created', _seq_no: i, _primary_term: 1 },
    });
    if (op !== 'delete') i++;
  }
  return { body: { took: 1, errors, items } };
}
