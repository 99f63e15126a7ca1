import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidQueryError, NotFoundError, StoreError } from '../index/errors.js';
import { forbidden, mapError, RequestValidationError } from './errors.js';
import { fixtureApp, type FixtureApp } from './testing/fixture-app.js';

let f: FixtureApp | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

describe('mapError', () => {
  it('maps domain errors to 400/404/409 with their own message', () => {
    expect(mapError(new NotFoundError('shopee:x'))).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
    expect(mapError(new InvalidQueryError(['platform: bad']))).toMatchObject({
      status: 400,
      body: { message: 'invalid query: platform: bad', details: { problems: ['platform: bad'] } },
    });
    expect(mapError(new ConflictError('moved on'))).toMatchObject({
      status: 409,
      body: { error: 'conflict' },
    });
    expect(mapError(new RequestValidationError('body', ['reason: required']))).toMatchObject({ status: 400 });
    expect(mapError(forbidden('no'))).toMatchObject({
      status: 403,
      body: { error: 'forbidden', message: 'no' },
    });
  });

  it('never passes on the message of an unexpected or store error', () => {
    const internal = mapError(new Error('SQLITE_CORRUPT at /srv/data/seller-index.sqlite'));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal.body)).not.toMatch(/SQLITE|srv/);
    const store = mapError(new StoreError('cluster at http://10.0.0.5:9200 said 500'));
    expect(store.status).toBe(500);
    expect(JSON.stringify(store.body)).not.toMatch(/10\.0\.0\.5/);
    const busy = mapError(new StoreError('es 429 from node-3', { retryable: true }));
    expect(busy).toMatchObject({ status: 503, body: { error: 'unavailable' } });
    expect(JSON.stringify(busy.body)).not.toMatch(/node-3/);
  });
});

describe('a failing index behind the app', () => {
  it('answers 500 with a request id and nothing of the cause', async () => {
    f = await fixtureApp();
    f.index.search = () => Promise.reject(new Error('SQLITE_IOERR: /secret/path/seller-index.sqlite'));
    const response = await f.app.inject({
      url: '/api/sellers',
      headers: { authorization: `Bearer ${f.token.analyst}` },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/SQLITE|secret/);
    expect(JSON.parse(response.body)).toMatchObject({
      error: 'internal',
      requestId: expect.any(String) as string,
    });
  });

  it('refuses a body over the limit with 413', async () => {
    f = await fixtureApp({ server: { bodyLimit: 1024 } });
    const response = await f.app.inject({
      method: 'POST',
      url: '/api/sellers/shopee:s1/status',
      headers: { authorization: `Bearer ${f.token.analyst}` },
      payload: { to: 'reviewing', expectedStatus: 'new', expectedVersion: 0, reason: 'x'.repeat(5000) },
    });
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'bad_request' });
  });
});
