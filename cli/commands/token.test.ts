import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteTokenStore } from '../../server/auth/token-store.js';
import { registerTokenCommand } from './token.js';

let dataDir: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ecomwatch-token-cli-'));
  vi.stubEnv('ECOMWATCH_DATA_DIR', dataDir);
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<void> {
  const program = new Command('ecomwatch').option('-c, --config <file>').exitOverride();
  registerTokenCommand(program);
  await program.parseAsync(['node', 'ecomwatch', ...args]);
}

function verify(token: string) {
  const store = new SqliteTokenStore(join(dataDir, 'tokens.sqlite'));
  try {
    return store.verify(token);
  } finally {
    store.close();
  }
}

describe('ecomwatch token', () => {
  it('creates a team token with provinces in any spelling and prints it once', async () => {
    await run(
      'token',
      'create',
      '--role',
      'team',
      '--name',
      'QLTT HN',
      '--scope',
      'province=Ha Noi,Hai Duong',
      '--scope',
      'category=milk',
    );
    const token = stdout.trim();
    expect(token).toMatch(/^ew_/);
    expect(stderr).toMatch(/not shown again/);
    expect(verify(token)).toMatchObject({
      role: 'team',
      name: 'QLTT HN',
      scope: { provinces: ['Hà Nội', 'Hải Phòng'], categories: ['milk'] },
    });
  });

  it('creates a platform token for one platform', async () => {
    await run('token', 'create', '--role', 'platform', '--scope', 'platform=shopee');
    expect(verify(stdout.trim())).toMatchObject({
      role: 'platform',
      name: 'shopee',
      scope: { platform: 'shopee' },
    });
  });

  it('refuses a bad role, scope key or value, and a scope the role cannot have', async () => {
    await expect(run('token', 'create', '--role', 'root')).rejects.toThrow(/--role must be one of/);
    await expect(run('token', 'create', '--role', 'team', '--scope', 'province=Atlantis')).rejects.toThrow(
      /Atlantis/,
    );
    await expect(run('token', 'create', '--role', 'team', '--scope', 'colour=red')).rejects.toThrow(
      /unknown key/,
    );
    await expect(run('token', 'create', '--role', 'team', '--scope', 'team=nobody')).rejects.toThrow(
      /leads.teams/,
    );
    await expect(run('token', 'create', '--role', 'platform')).rejects.toThrow(/names its platform/);
    await expect(run('token', 'create', '--role', 'analyst', '--scope', 'category=milk')).rejects.toThrow(
      /only a team token/,
    );
  });

  it('lists tokens without secrets and revokes one', async () => {
    await run('token', 'create', '--role', 'analyst', '--name', 'Lan');
    const token = stdout.trim();
    stdout = '';
    await run('token', 'list', '--json');
    const record = JSON.parse(stdout.trim()) as { id: string; name: string };
    expect(record.name).toBe('Lan');
    expect(stdout).not.toContain(token.slice(16));
    await run('token', 'revoke', record.id);
    expect(verify(token)).toBeUndefined();
    await expect(run('token', 'revoke', record.id)).rejects.toThrow(/no live token/);
  });
});
