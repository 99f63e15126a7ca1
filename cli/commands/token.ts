import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config/index.js';
import { CATEGORY_IDS, PLATFORMS } from '../../records/index.js';
import { normaliseProvince } from '../../scoring/sellers/index.js';
import { ROLES, type Role, type TokenScope } from '../../server/auth/principal.js';
import {
  SqliteTokenStore,
  TokenInputError,
  tokensFile,
  type TokenRecord,
} from '../../server/auth/token-store.js';
import { UsageError } from '../usage-error.js';

interface CreateOptions {
  role: string;
  name?: string;
  scope: string[];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `ecomwatch token create|list|revoke`: API tokens, stored hashed under the data dir. */
export function registerTokenCommand(program: Command): void {
  const token = program
    .command('token')
    .description('API tokens of the web app and HTTP API (stored hashed)');
  const configOf = (command: Command) =>
    loadConfig({ file: command.optsWithGlobals<{ config?: string }>().config });

  token
    .command('create')
    .description('Create a token and print it once (it cannot be shown again)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'who holds it, as the audit log will name them')
    .option(
      '--scope <key=value>',
      'team: province=NAME, category=ID, team=ID (takes the provinces and categories of leads.teams); platform: platform=ID. Repeat or separate values with commas',
      collect,
      [],
    )
    .action((options: CreateOptions, command: Command) => {
      const config = configOf(command);
      const role = parseRole(options.role);
      const scope = parseScope(role, options.scope, config);
      const store = new SqliteTokenStore(tokensFile(config));
      try {
        const created = store.create({ role, name: options.name ?? defaultName(role, scope), scope });
        process.stdout.write(`${created.token}\n`);
        process.stderr.write(
          `ecomwatch token: created ${describe(created.record)}; store it now, it is not shown again\n`,
        );
      } catch (error) {
        if (error instanceof TokenInputError) throw new UsageError(error.message);
        throw error;
      } finally {
        store.close();
      }
    });

  token
    .command('list')
    .description('List tokens (ids, roles, scopes; never the secrets)')
    .option('--json', 'JSON lines', false)
    .action((options: { json: boolean }, command: Command) => {
      const store = new SqliteTokenStore(tokensFile(configOf(command)));
      try {
        for (const record of store.list()) {
          process.stdout.write(`${options.json ? JSON.stringify(record) : describe(record)}\n`);
        }
      } finally {
        store.close();
      }
    });

  token
    .command('revoke')
    .description('Revoke a token by its id (the part after "ew_")')
    .argument('<id>', 'token id')
    .action((id: string, _options: unknown, command: Command) => {
      const store = new SqliteTokenStore(tokensFile(configOf(command)));
      try {
        if (!store.revoke(id)) throw new UsageError(`no live token with id "${id}"`);
        process.stderr.write(`ecomwatch token: revoked ${id}\n`);
      } finally {
        store.close();
      }
    });
}

function parseRole(value: string): Role {
  const role = ROLES.find((candidate) => candidate === value);
  if (role === undefined) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${value}"`);
  return role;
}

function parseScope(role: Role, entries: readonly string[], config: Config): TokenScope {
  const scope: TokenScope = { provinces: [], categories: [] };
  for (const entry of entries) {
    const separator = entry.indexOf('=');
    if (separator < 1) throw new UsageError(`--scope takes key=value, got "${entry}"`);
    const key = entry.slice(0, separator).trim();
    const values = entry
      .slice(separator + 1)
      .split(',')
      .map((value) => value.trim())
      .filter((value) => value !== '');
    if (values.length === 0) throw new UsageError(`--scope ${key}= needs a value`);
    for (const value of values) addScope(scope, key, value, config);
  }
  if (
    role === 'team' &&
    scope.team !== undefined &&
    scope.provinces.length === 0 &&
    scope.categories.length === 0
  ) {
    const team = config.leads.teams.find((candidate) => candidate.id === scope.team);
    if (team !== undefined) {
      for (const province of team.provinces) addScope(scope, 'province', province, config);
      scope.categories.push(...team.categories);
    }
  }
  return scope;
}

function addScope(scope: TokenScope, key: string, value: string, config: Config): void {
  switch (key) {
    case 'province': {
      const unit = normaliseProvince(value).province;
      if (unit === undefined)
        throw new UsageError(
          `--scope province: "${value}" is not one of the 34 units or an old province name`,
        );
      if (!scope.provinces.includes(unit)) scope.provinces.push(unit);
      return;
    }
    case 'category': {
      const id = CATEGORY_IDS.find((candidate) => candidate === value);
      if (id === undefined)
        throw new UsageError(`--scope category: "${value}" is not one of ${CATEGORY_IDS.join(', ')}`);
      if (!scope.categories.includes(id)) scope.categories.push(id);
      return;
    }
    case 'team': {
      const known =
        config.leads.teams.some((team) => team.id === value) || config.leads.defaultTeam === value;
      if (!known)
        throw new UsageError(`--scope team: "${value}" is not a team of leads.teams (or leads.defaultTeam)`);
      scope.team = value;
      return;
    }
    case 'platform': {
      const platform = PLATFORMS.find((candidate) => candidate === value);
      if (platform === undefined)
        throw new UsageError(`--scope platform: "${value}" is not one of ${PLATFORMS.join(', ')}`);
      scope.platform = platform;
      return;
    }
    default:
      throw new UsageError(`--scope: unknown key "${key}" (province, category, team, platform)`);
  }
}

function defaultName(role: Role, scope: TokenScope): string {
  return scope.team ?? scope.platform ?? role;
}

function describe(record: TokenRecord): string {
  const parts = [record.id, record.role, JSON.stringify(record.name)];
  const { provinces, categories, team, platform } = record.scope;
  if (team !== undefined) parts.push(`team=${team}`);
  if (platform !== undefined) parts.push(`platform=${platform}`);
  if (provinces.length > 0) parts.push(`provinces=${provinces.join(',')}`);
  if (categories.length > 0) parts.push(`categories=${categories.join(',')}`);
  parts.push(`created ${record.createdAt}`);
  if (record.revokedAt !== undefined) parts.push(`revoked ${record.revokedAt}`);
  return parts.join('  ');
}
