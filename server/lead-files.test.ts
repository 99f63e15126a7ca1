import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { LeadFiles } from './lead-files.js';
import { fixtureApp, type FixtureApp } from './testing/fixture-app.js';

let f: FixtureApp;
let leadsDir: string;

beforeAll(async () => {
  leadsDir = mkdtempSync(join(tmpdir(), 'ecomwatch-lead-files-'));
  const config = loadConfig({ env: { ECOMWATCH_DATA_DIR: leadsDir } });
  const day = join(leadsDir, 'leads', '2026-11-20');
  mkdirSync(day, { recursive: true });
  writeFileSync(join(day, 'leads-hn-tobacco-2026-11-20.csv'), '\uFEFFseller,score\r\nshopee:s1,92\r\n');
  writeFileSync(
    join(day, 'leads-hn-tobacco-2026-11-20.json'),
    JSON.stringify({ kind: 'leads', columns: [], rows: [{ seller: 'shopee:s1' }, { seller: 'tiktok:t1' }] }),
  );
  writeFileSync(join(day, 'leads-dn-2026-11-20.csv'), 'x');
  writeFileSync(
    join(day, 'early-warnings-2026-11-20.json'),
    JSON.stringify({
      kind: 'early-warnings',
      date: '2026-11-20',
      indicators: [
        {
          kind: 'spike',
          severity: 'high',
          day: '2026-11-20',
          province: 'Hà Nội',
          category: 'e_cigarettes',
          value: 12,
          baseline: 1.5,
          threshold: '≥ 5 and ≥ 3× the 28-day mean',
          message: 'Hà Nội × e_cigarettes: 12 flagged listings, 8× the usual',
        },
        {
          kind: 'spike',
          severity: 'medium',
          day: '2026-11-20',
          province: 'Đà Nẵng',
          category: 'cosmetics',
          value: 6,
          threshold: '≥ 5',
          message: 'Đà Nẵng × cosmetics: 6 flagged listings',
        },
      ],
    }),
  );
  const exports = join(leadsDir, 'exports');
  mkdirSync(exports, { recursive: true });
  writeFileSync(join(exports, 'TD-shopee-20261119-a0.csv'), 'older');
  writeFileSync(join(exports, 'TD-shopee-20261120-b2.csv'), 'newer');
  utimesSync(
    join(exports, 'TD-shopee-20261119-a0.csv'),
    new Date('2026-11-19T00:00:00Z'),
    new Date('2026-11-19T00:00:00Z'),
  );
  writeFileSync(join(exports, 'TD-shopee-20261120-a1.notice.json'), '{}');
  writeFileSync(join(exports, 'TD-lazada-20261120-c3.csv'), 'lazada');
  f = await fixtureApp({ leads: new LeadFiles(config) });
});

afterAll(async () => {
  await f.close();
  rmSync(leadsDir, { recursive: true, force: true });
});

const get = (url: string, token: string) =>
  f.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

describe('lead lists from the files under leads.outDir', () => {
  it('lists a team’s lists with formats and seller counts', async () => {
    const response = await get('/api/leads/hn-tobacco', f.token.team);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      team: 'hn-tobacco',
      lists: [{ date: '2026-11-20', formats: ['csv', 'json'], sellers: 2 }],
    });
    expect(JSON.parse((await get('/api/leads/nobody', f.token.analyst)).body)).toEqual({
      team: 'nobody',
      lists: [],
    });
  });

  it('downloads a list as an attachment; 404 for a format or day not produced', async () => {
    const response = await get('/api/leads/hn-tobacco/2026-11-20?format=csv', f.token.team);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="leads-hn-tobacco-2026-11-20.csv"',
    );
    expect(response.body).toContain('shopee:s1,92');
    const missing = await get('/api/leads/hn-tobacco/2026-11-20?format=xlsx', f.token.analyst);
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({
      message: 'no xlsx lead list of team "hn-tobacco" for 2026-11-20',
    });
  });

  it('keeps a team to its own lists and refuses path tricks in the team id', async () => {
    expect((await get('/api/leads/dn/2026-11-20', f.token.team)).statusCode).toBe(403);
    const tricky = await get('/api/leads/..%2F..%2Fetc/2026-11-20', f.token.analyst);
    expect(tricky.statusCode).toBe(400);
    expect(JSON.parse(tricky.body)).toMatchObject({ message: expect.stringMatching(/team/) as string });
  });

  it('adds the daily run’s early-warning indicators, narrowed to a team’s area', async () => {
    const all = JSON.parse((await get('/api/early-warning', f.token.analyst)).body) as {
      indicators: { day: string; items: { province: string }[] } | null;
    };
    expect(all.indicators?.day).toBe('2026-11-20');
    expect(all.indicators?.items.map((item) => item.province)).toEqual(['Hà Nội', 'Đà Nẵng']);
    const team = JSON.parse((await get('/api/early-warning', f.token.team)).body) as typeof all;
    expect(team.indicators?.items.map((item) => item.province)).toEqual(['Hà Nội']);
    const earlier = JSON.parse(
      (await get('/api/early-warning?to=2026-11-10', f.token.analyst)).body,
    ) as typeof all;
    expect(earlier.indicators).toBeNull();
  });

  it('serves a platform the newest takedown export in the format asked, never another platform’s', async () => {
    const csv = await get('/api/takedown/shopee?format=csv', f.token.platform);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="TD-shopee-20261120-b2.csv"');
    expect(csv.body).toBe('newer');
    const notice = await get('/api/takedown/shopee?format=notice', f.token.platform);
    expect(notice.headers['content-disposition']).toBe(
      'attachment; filename="TD-shopee-20261120-a1.notice.json"',
    );
    const json = await get('/api/takedown/shopee?format=json', f.token.platform);
    expect(json.statusCode).toBe(404);
    expect(JSON.parse(json.body)).toMatchObject({
      message: expect.stringMatching(/ecomwatch takedown --platform shopee/) as string,
    });
    expect((await get('/api/takedown/tiki?format=csv', f.token.platform)).statusCode).toBe(403);
    expect((await get('/api/takedown/tiki?format=csv', f.token.analyst)).statusCode).toBe(404);
  });
});
