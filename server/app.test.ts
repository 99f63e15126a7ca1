import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AuditResponse,
  CaseStateResponse,
  EarlyWarningResponse,
  ErrorResponse,
  HotspotsResponse,
  ItemSchema,
  MeResponse,
  SearchResponse,
  SellerDetailResponse,
} from './schema/api-schemas.js';
import { fixtureApp, HOSTILE_NAME, type FixtureApp } from './testing/fixture-app.js';

let f: FixtureApp;
let app: FastifyInstance;

beforeAll(async () => {
  f = await fixtureApp();
  app = f.app;
});
afterAll(async () => {
  await f.close();
});

type Role = keyof FixtureApp['token'];

async function get(url: string, role?: Role) {
  return app.inject({ url, headers: role === undefined ? {} : { authorization: `Bearer ${f.token[role]}` } });
}

async function post(url: string, role: Role | undefined, payload: unknown) {
  return app.inject({
    method: 'POST',
    url,
    headers: role === undefined ? {} : { authorization: `Bearer ${f.token[role]}` },
    payload: payload as Record<string, unknown>,
  });
}

/** The body, checked against the schema the route documents. */
function body<S extends z.ZodType>(schema: S, response: { body: string }): z.output<S> {
  return schema.parse(JSON.parse(response.body));
}

function problem(response: { statusCode: number; body: string }, status: number) {
  expect(response.statusCode).toBe(status);
  const parsed = body(ErrorResponse, response);
  expect(parsed.requestId).not.toBe('');
  return parsed;
}

