import { describe, expect, it } from 'vitest';
import { backoffMillis, DomainLimiter } from './domain-limiter.js';

/** Virtual time: `wait` advances the clock instead of sleeping, so nothing here is timed. */
function virtualClock(): { now: () => number; wait: (millis: number) => Promise<void>; waits: number[] } {
  let time = 1_000_000;
  const waits: number[] = [];
  return {
    now: () => time,
    wait: (millis) => {
      waits.push(millis);
      time += millis;
      return Promise.resolve();
    },
    waits,
  };
}

describe('DomainLimiter', () => {
  it('spaces starts to one host 60000/N ms apart', async () => {
    const clock = virtualClock();
    const limiter = new DomainLimiter({
      maxRequestsPerMinute: 120,
      maxConcurrency: 10,
      now: clock.now,
      wait: clock.wait,
    });
    for (let index = 0; index < 5; index++) {
      await limiter.acquire('tiki.vn');
      limiter.release('tiki.vn');
    }
    expect(limiter.grants.get('tiki.vn')).toBe(5);
    expect(clock.waits).toEqual([500, 500, 500, 500]);
  });

  it('never lets one host wait on another', async () => {
    const clock = virtualClock();
    const limiter = new DomainLimiter({
      maxRequestsPerMinute: 1,
      maxConcurrency: 10,
      now: clock.now,
      wait: clock.wait,
    });
    await limiter.acquire('a.vn');
    await limiter.acquire('b.vn');
    await limiter.acquire('c.vn');
    expect(clock.waits).toEqual([]);
  });

  it('holds the host after a pause (429 back-off)', async () => {
    const clock = virtualClock();
    const limiter = new DomainLimiter({
      maxRequestsPerMinute: 60_000,
      maxConcurrency: 10,
      now: clock.now,
      wait: clock.wait,
    });
    await limiter.acquire('shopee.vn');
    limiter.release('shopee.vn');
    limiter.pause('shopee.vn', 8000);
    await limiter.acquire('shopee.vn');
    expect(clock.waits).toEqual([8000]);
  });

  it('caps requests in flight per host and hands the slot to the next waiter', async () => {
    const limiter = new DomainLimiter({ maxRequestsPerMinute: 600_000, maxConcurrency: 2 });
    await limiter.acquire('h');
    await limiter.acquire('h');
    let third = false;
    const pending = limiter.acquire('h').then(() => {
      third = true;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    expect(limiter.inFlight('h')).toBe(2);
    limiter.release('h');
    await pending;
    expect(third).toBe(true);
    expect(limiter.inFlight('h')).toBe(2);
  });
});

describe('backoffMillis', () => {
  it('doubles per attempt and stops at the cap', () => {
    expect([0, 1, 2, 3, 10].map((attempt) => backoffMillis(attempt, 2000, 60_000))).toEqual([
      2000, 4000, 8000, 16000, 60_000,
    ]);
  });
});
