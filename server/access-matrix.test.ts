import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureApp } from './testing/fixture-app.js';

let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp();
});
afterAll(async () => {
  await f.close();
});

type Who = 'none' | 'admin' | 'analyst' | 'team' | 'platform';
const change = { to: 'dismissed', expectedStatus: 'new', expectedVersion: 0, reason: 'matrix' };

/**
 * Every route × every kind of caller, with the status each must get. A team token covers
 * Hà Nội × tobacco (shopee:s1 is inside, shopee:s2 outside) and reads the lists of hn-tobacco;
 * the platform token is Shopee's. 501: the route is allowed, this app has no leads provider.
 */
const MATRIX: { method: 'GET' | 'POST'; url: string; expect: Record<Who, number> }[] = [
  {
    method: 'GET',
    url: '/api/health',
    expect: { none: 200, admin: 200, analyst: 200, team: 200, platform: 200 },
  },
  {
    method: 'GET',
    url: '/api/me',
    expect: { none: 401, admin: 200, analyst: 200, team: 200, platform: 200 },
  },
  {
    method: 'GET',
    url: '/api/sellers',
    expect: { none: 401, admin: 200, analyst: 200, team: 200, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/sellers/shopee:s1',
    expect: { none: 401, admin: 200, analyst: 200, team: 200, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/sellers/shopee:s2',
    expect: { none: 401, admin: 200, analyst: 200, team: 403, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/sellers/shopee:s1/items/shopee:p1',
    expect: { none: 401, admin: 200, analyst: 200, team: 200, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/sellers/shopee:h1seller/items/shopee:h1/evidence/raw',
    expect: { none: 401, admin: 200, analyst: 200, team: 200, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/sellers/shopee:s1/audit',
    expect: { none: 401, admin: 200, analyst: 200, team: 200, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/hotspots',
    expect: { none: 401, admin: 200, analyst: 200, team: 200, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/early-warning',
    expect: { none: 401, admin: 200, analyst: 200, team: 200, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/leads/hn-tobacco',
    expect: { none: 401, admin: 501, analyst: 501, team: 501, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/leads/other',
    expect: { none: 401, admin: 501, analyst: 501, team: 403, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/leads/hn-tobacco/2026-11-20',
    expect: { none: 401, admin: 501, analyst: 501, team: 501, platform: 403 },
  },
  {
    method: 'GET',
    url: '/api/takedown/shopee',
    expect: { none: 401, admin: 501, analyst: 501, team: 403, platform: 501 },
  },
  {
    method: 'GET',
    url: '/api/takedown/tiki',
    expect: { none: 401, admin: 501, analyst: 501, team: 403, platform: 403 },
  },
  // Last: the first caller allowed dismisses the case, so later allowed callers get 409.
  {
    method: 'POST',
    url: '/api/sellers/tiktok:t1/status',
    expect: { none: 401, admin: 200, analyst: 409, team: 403, platform: 403 },
  },
];

describe('who may call what', () => {
  for (const route of MATRIX) {
    it(`${route.method} ${route.url}`, async () => {
      for (const who of ['none', 'admin', 'analyst', 'team', 'platform'] as const) {
        const response = await f.app.inject({
          method: route.method,
          url: route.url,
          headers: who === 'none' ? {} : { authorization: `Bearer ${f.token[who]}` },
          ...(route.method === 'POST' ? { payload: change } : {}),
        });
        expect({ who, status: response.statusCode }).toEqual({ who, status: route.expect[who] });
        if (response.statusCode >= 400) {
          const body = JSON.parse(response.body) as { message?: unknown };
          expect(typeof body.message).toBe('string');
        }
      }
    });
  }
});
