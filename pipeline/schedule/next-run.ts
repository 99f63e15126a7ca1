/**
 * When a daily run is due, in a time zone, with Intl only (no library, no UTC assumption).
 * Pure: every function takes the instant it reasons about.
 */

/** A time of day as the config writes it: `HH:MM`, 24-hour, 00:00 to 23:59. */
export const DAILY_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface DailyTime {
  hour: number;
  minute: number;
}

export interface LocalDate {
  year: number;
  /** 1 … 12 */
  month: number;
  day: number;
}

export function parseDailyTime(text: string): DailyTime {
  const match = DAILY_TIME.exec(text);
  if (match === null) throw new RangeError(`not a time of day (HH:MM, 00:00 to 23:59): ${text}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Throws a RangeError naming the zone when Intl does not know it. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`unknown time zone: ${timeZone}`);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): LocalDate & DailyTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (+7 h for Vietnam). */
export function utcOffsetMillis(instant: number, timeZone: string): number {
  const wall = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The day of `instant` in `timeZone`, as `YYYY-MM-DD`. */
export function localDateString(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MILLIS = 86_400_000;

/**
 * The instant a wall-clock time happens in `timeZone` on a local date (days past the end of a
 * month roll over). Where the time happens twice (clocks going back) the first; where it does not
 * happen (clocks going forward) as much later as the gap is long — JavaScript Temporal's
 * `compatible` choice.
 */
export function zonedInstant(date: LocalDate, time: DailyTime, timeZone: string): Date {
  const local = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  // The offsets a day either side cover any transition near this time.
  const offsets = [
    ...new Set([
      utcOffsetMillis(local - DAY_MILLIS, timeZone),
      utcOffsetMillis(local + DAY_MILLIS, timeZone),
    ]),
  ];
  const candidates = offsets.map((offset) => local - offset);
  const valid = candidates.filter((instant) => instant + utcOffsetMillis(instant, timeZone) === local);
  return new Date(valid.length > 0 ? Math.min(...valid) : Math.max(...candidates));
}

function slotOn(base: LocalDate, days: number, time: DailyTime, timeZone: string): Date {
  return zonedInstant({ year: base.year, month: base.month, day: base.day + days }, time, timeZone);
}

/** The first time `at` (HH:MM in `timeZone`) comes strictly after `after`. */
export function nextRun(after: Date, at: string | DailyTime, timeZone: string): Date {
  const time = typeof at === 'string' ? parseDailyTime(at) : at;
  const today = wallClock(after, timeZone);
  for (let days = -1; ; days++) {
    const slot = slotOn(today, days, time, timeZone);
    if (slot.getTime() > after.getTime()) return slot;
  }
}

/** The last time `at` (HH:MM in `timeZone`) came, at or before `now`. */
export function latestRun(now: Date, at: string | DailyTime, timeZone: string): Date {
  const time = typeof at === 'string' ? parseDailyTime(at) : at;
  const today = wallClock(now, timeZone);
  for (let days = 1; ; days--) {
    const slot = slotOn(today, days, time, timeZone);
    if (slot.getTime() <= now.getTime()) return slot;
  }
}

/** The BullMQ / cron pattern of a daily time: `MM HH * * *` (minute first), read in the scheduler's `tz`. */
export function dailyCronPattern(at: string | DailyTime): string {
  const time = typeof at === 'string' ? parseDailyTime(at) : at;
  return `${time.minute} ${time.hour} * * *`;
}