describe('sign-in', () => {
  it('answers health without a token', async () => {
    const response = await get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  it('refuses a request without a token with 401 and says how to sign in', async () => {
    const response = await get('/api/sellers');
    const error = problem(response, 401);
    expect(error.message).toMatch(/Authorization: Bearer/);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('refuses a malformed header, an unknown token and a revoked one with 401', async () => {
    const malformed = await app.inject({ url: '/api/me', headers: { authorization: 'Basic abc' } });
    expect(problem(malformed, 401).message).toMatch(/Bearer <token>/);
    const forged = f.token.analyst.slice(0, -4) + 'AAAA';
    const unknown = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${forged}` } });
    expect(problem(unknown, 401).message).toMatch(/unknown or revoked/);
    const created = f.tokens.create({ role: 'analyst', name: 'temp' });
    const before = await app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(before.statusCode).toBe(200);
    f.tokens.revoke(created.record.id);
    const after = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${created.token}` } });
    expect(problem(after, 401).message).toMatch(/revoked/);
  });

  it('tells each role who it is', async () => {
    for (const role of ['admin', 'analyst', 'team', 'platform'] as const) {
      const me = body(MeResponse, await get('/api/me', role));
      expect(me.role).toBe(role);
    }
    const team = body(MeResponse, await get('/api/me', 'team'));
    expect(team.scope).toEqual({
      provinces: ['Hà Nội'],
      categories: ['e_cigarettes', 'cigarettes'],
      team: 'hn-tobacco',
    });
  });
});

describe('GET /api/sellers', () => {
  it('finds sellers by words without diacritics, with facets', async () => {
    const result = body(SearchResponse, await get('/api/sellers?q=thuoc%20la%20dien%20tu', 'analyst'));
    const keys = result.sellers.map((seller) => seller.key);
    expect(keys).toContain('shopee:s1');
    expect(keys).toContain('tiktok:t1');
    expect(result.facets.platform.length).toBeGreaterThan(0);
    expect(result.facets.province.find((facet) => facet.value === 'Hà Nội')?.count).toBeGreaterThan(0);
  });

  it('takes list filters repeated or comma-separated, sorts and pages with a cursor', async () => {
    const repeated = body(
      SearchResponse,
      await get('/api/sellers?platform=shopee&platform=lazada', 'analyst'),
    );
    const commas = body(SearchResponse, await get('/api/sellers?platform=shopee,lazada', 'analyst'));
    expect(commas.total).toBe(repeated.total);
    expect(new Set(repeated.sellers.map((seller) => seller.platform))).toEqual(new Set(['shopee', 'lazada']));

    const first = body(SearchResponse, await get('/api/sellers?sort=score&order=desc&limit=2', 'analyst'));
    expect(first.sellers).toHaveLength(2);
    expect(first.sellers[0]!.score).toBeGreaterThanOrEqual(first.sellers[1]!.score);
    expect(first.nextCursor).toBeDefined();
    const second = body(
      SearchResponse,
      await get(
        `/api/sellers?sort=score&order=desc&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
        'analyst',
      ),
    );
    expect(second.sellers.map((seller) => seller.key)).not.toContain(first.sellers[0]!.key);
    expect(second.sellers[0]!.score).toBeLessThanOrEqual(first.sellers[1]!.score);
  });

  it('filters by province without diacritics, status, minimum score and flagged', async () => {
    const result = body(
      SearchResponse,
      await get('/api/sellers?province=Ha%20Noi&status=new&minScore=86&flagged=true', 'admin'),
    );
    expect(result.sellers.length).toBeGreaterThan(0);
    for (const seller of result.sellers) {
      expect(seller.province).toBe('Hà Nội');
      expect(seller.score).toBeGreaterThanOrEqual(86);
    }
  });

  it('answers 400 naming the bad filter, value, cursor or parameter', async () => {
    expect(problem(await get('/api/sellers?platform=ebay', 'analyst'), 400).message).toMatch(/platform/);
    expect(problem(await get('/api/sellers?limit=500', 'analyst'), 400).message).toMatch(/limit/);
    expect(problem(await get('/api/sellers?minScore=abc', 'analyst'), 400).message).toMatch(
      /minScore: must be a whole number/,
    );
    expect(problem(await get('/api/sellers?cursor=bogus', 'analyst'), 400).message).toMatch(/cursor/);
    expect(problem(await get('/api/sellers?color=red', 'analyst'), 400).message).toMatch(/color/);
    expect(problem(await get('/api/sellers?minScore=90&maxScore=10', 'analyst'), 400).message).toMatch(
      /maxScore/,
    );
  });

  it('narrows a team to its provinces and categories, and refuses others with 403', async () => {
    const result = body(SearchResponse, await get('/api/sellers', 'team'));
    expect(result.total).toBeGreaterThan(0);
    for (const seller of result.sellers) {
      expect(seller.province).toBe('Hà Nội');
      expect(seller.categories.some((id) => id === 'e_cigarettes' || id === 'cigarettes')).toBe(true);
    }
    expect(problem(await get('/api/sellers?province=Da%20Nang', 'team'), 403).message).toMatch(
      /covers Hà Nội only/,
    );
    expect(problem(await get('/api/sellers?category=cosmetics', 'team'), 403).message).toMatch(/cosmetics/);
    const sameArea = await get('/api/sellers?province=Ha%20Noi&category=cigarettes', 'team');
    expect(sameArea.statusCode).toBe(200);
  });

  it('refuses a platform token with 403', async () => {
    expect(problem(await get('/api/sellers', 'platform'), 403).message).toMatch(/platform token may not/);
  });
});

describe('GET /api/sellers/:key', () => {
  it('returns the case page: listings, reasons, evidence, history and next statuses', async () => {
    const detail = body(SellerDetailResponse, await get('/api/sellers/shopee%3Ah1seller', 'analyst'));
    expect(detail.seller.key).toBe('shopee:h1seller');
    expect(detail.items.map((item) => item.key)).toEqual(['shopee:h1']);
    expect(detail.reasons[0]).toMatchObject({
      rule: 'category.e_cigarettes',
      field: 'title',
      itemKey: 'shopee:h1',
    });
    expect(detail.evidence[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.allowedTransitions).toEqual(['reviewing', 'dismissed']);
  });

  it('keeps seller-written text as data', async () => {
    const detail = body(SellerDetailResponse, await get('/api/sellers/shopee:xss', 'analyst'));
    expect(detail.seller.name).toBe(HOSTILE_NAME);
  });

  it('answers 404 for an unknown seller', async () => {
    expect(problem(await get('/api/sellers/shopee:nobody', 'analyst'), 404).message).toMatch(/shopee:nobody/);
  });

  it('lets a team read its own sellers (without status buttons) and refuses others with 403', async () => {
    const own = body(SellerDetailResponse, await get('/api/sellers/shopee:s1', 'team'));
    expect(own.allowedTransitions).toEqual([]);
    expect(problem(await get('/api/sellers/shopee:s2', 'team'), 403).message).toMatch(/outside your team/);
    expect(problem(await get('/api/sellers/shopee:s1', 'platform'), 403).message).toMatch(/platform/);
  });
});

describe('GET /api/sellers/:key/items/:itemKey', () => {
  it('returns one listing with its reasons and evidence', async () => {
    const item = body(ItemSchema, await get('/api/sellers/shopee:s1/items/shopee%3Ap1', 'analyst'));
    expect(item).toMatchObject({ key: 'shopee:p1', sellerKey: 'shopee:s1', kind: 'listing' });
  });

  it('answers 404 for a listing of another seller or none, 403 outside a team', async () => {
    expect(problem(await get('/api/sellers/shopee:s1/items/shopee:p3', 'analyst'), 404).message).toMatch(
      /no listing/,
    );
    expect(problem(await get('/api/sellers/shopee:s2/items/shopee:p3', 'team'), 403).error).toBe('forbidden');
  });

  it('serves the stored raw page as a download with its hash checked, never as HTML', async () => {
    const response = await get('/api/sellers/shopee:h1seller/items/shopee:h1/evidence/raw', 'analyst');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    expect(response.headers['x-evidence-intact']).toBe('true');
    expect(response.headers['content-security-policy']).toMatch(/sandbox/);
    expect(response.body).toContain('Thuốc lá điện tử');
  });

  it('answers 404 for missing evidence, a missing file and a path outside the data dir', async () => {
    expect(
      problem(await get('/api/sellers/shopee:h1seller/items/shopee:h1/evidence/screenshot', 'analyst'), 404)
        .message,
    ).toMatch(/no screenshot evidence/);
    expect(
      problem(await get('/api/sellers/shopee:s1/items/shopee:p1/evidence/raw', 'analyst'), 404).message,
    ).toMatch(/not on this server/);
    expect(
      problem(await get('/api/sellers/shopee:s1/items/shopee:p1/evidence/pdf', 'analyst'), 400).message,
    ).toMatch(/kind/);
  });
});

describe('POST /api/sellers/:key/status and GET /api/sellers/:key/audit', () => {
  it('moves a case with a reason and records who, when and why', async () => {
    const detail = body(SellerDetailResponse, await get('/api/sellers/shopee:s2', 'analyst'));
    const moved = await post('/api/sellers/shopee:s2/status', 'analyst', {
      to: 'reviewing',
      expectedStatus: detail.seller.status,
      expectedVersion: detail.seller.caseVersion,
      reason: 'Ảnh sản phẩm giống hàng giả đã thu giữ',
    });
    expect(body(CaseStateResponse, moved)).toEqual({
      status: 'reviewing',
      caseVersion: detail.seller.caseVersion + 1,
    });
    const audit = body(AuditResponse, await get('/api/sellers/shopee:s2/audit', 'analyst'));
    expect(audit.events.at(-1)).toMatchObject({
      from: 'new',
      to: 'reviewing',
      reason: 'Ảnh sản phẩm giống hàng giả đã thu giữ',
    });
    expect(audit.events.at(-1)!.by).toMatch(/^Nguyễn Thị Lan \(analyst, token /);
  });

  it('answers 409 when the case moved on since it was read', async () => {
    const response = await post('/api/sellers/shopee:s2/status', 'admin', {
      to: 'dismissed',
      expectedStatus: 'new',
      expectedVersion: 0,
      reason: 'stale page',
    });
    const error = problem(response, 409);
    expect(error.error).toBe('conflict');
    expect(error.details).toMatchObject({ current: { status: 'reviewing' } });
  });

  it('answers 409 for a move the workflow does not allow, naming the allowed ones', async () => {
    const response = await post('/api/sellers/lazada:l1/status', 'analyst', {
      to: 'removed',
      expectedStatus: 'new',
      expectedVersion: 0,
      reason: 'skip ahead',
    });
    const error = problem(response, 409);
    expect(error.error).toBe('invalid_transition');
    expect(error.message).toMatch(/allowed: reviewing, dismissed/);
  });

  it('answers 400 without a reason, with a bad status or without a body', async () => {
    const base = { to: 'reviewing', expectedStatus: 'new', expectedVersion: 0 };
    expect(
      problem(await post('/api/sellers/tiki:k1/status', 'analyst', { ...base, reason: '  ' }), 400).message,
    ).toMatch(/reason: a case change needs a reason/);
    expect(problem(await post('/api/sellers/tiki:k1/status', 'analyst', base), 400).message).toMatch(
      /reason/,
    );
    expect(
      problem(
        await post('/api/sellers/tiki:k1/status', 'analyst', { ...base, to: 'closed', reason: 'x' }),
        400,
      ).message,
    ).toMatch(/to/);
    const noBody = await app.inject({
      method: 'POST',
      url: '/api/sellers/tiki:k1/status',
      headers: { authorization: `Bearer ${f.token.analyst}`, 'content-type': 'application/json' },
      payload: '{"to":',
    });
    expect(problem(noBody, 400).message).toMatch(/JSON/);
  });

  it('answers 404 for an unknown seller', async () => {
    const response = await post('/api/sellers/shopee:nobody/status', 'analyst', {
      to: 'reviewing',
      expectedStatus: 'new',
      expectedVersion: 0,
      reason: 'x',
    });
    expect(problem(response, 404).error).toBe('not_found');
  });

  it('refuses team and platform tokens with 403, and no token with 401', async () => {
    const change = { to: 'reviewing', expectedStatus: 'new', expectedVersion: 0, reason: 'x' };
    expect(problem(await post('/api/sellers/shopee:s1/status', 'team', change), 403).message).toMatch(
      /admin or analyst/,
    );
    expect(problem(await post('/api/sellers/shopee:s1/status', 'platform', change), 403).error).toBe(
      'forbidden',
    );
    expect(problem(await post('/api/sellers/shopee:s1/status', undefined, change), 401).error).toBe(
      'unauthorized',
    );
  });

  it('serves the audit log to a team for its own sellers only', async () => {
    expect(body(AuditResponse, await get('/api/sellers/shopee:s1/audit', 'team')).sellerKey).toBe(
      'shopee:s1',
    );
    expect(problem(await get('/api/sellers/shopee:s2/audit', 'team'), 403).error).toBe('forbidden');
    expect(problem(await get('/api/sellers/shopee:nobody/audit', 'analyst'), 404).error).toBe('not_found');
  });
});

describe('GET /api/hotspots', () => {
  it('returns province × category cells over the 34 units', async () => {
    const result = body(HotspotsResponse, await get('/api/hotspots', 'analyst'));
    expect(result.provinces.slice(0, 34)).toHaveLength(34);
    expect(result.provinces[0]).toBe('Hà Nội');
    const cell = result.cells.find((c) => c.province === 'Hà Nội' && c.category === 'e_cigarettes');
    expect(cell?.sellers).toBeGreaterThanOrEqual(3);
    expect(cell?.meanScore).toBeGreaterThan(0);
  });

  it('narrows a team to its area, refuses platform tokens and bad filters', async () => {
    const result = body(HotspotsResponse, await get('/api/hotspots', 'team'));
    expect(result.categories).toEqual(['e_cigarettes', 'cigarettes']);
    expect(result.cells.every((c) => c.province === 'Hà Nội')).toBe(true);
    expect(problem(await get('/api/hotspots', 'platform'), 403).error).toBe('forbidden');
    expect(problem(await get('/api/hotspots?category=drugs', 'analyst'), 400).message).toMatch(/category/);
  });
});

describe('GET /api/early-warning', () => {
  it('returns daily counts of the last 30 days by default', async () => {
    const result = body(EarlyWarningResponse, await get('/api/early-warning', 'analyst'));
    expect(result).toMatchObject({ from: '2026-10-22', to: '2026-11-20', source: 'index.dailyCounts' });
    expect(result.days.some((d) => d.province === 'Hà Nội' && d.category === 'e_cigarettes')).toBe(true);
    expect(result.alerts[0]).toMatchObject({ province: 'Hà Nội', category: 'e_cigarettes', baseline: 0 });
  });

  it('filters by cell and range; 400 for a bad day or range', async () => {
    const result = body(
      EarlyWarningResponse,
      await get(
        '/api/early-warning?from=2026-11-19&to=2026-11-19&province=Ha%20Noi&category=e_cigarettes',
        'team',
      ),
    );
    expect(result.days.map((d) => d.day)).toEqual(['2026-11-19']);
    expect(problem(await get('/api/early-warning?from=19/11/2026', 'analyst'), 400).message).toMatch(/from/);
    expect(
      problem(await get('/api/early-warning?from=2026-11-20&to=2026-11-01', 'analyst'), 400).message,
    ).toMatch(/from is after to/);
    expect(problem(await get('/api/early-warning', 'platform'), 403).error).toBe('forbidden');
  });
});

describe('lead lists and takedown exports (app built without a leads provider)', () => {
  it('checks the token, then answers 501 with a message', async () => {
    expect(problem(await get('/api/leads/hn-tobacco', 'analyst'), 501).message).toMatch(
      /without a leads provider/,
    );
    expect(problem(await get('/api/leads/hn-tobacco', 'team'), 501).error).toBe('not_implemented');
    expect(problem(await get('/api/leads/hn-tobacco/2026-11-20?format=csv', 'team'), 501).error).toBe(
      'not_implemented',
    );
    expect(problem(await get('/api/takedown/shopee', 'platform'), 501).error).toBe('not_implemented');
  });

  it('keeps each team to its lists and each platform to its exports (403)', async () => {
    expect(problem(await get('/api/leads/dn-general', 'team'), 403).message).toMatch(/hn-tobacco/);
    expect(problem(await get('/api/leads/hn-tobacco', 'teamNoLeads'), 403).message).toMatch(/names no team/);
    expect(problem(await get('/api/leads/hn-tobacco', 'platform'), 403).error).toBe('forbidden');
    expect(problem(await get('/api/takedown/lazada', 'platform'), 403).message).toMatch(/of shopee only/);
    expect(problem(await get('/api/takedown/shopee', 'team'), 403).error).toBe('forbidden');
    expect(problem(await get('/api/takedown/ebay', 'platform'), 400).message).toMatch(/platform/);
    expect(problem(await get('/api/leads/hn-tobacco/2026-13-45x', 'team'), 400).message).toMatch(/date/);
  });
});

describe('the web app and its headers', () => {
  it('serves the app with a strict Content-Security-Policy and no inline script', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('marks API answers as not to be cached', async () => {
    expect((await get('/api/me', 'analyst')).headers['cache-control']).toBe('no-store');
  });

  it('answers 404 as JSON for an unknown path', async () => {
    expect(problem(await get('/api/nothing-here', 'analyst'), 404).message).toMatch(
      /nothing at GET \/api\/nothing-here/,
    );
  });
});

describe('OpenAPI at /docs', () => {
  it('documents every API route with its parameters, body, responses and bearer security', async () => {
    const response = await get('/docs/json');
    expect(response.statusCode).toBe(200);
    const spec = JSON.parse(response.body) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string }[];
            requestBody?: unknown;
            responses: Record<string, unknown>;
          }
        >
      >;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths).sort()).toEqual(
      [
        '/api/early-warning',
        '/api/health',
        '/api/hotspots',
        '/api/leads/{team}',
        '/api/leads/{team}/{date}',
        '/api/me',
        '/api/sellers',
        '/api/sellers/{key}',
        '/api/sellers/{key}/audit',
        '/api/sellers/{key}/items/{itemKey}',
        '/api/sellers/{key}/items/{itemKey}/evidence/{kind}',
        '/api/sellers/{key}/status',
        '/api/takedown/{platform}',
      ].sort(),
    );
    const search = spec.paths['/api/sellers']!.get!;
    expect(search.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'platform', 'category', 'province', 'status', 'sort', 'cursor', 'limit']),
    );
    expect(Object.keys(search.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    const status = spec.paths['/api/sellers/{key}/status']!.post!;
    expect(status.requestBody).toBeDefined();
    expect(Object.keys(status.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409']),
    );
    expect(spec.components.securitySchemes).toHaveProperty('bearer');
  });

  it('serves the docs page', async () => {
    const start = await get('/docs');
    const location = start.statusCode === 302 ? String(start.headers.location) : '/docs';
    const response = await get(
      location.startsWith('/') ? location : `/docs/${location.replace(/^\.\//, '')}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger-ui');
  });
});
