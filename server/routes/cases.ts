import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { assertMaySeeSeller, CASE_READERS, CASE_WRITERS, principalOf } from '../auth/access.js';
import { actorOf } from '../auth/principal.js';
import { AuditResponse, CaseStateResponse, SellerParams, StatusChangeBody } from '../schema/api-schemas.js';
import { responses } from '../schema/responses.js';
import { jsonSchema } from '../schema/zod-schema.js';
import type { RouteContext } from './route-context.js';

/** Moving a case along (with a reason, against the version the analyst saw) and its audit log. */
export function registerCaseRoutes(app: FastifyInstance, { index }: RouteContext): void {
  app.post<{ Params: z.output<typeof SellerParams>; Body: z.output<typeof StatusChangeBody> }>(
    '/api/sellers/:key/status',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags: ['cases'],
        summary: 'Change a case status, with a reason; recorded in the audit log under the token’s name',
        description:
          'new → reviewing → confirmed → referred → takedown_requested → removed, or dismissed from any open state. ' +
          '409 when the case moved on since `expectedStatus`/`expectedVersion`, or cannot move to `to`.',
        params: jsonSchema(SellerParams),
        body: jsonSchema(StatusChangeBody),
        response: responses(CaseStateResponse, [400, 401, 403, 404, 409]),
      },
    },
    async (request) => {
      const { to, expectedStatus, expectedVersion, reason } = request.body;
      return index.setCaseStatus({
        sellerKey: request.params.key,
        to,
        expectedStatus,
        expectedVersion,
        reason,
        by: actorOf(principalOf(request)),
      });
    },
  );

  app.get<{ Params: z.output<typeof SellerParams> }>(
    '/api/sellers/:key/audit',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['cases'],
        summary: 'The audit log of a case: who changed it, when, from what, to what, and why (oldest first)',
        params: jsonSchema(SellerParams),
        response: responses(AuditResponse, [400, 401, 403, 404]),
      },
    },
    async (request) => {
      const detail = await index.getSeller(request.params.key, { itemLimit: 1 });
      assertMaySeeSeller(principalOf(request), detail.seller);
      return { sellerKey: detail.seller.key, events: detail.history };
    },
  );
}
