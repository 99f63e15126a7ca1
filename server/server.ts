import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../config/index.js';
import { openSellerIndex } from '../index/open-seller-index.js';
import type { SellerIndex } from '../index/seller-index.js';
import { buildApp } from './app.js';
import { SqliteTokenStore, tokensFile } from './auth/token-store.js';
import { LeadFiles } from './lead-files.js';
import type { LeadsProvider } from './leads-provider.js';

export interface StartServerOptions {
  /** Use this index (left open on close) instead of opening the configured one. */
  index?: SellerIndex;
  /** Lead lists and takedown exports; default: the lead-list files under `leads.outDir`. */
  leads?: LeadsProvider;
  logger?: FastifyBaseLogger;
  /** Close gracefully on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  /** `http://host:port` as it listens (port 0 resolved). */
  url: string;
  /** Resolves once the server has closed, by `close()` or a signal. */
  closed: Promise<void>;
  /** Stops accepting, lets requests in flight finish (up to the shutdown timeout), closes what it opened. */
  close(): Promise<void>;
}

/** The process around the app: the configured index and tokens, timeouts, listen, graceful close. */
export async function startServer(config: Config, options: StartServerOptions = {}): Promise<RunningServer> {
  const settings = config.server;
  const index = options.index ?? (await openSellerIndex(config));
  const tokens = new SqliteTokenStore(tokensFile(config));
  const releaseOwned = async () => {
    tokens.close();
    if (options.index === undefined) await index.close();
  };
  let app: FastifyInstance;
  try {
    app = await buildApp({
      index,
      tokens,
      dataDir: config.core.dataDir,
      timeZone: config.core.timezone,
      leads: options.leads ?? new LeadFiles(config),
      ...(options.logger !== undefined ? { logger: options.logger } : {}),
      server: {
        requestTimeout: settings.requestTimeoutMillis,
        connectionTimeout: settings.connectionTimeoutMillis,
        keepAliveTimeout: settings.keepAliveTimeoutMillis,
        bodyLimit: settings.bodyLimitBytes,
        // Idle keep-alive sockets close at once on shutdown; busy ones finish their request.
        forceCloseConnections: 'idle',
      },
    });
    await app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    await releaseOwned();
    throw error;
  }

  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'closing: letting requests in flight finish');
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      const force = setTimeout(() => {
        app.log.warn('shutdown timeout: cutting the remaining connections');
        app.server.closeAllConnections();
      }, settings.shutdownTimeoutMillis);
      force.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(force);
        await releaseOwned();
        resolveClosed();
      }
    })();
    return closing;
  };
  if (options.handleSignals !== false) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return { app, url: `http://${host}:${port}`, closed, close };
}
