import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { startServer } from '../../server/server.js';
import { createLogger } from '../log.js';
import { UsageError } from '../usage-error.js';

interface ServeOptions {
  port?: string;
  host?: string;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('HTTP API and analyst web app over the seller index (tokens: `ecomwatch token create`)')
    .option('--port <port>', 'port to listen on (server.port, default 8080; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (server.host, default 127.0.0.1)')
    .action(async (options: ServeOptions, command: Command) => {
      process.exitCode = await runServe(options, command.optsWithGlobals<{ config?: string }>().config);
    });
}

async function runServe(options: ServeOptions, configFile: string | undefined): Promise<number> {
  const server: Record<string, unknown> = {};
  if (options.port !== undefined) {
    if (!/^\d+$/.test(options.port))
      throw new UsageError(`--port must be a whole number, got "${options.port}"`);
    server.port = Number(options.port);
  }
  if (options.host !== undefined) server.host = options.host;
  const config = loadConfig({ file: configFile, flags: { server } });
  const log = createLogger(config.core.logLevel, 'ecomwatch-serve');
  const running = await startServer(config, { logger: log });
  process.stderr.write(
    `ecomwatch serve: ${running.url}/ (web app), ${running.url}/docs (API); Ctrl-C or SIGTERM closes gracefully\n`,
  );
  await running.closed;
  return 0;
}
