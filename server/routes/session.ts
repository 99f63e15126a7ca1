import type { FastifyInstance } from 'fastify';
import { principalOf } from '../auth/access.js';
import { ROLES } from '../auth/principal.js';
import { HealthResponse, MeResponse } from '../schema/api-schemas.js';
import { responses } from '../schema/responses.js';

/** Liveness, and who the token belongs to (the web app signs in with it). */
export function registerSessionRoutes(app: FastifyInstance): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        summary: 'Liveness',
        security: [],
        response: responses(HealthResponse, []),
      },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/me',
    {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['session'],
        summary: 'The token’s role, scope and name: how the web app signs in',
        response: responses(MeResponse, [401]),
      },
    },
    (request) => principalOf(request),
  );
}
