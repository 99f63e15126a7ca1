import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteTokenStore, TokenInputError } from './token-store.js';

let dir: string;
let store: SqliteTokenStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecomwatch-tokens-'));
  store = new SqliteTokenStore(join(dir, 'tokens.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteTokenStore', () => {
  it('creates a token that verifies to its role, name and scope', () => {
    const { token, record } = store.create({
      role: 'team',
      name: 'QLTT Hà Nội',
      scope: { provinces: ['Hà Nội'], categories: ['milk'], team: 'hn' },
    });
    expect(token).toMatch(/^ew_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(store.verify(token)).toEqual({
      tokenId: record.id,
      role: 'team',
      name: 'QLTT Hà Nội',
      scope: { provinces: ['Hà Nội'], categories: ['milk'], team: 'hn' },
    });
  });

  it('stores only a salted hash, never the secret', () => {
    const { token } = store.create({ role: 'analyst', name: 'a' });
    store.close();
    const secret = token.split('_').slice(2).join('_');
    const bytes = readFileSync(join(dir, 'tokens.sqlite'));
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    store = new SqliteTokenStore(join(dir, 'tokens.sqlite'));
    expect(store.verify(token)?.role).toBe('analyst');
  });

  it('refuses a wrong secret, a malformed token, and a revoked one', () => {
    const { token, record } = store.create({ role: 'admin', name: 'root' });
    expect(store.verify(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
    expect(store.verify('not-a-token')).toBeUndefined();
    expect(store.verify(`ew_${'z'.repeat(12)}_${'A'.repeat(43)}`)).toBeUndefined();
    expect(store.revoke(record.id)).toBe(true);
    expect(store.revoke(record.id)).toBe(false);
    expect(store.verify(token)).toBeUndefined();
    expect(store.list()[0]?.revokedAt).toBeDefined();
  });

  it('checks role and scope together', () => {
    expect(() => store.create({ role: 'platform', name: 'p' })).toThrow(/platform token names its platform/);
    expect(() => store.create({ role: 'analyst', name: 'a', scope: { platform: 'shopee' } })).toThrow(
      /only a platform token/,
    );
    expect(() => store.create({ role: 'admin', name: 'a', scope: { provinces: ['Hà Nội'] } })).toThrow(
      TokenInputError,
    );
    expect(() =>
      store.create({ role: 'team', name: 't', scope: { categories: ['drugs' as 'milk'] } }),
    ).toThrow(/categories/);
  });
});
