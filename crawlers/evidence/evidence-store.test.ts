import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidenceSchema } from '../../records/index.js';
import { EvidenceStore, sha256Hex } from './evidence-store.js';

describe('EvidenceStore', () => {
  let dataDir: string;
  let store: EvidenceStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ecomwatch-evidence-'));
    store = new EvidenceStore(dataDir);
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the raw body content-addressed and returns a valid Evidence record', async () => {
    const body = '{"data":[{"name":"Pod Elf Bar 6000 hơi"}]}';
    const evidence = await store.capture({
      url: 'https://tiki.vn/api/v2/products?q=pod',
      capturedAt: '2026-11-23T09:00:00.000Z',
      body,
      contentType: 'application/json',
    });
    expect(EvidenceSchema.parse(evidence)).toEqual(evidence);
    expect(evidence.sha256).toBe(sha256Hex(Buffer.from(body, 'utf8')));
    expect(evidence.path).toBe(join('evidence', evidence.sha256.slice(0, 2), `${evidence.sha256}.json`));
    expect(readFileSync(join(dataDir, evidence.path), 'utf8')).toBe(body);
    await expect(store.verify(evidence)).resolves.toEqual({ ok: true });
  });

  it('the same bytes are stored once; different URLs share the blob', async () => {
    const a = await store.capture({
      url: 'u1',
      capturedAt: '2026-11-23T09:00:00Z',
      body: '<html>x</html>',
      contentType: 'text/html',
    });
    const b = await store.capture({
      url: 'u2',
      capturedAt: '2026-11-23T10:00:00Z',
      body: '<html>x</html>',
      contentType: 'text/html',
    });
    expect(a.path).toBe(b.path);
    expect(a.url).not.toBe(b.url);
  });

  it('keeps a screenshot with its own hash and verifies both', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const evidence = await store.capture({
      url: 'u',
      capturedAt: '2026-11-23T09:00:00Z',
      body: '<html></html>',
      contentType: 'text/html',
      screenshot: png,
    });
    expect(evidence.screenshotPath).toMatch(/\.png$/);
    expect(evidence.screenshotSha256).toBe(sha256Hex(png));
    await expect(store.verify(evidence)).resolves.toEqual({ ok: true });
    writeFileSync(join(dataDir, evidence.screenshotPath!), 'edited');
    await expect(store.verify(evidence)).resolves.toMatchObject({ ok: false });
  });

  it('verify says when a page was altered or is missing', async () => {
    const evidence = await store.capture({
      url: 'u',
      capturedAt: '2026-11-23T09:00:00Z',
      body: 'giá 159.000đ',
      contentType: 'text/html',
    });
    writeFileSync(join(dataDir, evidence.path), 'giá 15.000đ');
    const altered = await store.verify(evidence);
    expect(altered.ok).toBe(false);
    expect(altered.ok ? '' : altered.reason).toMatch(/hashes to [0-9a-f]{64}, record says/);
    rmSync(join(dataDir, evidence.path));
    await expect(store.verify(evidence)).resolves.toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cannot read/) as unknown,
    });
  });
});
