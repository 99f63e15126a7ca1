import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';
import { AUTO_THREADS_MIN_BYTES, autoThreads } from './score.js';

const listing = {
  platform: 'shopee',
  listingId: '42',
  url: 'https://shopee.vn/x-i.1.42',
  title: 'Pod 1 lần 6000 hơi vị nho',
  price: 120000,
  sellerId: 's1',
  capturedAt: '2026-11-01T08:00:00+07:00',
  crawlerNote: 'kept as given',
};
const livestream = {
  platform: 'tiktok',
  streamId: 'live-7',
  url: 'https://www.tiktok.com/@h/live',
  title: 'Xả kho',
  hostId: 'h1',
  capturedAt: '2026-11-01T20:00:00+07:00',
  products: [{ title: 'Sữa tắm Dove 900g', price: 150000 }],
};

let dir: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecomwatch-score-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function score(
  lines: string[],
  ...flags: string[]
): Promise<{ code: number; out: Record<string, unknown>[] }> {
  const input = join(dir, 'in.jsonl');
  const output = join(dir, 'out.jsonl');
  writeFileSync(input, lines.join('\n') + '\n');
  const code = await main(['node', 'ecomwatch', 'score', '--in', input, '--out', output, ...flags]);
  const text = readFileSync(output, 'utf8');
  return {
    code,
    out:
      text.trim() === ''
        ? []
        : text
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('ecomwatch score', () => {
  it('adds risk to each record and passes unknown fields through untouched', async () => {
    const { code, out } = await score([JSON.stringify(listing), JSON.stringify(livestream)]);
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    const [scoredListing, scoredStream] = out as [Record<string, unknown>, Record<string, unknown>];
    expect(scoredListing).toMatchObject({
      ...listing,
      risk: { flagged: true, categories: ['e_cigarettes'] },
    });
    expect(scoredStream).toMatchObject({
      ...livestream,
      risk: { flagged: false, categories: ['cosmetics'] },
    });
    expect((scoredListing.risk as { ruleset: string }).ruleset).toMatch(/^ecomwatch-rules@/);
    expect(stderr).toMatch(/2 scored, 1 flagged, 0 rejected/);
  });

  it('reports bad lines with their numbers, scores the rest, and exits 3', async () => {
    const { code, out } = await score([
      JSON.stringify(listing),
      '{"platform": "shopee", "title": ',
      JSON.stringify({ ...listing, listingId: '43', platform: 'ebay' }),
      '[1, 2]',
      JSON.stringify({ ...listing, listingId: '44' }),
    ]);
    expect(code).toBe(3);
    expect(out.map((record) => record.listingId)).toEqual(['42', '44']);
    expect(stderr).toMatch(/line 2: not valid JSON/);
    expect(stderr).toMatch(/line 3: not a valid listing: platform/);
    expect(stderr).toMatch(/line 4: not a JSON object/);
    expect(stderr).toMatch(/2 scored, 2 flagged, 3 rejected/);
  });

  it('honours --threshold and says what is wrong with a bad one', async () => {
    // Not banned goods: those stay flagged whatever the threshold.
    const sunscreen = { ...listing, title: 'Kem chống nắng Anessa nội địa Nhật xách tay' };
    const flagged = (records: Record<string, unknown>[]): boolean =>
      (records[0]!.risk as { flagged: boolean }).flagged;
    expect(flagged((await score([JSON.stringify(sunscreen)], '--no-classifier')).out)).toBe(true);
    expect(
      flagged((await score([JSON.stringify(sunscreen)], '--threshold', '100', '--no-classifier')).out),
    ).toBe(false);
    const code = await main(['node', 'ecomwatch', 'score', '--threshold', 'high']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--threshold must be a whole number/);
  });

  it('says a missing input file is a usage error and leaves no partial output', async () => {
    const code = await main([
      'node',
      'ecomwatch',
      'score',
      '--in',
      join(dir, 'missing.jsonl'),
      '--out',
      join(dir, 'o.jsonl'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/input file not found/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports an input it cannot read in one line, without a stack trace', async () => {
    const code = await main(['node', 'ecomwatch', 'score', '--in', dir, '--out', join(dir, 'o.jsonl')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ecomwatch: EISDIR/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes worker threads by itself only for a large input file', () => {
    expect(autoThreads(undefined, 8)).toBe(1); // stdin: its size is unknown
    expect(autoThreads(AUTO_THREADS_MIN_BYTES - 1, 8)).toBe(1);
    expect(autoThreads(AUTO_THREADS_MIN_BYTES, 2)).toBe(2);
    expect(autoThreads(AUTO_THREADS_MIN_BYTES, 16)).toBe(4);
    expect(autoThreads(AUTO_THREADS_MIN_BYTES, 1)).toBe(1);
  });

  it('gives the same bytes, rejects and order on worker threads as in one thread', async () => {
    // More lines than one batch, with bad lines spread through, so several workers take part.
    const lines = Array.from({ length: 1_400 }, (_, index) =>
      index % 97 === 5 ? '{broken' : JSON.stringify({ ...listing, listingId: String(index) }),
    );
    const input = join(dir, 'many.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const run = async (threads: string): Promise<{ code: number; out: string; errors: string }> => {
      stderr = '';
      const output = join(dir, `out-${threads}.jsonl`);
      const code = await main([
        'node',
        'ecomwatch',
        'score',
        '--in',
        input,
        '--out',
        output,
        '--threads',
        threads,
      ]);
      return { code, out: readFileSync(output, 'utf8'), errors: stderr };
    };
    const one = await run('1');
    const three = await run('3');
    expect(one.code).toBe(3);
    expect(three).toEqual(one);
    expect(one.out.split('\n').filter(Boolean)).toHaveLength(1_400 - 15);
    expect(one.errors).toMatch(/line 6: not valid JSON[\s\S]*line 1364: not valid JSON/);
    const code = await main(['node', 'ecomwatch', 'score', '--threads', '0']);
    expect(code).toBe(2);
  }, 60_000);
});
