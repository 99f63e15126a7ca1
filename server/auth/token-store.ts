import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Config } from '../../config/index.js';
import { CategoryIdSchema, PlatformSchema } from '../../records/index.js';
import { ROLES, type Principal, type Role, type TokenScope } from './principal.js';

/** What the HTTP layer needs of a token store: a bearer token in, a principal (or nothing) out. */
export interface TokenStore {
  verify(token: string): Principal | undefined;
}

export interface TokenRecord {
  id: string;
  role: Role;
  name: string;
  scope: TokenScope;
  createdAt: string;
  revokedAt?: string;
}

export interface CreatedToken {
  /** The secret: shown once, never stored. */
  token: string;
  record: TokenRecord;
}

const TOKEN = /^ew_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

const ScopeSchema = z
  .object({
    provinces: z.array(z.string().min(1)).default([]),
    categories: z.array(CategoryIdSchema).default([]),
    team: z.string().min(1).optional(),
    platform: PlatformSchema.optional(),
  })
  .strict();

const NewTokenSchema = z
  .object({
    role: z.enum(ROLES),
    name: z.string().trim().min(1).max(200),
    scope: ScopeSchema.default({ provinces: [], categories: [] }),
  })
  .strict()
  .superRefine((token, context) => {
    const { scope } = token;
    if (token.role === 'platform' && scope.platform === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['scope', 'platform'],
        message: 'a platform token names its platform',
      });
    }
    if (token.role !== 'platform' && scope.platform !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['scope', 'platform'],
        message: 'only a platform token has a platform',
      });
    }
    const narrowed = scope.provinces.length > 0 || scope.categories.length > 0 || scope.team !== undefined;
    if (token.role !== 'team' && narrowed) {
      context.addIssue({
        code: 'custom',
        path: ['scope'],
        message: 'only a team token has provinces, categories or a team',
      });
    }
  });

export type NewToken = z.input<typeof NewTokenSchema>;

interface TokenRow {
  id: string;
  salt: Buffer;
  hash: Buffer;
  role: string;
  name: string;
  scope: string;
  created_at: string;
  revoked_at: string | null;
}

/**
 * API tokens in a small SQLite file. A token is `ew_<id>_<secret>`: the id finds the row, the
 * secret is checked against SHA-256(salt ‖ secret) with a per-token random salt, compared in
 * constant time. The secret itself is never stored.
 */
export class SqliteTokenStore implements TokenStore {
  private readonly db: Database;
  private readonly byId;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS tokens (
        id TEXT PRIMARY KEY,
        salt BLOB NOT NULL,
        hash BLOB NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        scope TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      )`);
    this.byId = this.db.prepare('SELECT * FROM tokens WHERE id = ?');
  }

  create(input: NewToken, now = new Date()): CreatedToken {
    const parsed = NewTokenSchema.safeParse(input);
    if (!parsed.success) {
      throw new TokenInputError(
        parsed.error.issues.map((issue) => `${issue.path.join('.') || 'token'}: ${issue.message}`),
      );
    }
    const id = randomId();
    const secret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16);
    const scope = compactScope(parsed.data.scope);
    const record: TokenRecord = {
      id,
      role: parsed.data.role,
      name: parsed.data.name,
      scope,
      createdAt: now.toISOString(),
    };
    this.db
      .prepare(
        'INSERT INTO tokens (id, salt, hash, role, name, scope, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, salt, digest(salt, secret), record.role, record.name, JSON.stringify(scope), record.createdAt);
    return { token: `ew_${id}_${secret}`, record };
  }

  verify(token: string): Principal | undefined {
    const match = TOKEN.exec(token);
    if (match === null) return undefined;
    const [, id, secret] = match as unknown as [string, string, string];
    const row = this.byId.get(id) as TokenRow | undefined;
    if (row === undefined || row.revoked_at !== null) return undefined;
    const expected = digest(row.salt, secret);
    if (expected.length !== row.hash.length || !timingSafeEqual(expected, row.hash)) return undefined;
    const record = recordOf(row);
    return { tokenId: record.id, role: record.role, name: record.name, scope: record.scope };
  }

  list(): TokenRecord[] {
    return (this.db.prepare('SELECT * FROM tokens ORDER BY created_at, id').all() as TokenRow[]).map(
      recordOf,
    );
  }

  /** True when a live token was revoked; false when there is no such token or it already was. */
  revoke(id: string, now = new Date()): boolean {
    const result = this.db
      .prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(now.toISOString(), id);
    return result.changes > 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** A token that cannot be created as asked: the problems name the fields. */
export class TokenInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'TokenInputError';
  }
}

function digest(salt: Buffer, secret: string): Buffer {
  return createHash('sha256').update(salt).update(secret, 'utf8').digest();
}

function randomId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length]!;
  return id;
}

function compactScope(scope: z.output<typeof ScopeSchema>): TokenScope {
  const compact: TokenScope = {
    provinces: [...new Set(scope.provinces)],
    categories: [...new Set(scope.categories)],
  };
  if (scope.team !== undefined) compact.team = scope.team;
  if (scope.platform !== undefined) compact.platform = scope.platform;
  return compact;
}

function recordOf(row: TokenRow): TokenRecord {
  // Rows are written only by `create`, from a checked scope.
  const scope = ScopeSchema.parse(JSON.parse(row.scope));
  const record: TokenRecord = {
    id: row.id,
    role: z.enum(ROLES).parse(row.role),
    name: row.name,
    scope: compactScope(scope),
    createdAt: row.created_at,
  };
  if (row.revoked_at !== null) record.revokedAt = row.revoked_at;
  return record;
}

/** The configured token file (`server.tokensFile`), relative to `core.dataDir` unless absolute. */
export function tokensFile(config: Pick<Config, 'core' | 'server'>): string {
  const file = config.server.tokensFile;
  return isAbsolute(file) ? file : join(config.core.dataDir, file);
}
