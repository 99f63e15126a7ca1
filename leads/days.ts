import { localDay } from '../index/local-day.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const DAY_MILLIS = 86_400_000;

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const millis = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(millis) && new Date(millis).toISOString().slice(0, 10) === text;
}

/** The day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MILLIS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MILLIS);
}

/** Today in a time zone. */
export function today(timeZone: string, now: Date = new Date()): string {
  return localDay(now.toISOString(), timeZone);
}

/** The first instant of a local day, as an ISO timestamp in UTC. */
export function dayStart(day: string, timeZone: string): string {
  const guess = Date.parse(`${day}T00:00:00Z`);
  return new Date(guess - offsetMillis(guess, timeZone)).toISOString();
}

/** The last millisecond of a local day, as an ISO timestamp in UTC. */
export function dayEnd(day: string, timeZone: string): string {
  return new Date(Date.parse(dayStart(addDays(day, 1), timeZone)) - 1).toISOString();
}

/** How far the zone is ahead of UTC at an instant ("GMT+07:00" → 7 h). */
function offsetMillis(at: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(at))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/u.exec(name ?? '');
  if (match === null) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 3_600_000 + Number(match[3]) * 60_000);
}
