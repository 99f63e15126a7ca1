import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { assertMayReadLeads, assertMayReadTakedowns, principalOf } from '../auth/access.js';
import { notImplemented } from '../errors.js';
import type { DownloadFile, LeadsProvider } from '../leads-provider.js';
import {
  LeadFileParams,
  LeadFileQuery,
  LeadListParams,
  LeadListsResponse,
  TakedownParams,
  TakedownQuery,
} from '../schema/api-schemas.js';
import { responses } from '../schema/responses.js';
import { jsonSchema } from '../schema/zod-schema.js';
import type { RouteContext } from './route-context.js';

const MISSING =
  'lead lists and takedown exports are not served by this instance: it was built without a leads provider';

/**
 * Lead lists by team and day, takedown exports by platform. The token is checked first (a
 * team reads its own lists, a platform its own exports); then the leads module answers, or 501
 * while it is not there.
 */
export function registerLeadRoutes(app: FastifyInstance, { leads }: RouteContext): void {
  const provider = (): LeadsProvider => {
    if (leads === undefined) throw notImplemented(MISSING);
    return leads;
  };

  app.get<{ Params: z.output<typeof LeadListParams> }>(
    '/api/leads/:team',
    {
      config: { access: { roles: ['admin', 'analyst', 'team'] } },
      schema: {
        tags: ['leads'],
        summary: 'The lead lists produced for a team',
        params: jsonSchema(LeadListParams),
        response: responses(LeadListsResponse, [400, 401, 403, 501]),
      },
    },
    async (request) => {
      assertMayReadLeads(principalOf(request), request.params.team);
      return { team: request.params.team, lists: await provider().leadLists(request.params.team) };
    },
  );

  app.get<{ Params: z.output<typeof LeadFileParams>; Querystring: z.output<typeof LeadFileQuery> }>(
    '/api/leads/:team/:date',
    {
      config: { access: { roles: ['admin', 'analyst', 'team'] } },
      schema: {
        tags: ['leads'],
        summary: 'Download a team’s lead list of one day (CSV, XLSX or JSON)',
        params: jsonSchema(LeadFileParams),
        querystring: jsonSchema(LeadFileQuery),
        response: responses({ status: 200, description: 'the list' }, [400, 401, 403, 404, 501]),
      },
    },
    async (request, reply) => {
      assertMayReadLeads(principalOf(request), request.params.team);
      const file = await provider().leadList({ ...request.params, format: request.query.format });
      return download(reply, file);
    },
  );

  app.get<{ Params: z.output<typeof TakedownParams>; Querystring: z.output<typeof TakedownQuery> }>(
    '/api/takedown/:platform',
    {
      config: { access: { roles: ['admin', 'analyst', 'platform'] } },
      schema: {
        tags: ['leads'],
        summary: 'Download the takedown export of one platform (CSV, JSON or a notice)',
        params: jsonSchema(TakedownParams),
        querystring: jsonSchema(TakedownQuery),
        response: responses({ status: 200, description: 'the export' }, [400, 401, 403, 404, 501]),
      },
    },
    async (request, reply) => {
      assertMayReadTakedowns(principalOf(request), request.params.platform);
      const file = await provider().takedownExport({
        platform: request.params.platform,
        format: request.query.format,
      });
      return download(reply, file);
    },
  );
}

function download(reply: FastifyReply, file: DownloadFile): FastifyReply {
  const safeName = file.filename.replace(/[^A-Za-z0-9_.-]/g, '_');
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${safeName}"`)
    .send(file.body);
}
