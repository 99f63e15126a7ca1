import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { SellerIndex } from '../index/seller-index.js';
import { registerAccessControl } from './auth/access.js';
import type { TokenStore } from './auth/token-store.js';
import { handleError, notFound } from './errors.js';
import type { LeadsProvider } from './leads-provider.js';
import { registerAggregateRoutes } from './routes/aggregates.js';
import { registerCaseRoutes } from './routes/cases.js';
import { registerLeadRoutes } from './routes/leads.js';
import { registerSellerRoutes } from './routes/sellers.js';
import { registerSessionRoutes } from './routes/session.js';
import { zodValidatorCompiler } from './schema/zod-schema.js';

export const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');
const API_PREFIX = '/api/';

export interface AppOptions {
  /** The seller index to serve; the app never closes it (the caller opened it). */
  index: SellerIndex;
  /** Checks bearer tokens. */
  tokens: TokenStore;
  /** The data dir evidence paths are relative to; without it no evidence files are served. */
  dataDir?: string;
  /** Time zone of the early-warning days (default Asia/Ho_Chi_Minh). */
  timeZone?: string;
  /** Lead lists, takedown exports, indicators (`LeadFiles` in the process); their routes answer 501 without it. */
  leads?: LeadsProvider;
  /** A pino logger; none by default (tests). */
  logger?: FastifyBaseLogger;
  /** Server options the process sets: timeouts, body limit. */
  server?: Pick<
    FastifyServerOptions,
    'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout' | 'bodyLimit' | 'forceCloseConnections'
  >;
  now?: () => Date;
}

/**
 * The HTTP API and the analyst web app as one Fastify instance that never listens: the
 * process (`server.ts`) listens, tests call `inject()`.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger !== undefined ? { loggerInstance: options.logger } : { logger: false }),
    ...options.server,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  // Response schemas document the API; bodies are plain JSON of what the handlers return.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request) => {
    throw notFound(`nothing at ${request.method} ${request.url.split('?')[0] ?? ''}`);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith(API_PREFIX)) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ecomwatch API',
        description:
          'Flagged sellers of Vietnamese marketplaces: search, case pages with evidence, case workflow with audit, hotspots. ' +
          'Send `Authorization: Bearer <token>` (tokens: `ecomwatch token create --role …`).',
        version: '1.0.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
      tags: [
        { name: 'sellers', description: 'search and case pages' },
        { name: 'cases', description: 'case workflow and audit log' },
        { name: 'aggregates', description: 'hotspots and early warning' },
        { name: 'leads', description: 'lead lists and takedown exports' },
        { name: 'session', description: 'sign-in and liveness' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });

  registerAccessControl(app, options.tokens, API_PREFIX);
  const context = {
    index: options.index,
    timeZone: options.timeZone ?? 'Asia/Ho_Chi_Minh',
    now: options.now ?? (() => new Date()),
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.leads !== undefined ? { leads: options.leads } : {}),
  };
  registerSessionRoutes(app);
  registerSellerRoutes(app, context);
  registerCaseRoutes(app, context);
  registerAggregateRoutes(app, context);
  registerLeadRoutes(app, context);

  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/', index: 'index.html', schemaHide: true });
  return app;
}
