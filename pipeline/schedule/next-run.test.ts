import { describe, expect, it } from 'vitest';
import {
  assertTimeZone,
  dailyCronPattern,
  latestRun,
  localDateString,
  nextRun,
  parseDailyTime,
  utcOffsetMillis,
  wallClock,
  zonedInstant,
} from './next-run.js';

const HCM = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('nextRun in Vietnam (UTC+7, no DST)', () => {
  it('is later the same local day when the time has not come yet', () => {
    // 01:59:59 in Hanoi on 11 March is 18:59:59 UTC on 10 March.
    expect(iso(nextRun(at('2026-03-10T18:59:59Z'), '02:00', HCM))).toBe('2026-03-10T19:00:00.000Z');
  });

  it('is strictly after: at the very minute, the next day', () => {
    expect(iso(nextRun(at('2026-03-10T19:00:00Z'), '02:00', HCM))).toBe('2026-03-11T19:00:00.000Z');
    expect(iso(latestRun(at('2026-03-10T19:00:00Z'), '02:00', HCM))).toBe('2026-03-10T19:00:00.000Z');
  });

  it('follows the local day, not the UTC one, across midnight', () => {
    // 00:30 on 1 January 2027 in Hanoi, still 31 December in UTC.
    const now = at('2026-12-31T17:30:00Z');
    expect(localDateString(now, HCM)).toBe('2027-01-01');
    expect(localDateString(now, 'UTC')).toBe('2026-12-31');
    expect(iso(nextRun(now, '00:15', HCM))).toBe('2027-01-01T17:15:00.000Z');
    expect(iso(nextRun(now, '23:59', HCM))).toBe('2027-01-01T16:59:00.000Z');
    expect(iso(nextRun(now, '06:00', HCM))).toBe('2026-12-31T23:00:00.000Z');
    expect(iso(latestRun(now, '06:00', HCM))).toBe('2026-12-30T23:00:00.000Z');
    expect(iso(latestRun(now, '00:15', HCM))).toBe('2026-12-31T17:15:00.000Z');
  });

  it('crosses month ends and 29 February', () => {
    // 03:00 on 29 February 2028 in Hanoi.
    const now = at('2028-02-28T20:00:00Z');
    expect(iso(nextRun(now, '02:00', HCM))).toBe('2028-02-29T19:00:00.000Z');
    expect(localDateString(nextRun(now, '02:00', HCM), HCM)).toBe('2028-03-01');
    expect(iso(latestRun(now, '02:00', HCM))).toBe('2028-02-28T19:00:00.000Z');
    expect(localDateString(latestRun(now, '02:00', HCM), HCM)).toBe('2028-02-29');
  });
});

describe('nextRun in other time zones', () => {
  it('reads the time in the zone given: UTC, India (+5:30), the Line Islands (+14), Samoa (−11)', () => {
    const now = at('2026-03-10T12:00:00Z');
    expect(iso(nextRun(at('2026-03-10T01:00:00Z'), '02:00', 'UTC'))).toBe('2026-03-10T02:00:00.000Z');
    expect(iso(nextRun(now, '02:00', 'Asia/Kolkata'))).toBe('2026-03-10T20:30:00.000Z');
    // 02:00 on 11 March in Kiritimati already; 06:00 there is 16:00 UTC on the 10th.
    expect(localDateString(now, 'Pacific/Kiritimati')).toBe('2026-03-11');
    expect(iso(nextRun(now, '06:00', 'Pacific/Kiritimati'))).toBe('2026-03-10T16:00:00.000Z');
    // 01:00 on 10 March in Pago Pago.
    expect(iso(nextRun(now, '06:00', 'Pacific/Pago_Pago'))).toBe('2026-03-10T17:00:00.000Z');
  });

  it('handles a DST gap: a time that does not exist runs as much later as the gap is long', () => {
    // New York springs forward at 02:00 on 8 March 2026: 02:30 that day does not exist.
    const ny = 'America/New_York';
    expect(iso(nextRun(at('2026-03-08T05:00:00Z'), '02:30', ny))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(nextRun(at('2026-03-08T07:30:00Z'), '02:30', ny))).toBe('2026-03-09T06:30:00.000Z');
    expect(iso(nextRun(at('2026-03-07T05:00:00Z'), '02:30', ny))).toBe('2026-03-07T07:30:00.000Z');
  });

  it('handles a DST overlap: a time that happens twice runs once, the first time', () => {
    // New York falls back at 02:00 on 1 November 2026: 01:30 happens at 05:30 and 06:30 UTC.
    const ny = 'America/New_York';
    expect(iso(nextRun(at('2026-11-01T04:00:00Z'), '01:30', ny))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(nextRun(at('2026-11-01T05:30:00Z'), '01:30', ny))).toBe('2026-11-02T06:30:00.000Z');
    expect(iso(latestRun(at('2026-11-01T06:45:00Z'), '01:30', ny))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('does not depend on the time zone of the machine', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(iso(nextRun(at('2026-03-10T18:59:59Z'), '02:00', HCM))).toBe('2026-03-10T19:00:00.000Z');
      process.env.TZ = 'Asia/Tokyo';
      expect(iso(nextRun(at('2026-12-31T17:30:00Z'), '06:00', HCM))).toBe('2026-12-31T23:00:00.000Z');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('always lands on the wall-clock time, within a day, over a year of instants in many zones', () => {
    const zones = [
      HCM,
      'UTC',
      'Asia/Kolkata',
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
    ];
    const times = ['00:00', '02:00', '06:00', '12:45', '23:59'];
    for (const zone of zones) {
      for (let hours = 0; hours < 366 * 24; hours += 31) {
        const now = new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000 + 1_234);
        for (const time of times) {
          const next = nextRun(now, time, zone);
          const last = latestRun(now, time, zone);
          expect(next.getTime()).toBeGreaterThan(now.getTime());
          expect(last.getTime()).toBeLessThanOrEqual(now.getTime());
          // 25 hours: a day with an hour added by DST.
          expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
          expect(now.getTime() - last.getTime()).toBeLessThan(25 * 3_600_000);
          if (zone === HCM || zone === 'UTC' || zone === 'Asia/Kolkata') {
            const wall = wallClock(next, zone);
            expect(`${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`).toBe(
              time,
            );
          }
        }
      }
    }
  });
});

describe('the pieces', () => {
  it('parses HH:MM and refuses anything else', () => {
    expect(parseDailyTime('02:00')).toEqual({ hour: 2, minute: 0 });
    expect(parseDailyTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['24:00', '7:00', '07:60', '0700', ' 07:00', '07:00:00'])
      expect(() => parseDailyTime(bad)).toThrow(/HH:MM/);
  });

  it('writes the cron pattern minute first', () => {
    expect(dailyCronPattern('02:00')).toBe('0 2 * * *');
    expect(dailyCronPattern('06:30')).toBe('30 6 * * *');
  });

  it('knows the offsets and local instants', () => {
    expect(utcOffsetMillis(Date.parse('2026-06-01T00:00:00Z'), HCM)).toBe(7 * 3_600_000);
    expect(utcOffsetMillis(Date.parse('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    expect(iso(zonedInstant({ year: 2026, month: 1, day: 32 }, { hour: 6, minute: 0 }, HCM))).toBe(
      '2026-01-31T23:00:00.000Z',
    );
  });

  it('names an unknown time zone', () => {
    expect(() => {
      assertTimeZone('Asia/Saigon');
    }).not.toThrow();
    expect(() => {
      assertTimeZone('Mars/Olympus');
    }).toThrow(/unknown time zone: Mars\/Olympus/);
  });
});
