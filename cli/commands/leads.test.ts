import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testWorld, type TestWorld } from '../../leads/testing/test-world.js';
import { UsageError } from '../usage-error.js';
import { registerLeadsCommand, runLeads } from './leads.js';

let w: TestWorld;
beforeEach(async () => {
  w = await testWorld({ leads: { teams: [{ id: 'hn', provinces: ['Hà Nội'] }] } });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  await w.cleanup();
});

describe('ecomwatch leads', () => {
  it('writes one file per team in the asked format and says where', async () => {
    const lines: string[] = [];
    const out = join(w.dir, 'out');
    const code = await runLeads(w.index, w.config, { date: '2026-11-20', format: 'xlsx', out }, (text) =>
      lines.push(text),
    );
    expect(code).toBe(0);
    expect(existsSync(join(out, 'leads-hn-2026-11-20.xlsx'))).toBe(true);
    expect(existsSync(join(out, 'leads-triage-2026-11-20.xlsx'))).toBe(true);
    expect(lines.join('')).toMatch(/hn: 2 sellers/);
  });

  it('refuses a bad date, format or team as usage errors', async () => {
    await expect(runLeads(w.index, w.config, { date: '2026-13-01', format: 'csv' })).rejects.toThrow(
      UsageError,
    );
    await expect(runLeads(w.index, w.config, { date: '2026-11-20', format: 'pdf' })).rejects.toThrow(
      /--format/,
    );
    await expect(
      runLeads(w.index, w.config, { date: '2026-11-20', format: 'csv', team: 'nope' }),
    ).rejects.toThrow(/no team "nope"/);
  });

  it('runs through commander with the config from the environment', async () => {
    await w.index.close();
    vi.stubEnv('ECOMWATCH_DATA_DIR', w.dir);
    vi.stubEnv('ELASTICSEARCH_URL', '');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const program = new Command('ecomwatch').option('-c, --config <file>').exitOverride();
    registerLeadsCommand(program);
    await program.parseAsync(['node', 'ecomwatch', 'leads', '--date', '2026-11-20', '--format', 'json']);
    expect(process.exitCode).toBe(0);
    const file = join(w.dir, 'leads', '2026-11-20', 'leads-triage-2026-11-20.json');
    const list = JSON.parse(readFileSync(file, 'utf8')) as { rows: unknown[] };
    // No teams in the environment's config: every flagged seller goes to the default team.
    expect(list.rows).toHaveLength(4);
  });
});
