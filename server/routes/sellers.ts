import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { CASE_TRANSITIONS } from '../../index/case-status.js';
import type { IndexedItem, SellerDetail, SellerQuery } from '../../index/seller-index.js';
import { assertMaySeeSeller, CASE_READERS, principalOf, scopeSellerQuery } from '../auth/access.js';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../errors.js';
import {
  EvidenceParams,
  ItemParams,
  ItemSchema,
  SearchQuery,
  SearchResponse,
  SellerDetailQuery,
  SellerDetailResponse,
  SellerParams,
} from '../schema/api-schemas.js';
import { responses } from '../schema/responses.js';
import { jsonSchema } from '../schema/zod-schema.js';
import type { RouteContext } from './route-context.js';

const readers = { access: { roles: CASE_READERS } };

/** Search, the seller case page, one listing and its evidence files. */
export function registerSellerRoutes(app: FastifyInstance, context: RouteContext): void {
  const { index } = context;

  app.get<{ Querystring: z.output<typeof SearchQuery> }>(
    '/api/sellers',
    {
      config: readers,
      schema: {
        tags: ['sellers'],
        summary: 'Search sellers: words, filters, facets, sort and a cursor for the next page',
        description: 'A team token sees only its provinces and categories.',
        querystring: jsonSchema(SearchQuery),
        response: responses(SearchResponse, [400, 401, 403]),
      },
    },
    async (request) => {
      const query = scopeSellerQuery(principalOf(request), sellerQuery(request.query));
      return index.search(query);
    },
  );

  app.get<{ Params: z.output<typeof SellerParams>; Querystring: z.output<typeof SellerDetailQuery> }>(
    '/api/sellers/:key',
    {
      config: readers,
      schema: {
        tags: ['sellers'],
        summary: 'A seller case: listings, the rules that fired, evidence, the audit trail',
        params: jsonSchema(SellerParams),
        querystring: jsonSchema(SellerDetailQuery),
        response: responses(SellerDetailResponse, [400, 401, 403, 404]),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const detail = await index.getSeller(
        request.params.key,
        request.query.itemLimit === undefined ? {} : { itemLimit: request.query.itemLimit },
      );
      assertMaySeeSeller(principal, detail.seller);
      return { ...detail, allowedTransitions: allowedTransitions(principal, detail) };
    },
  );

  app.get<{ Params: z.output<typeof ItemParams> }>(
    '/api/sellers/:key/items/:itemKey',
    {
      config: readers,
      schema: {
        tags: ['sellers'],
        summary: 'One listing or livestream of a seller, with its reasons and evidence',
        params: jsonSchema(ItemParams),
        response: responses(ItemSchema, [400, 401, 403, 404]),
      },
    },
    async (request) => findItem(context, principalOf(request), request.params.key, request.params.itemKey),
  );

  app.get<{ Params: z.output<typeof EvidenceParams> }>(
    '/api/sellers/:key/items/:itemKey/evidence/:kind',
    {
      config: readers,
      schema: {
        tags: ['sellers'],
        summary: 'The stored raw page (as a download, never rendered) or the screenshot of a listing',
        description:
          'Headers `x-evidence-sha256` (the hash of the bytes served) and `x-evidence-intact` (whether it equals the recorded hash).',
        params: jsonSchema(EvidenceParams),
        response: responses({ status: 200, description: 'the file' }, [400, 401, 403, 404]),
      },
    },
    async (request, reply) => {
      const { key, itemKey, kind } = request.params;
      const item = await findItem(context, principalOf(request), key, itemKey);
      const evidence = item.evidence;
      const relative = kind === 'raw' ? evidence?.path : evidence?.screenshotPath;
      const recorded = kind === 'raw' ? evidence?.sha256 : evidence?.screenshotSha256;
      if (evidence === undefined || relative === undefined)
        throw notFound(`listing ${itemKey} has no ${kind} evidence`);
      const body = await readEvidence(context.dataDir, relative, itemKey);
      const sha256 = createHash('sha256').update(body).digest('hex');
      void reply
        .header('x-evidence-sha256', sha256)
        .header('x-evidence-intact', String(recorded === undefined ? 'unknown' : recorded === sha256))
        .header('content-security-policy', "sandbox; default-src 'none'");
      if (kind === 'screenshot') return reply.type('image/png').send(body);
      const name = `${itemKey.replace(/[^A-Za-z0-9_.-]/g, '_')}-${evidence.sha256.slice(0, 12)}.txt`;
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body);
    },
  );
}

async function findItem(
  context: RouteContext,
  principal: Principal,
  sellerKey: string,
  itemKey: string,
): Promise<IndexedItem> {
  const detail = await context.index.getSeller(sellerKey, { itemLimit: 5000 });
  assertMaySeeSeller(principal, detail.seller);
  const item = detail.items.find((candidate) => candidate.key === itemKey);
  if (item === undefined) throw notFound(`seller ${sellerKey} has no listing or livestream "${itemKey}"`);
  return item;
}

async function readEvidence(dataDir: string | undefined, relative: string, itemKey: string): Promise<Buffer> {
  if (dataDir === undefined) throw notFound('this server keeps no evidence files');
  const root = resolve(dataDir);
  const file = resolve(root, relative);
  // A path in a record must stay under the data dir, whatever it says.
  if (!file.startsWith(root + sep))
    throw notFound(`the evidence path of ${itemKey} is outside the data directory`);
  try {
    return await readFile(file);
  } catch {
    throw notFound(`the evidence file of ${itemKey} is not on this server`);
  }
}

function allowedTransitions(principal: Principal, detail: SellerDetail): string[] {
  if (principal.role !== 'admin' && principal.role !== 'analyst') return [];
  return [...CASE_TRANSITIONS[detail.seller.status]];
}

/** The HTTP query in the index's words; only what was given. */
function sellerQuery(input: z.output<typeof SearchQuery>): SellerQuery {
  const { q, ...rest } = input;
  const query: SellerQuery = {};
  if (q !== undefined && q.trim() !== '') query.text = q;
  for (const [name, value] of Object.entries(rest)) {
    if (value !== undefined) (query as Record<string, unknown>)[name] = value;
  }
  return query;
}
