import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listing, risk } from '../index/contract/fixtures.js';
import { buildCaseFile } from './case-file.js';
import { openStateDb } from './state-db.js';
import { exportTakedowns } from './takedown-export.js';
import { TakedownLedger } from './takedown-ledger.js';
import { moveCase } from './testing/move-case.js';
import { readZip } from './testing/read-zip.js';
import { testWorld, type TestWorld } from './testing/test-world.js';

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

let w: TestWorld;
beforeEach(async () => {
  w = await testWorld();
});
afterEach(async () => {
  await w.cleanup();
});

describe('case files', () => {
  it('zips listings, evidence, a verified SHA-256 list, timeline and audit log', async () => {
    // p1's evidence is on disk (fixture path evidence/p1.json, recorded hash "aaa…": altered);
    // a new listing carries a true hash and a screenshot; p2's evidence is missing.
    mkdirSync(join(w.dir, 'evidence', 'ab'), { recursive: true });
    writeFileSync(join(w.dir, 'evidence', 'p1.json'), '{"page":"p1"}');
    const page = '<html>Pod chính hãng</html>';
    const shot = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    writeFileSync(join(w.dir, 'evidence', 'ab', 'page.html'), page);
    writeFileSync(join(w.dir, 'evidence', 'ab', 'shot.png'), shot);
    const p7 = listing('shopee', 'p7', 's1', 'Pod chính hãng', risk(88, ['e_cigarettes'], ['banned_goods']));
    p7.evidence = {
      capturedAt: '2026-11-20T04:00:00.000Z',
      url: p7.url,
      sha256: sha(page),
      path: 'evidence/ab/page.html',
      screenshotPath: 'evidence/ab/shot.png',
      screenshotSha256: sha(shot),
    };
    const sneaky = listing('shopee', 'p8', 's1', 'Sneaky', risk(60, ['e_cigarettes']));
    sneaky.evidence = {
      ...p7.evidence,
      path: '/etc/hostname',
      screenshotPath: undefined,
      screenshotSha256: undefined,
    };
    await w.index.upsertItems([p7, sneaky]);
    await moveCase(w.index, 'shopee:s1', ['reviewing', 'confirmed', 'referred']);
    const db = openStateDb(join(w.dir, 'leads.sqlite'));
    const ledger = new TakedownLedger(db);
    await exportTakedowns(w.index, w.config, {
      platform: 'shopee',
      format: 'csv',
      out: join(w.dir, 'td.csv'),
      ledger,
    });

    const out = join(w.dir, 'case.zip');
    const result = await buildCaseFile(w.index, w.config, 'shopee:s1', {
      out,
      ledger,
      now: new Date('2026-11-23T00:00:00Z'),
    });
    db.close();
    const zip = readZip(out);

    // Every line of SHA256SUMS matches the file in the zip, and every other file is listed.
    const sums = zip.get('SHA256SUMS')!.toString('utf8').trim().split('\n');
    const listed = new Map(sums.map((line) => [line.slice(66), line.slice(0, 64)]));
    expect([...listed.keys()].sort()).toEqual([...zip.keys()].filter((name) => name !== 'SHA256SUMS').sort());
    for (const [name, hash] of listed) expect(sha(zip.get(name)!), name).toBe(hash);

    // Evidence: present files are in the zip byte for byte; hashes checked against the record.
    expect(zip.get('evidence/evidence/ab/page.html')?.toString('utf8')).toBe(page);
    expect(zip.get('evidence/evidence/ab/shot.png')).toEqual(shot);
    const byPath = new Map(result.evidence.map((entry) => [entry.path, entry]));
    expect(byPath.get('evidence/ab/page.html')).toMatchObject({ present: true, matches: true });
    expect(byPath.get('evidence/ab/shot.png')).toMatchObject({
      present: true,
      matches: true,
      kind: 'screenshot',
    });
    expect(byPath.get('evidence/p1.json')).toMatchObject({ present: true, matches: false });
    expect(byPath.get('evidence/p2.json')).toMatchObject({ present: false, why: 'not on disk' });
    expect(byPath.get('/etc/hostname')?.present).toBe(false);
    expect([...zip.keys()].some((name) => name.includes('hostname'))).toBe(false);

    const listings = JSON.parse(zip.get('listings.json')!.toString('utf8')) as { key: string }[];
    expect(listings.map((item) => item.key).sort()).toEqual([
      'shopee:p1',
      'shopee:p2',
      'shopee:p7',
      'shopee:p8',
    ]);
    const timeline = JSON.parse(zip.get('timeline.json')!.toString('utf8')) as {
      at: string;
      event: string;
    }[];
    expect(timeline.map((event) => event.at)).toEqual(
      [...timeline.map((event) => event.at)].sort((a, b) => Date.parse(a) - Date.parse(b)),
    );
    expect(timeline.map((event) => event.event)).toEqual(
      expect.arrayContaining(['first_seen', 'captured', 'case_status', 'takedown_requested', 'case_file']),
    );
    const audit = JSON.parse(zip.get('audit-log.json')!.toString('utf8')) as {
      caseEvents: { to: string }[];
      takedownRequests: unknown[];
    };
    expect(audit.caseEvents.map((event) => event.to)).toEqual([
      'reviewing',
      'confirmed',
      'referred',
      'takedown_requested',
    ]);
    expect(audit.takedownRequests).toHaveLength(4);
    expect(zip.get('listings.csv')!.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('says when the seller is unknown', async () => {
    await expect(buildCaseFile(w.index, w.config, 'shopee:nobody')).rejects.toThrow(/no seller/);
  });
});
