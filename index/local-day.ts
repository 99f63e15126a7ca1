const formats = new Map<string, Intl.DateTimeFormat>();
const days = new Map<string, string>();
/** Every time zone's offset is a multiple of 15 minutes, so one answer serves a whole slot. */
const SLOT_MILLIS = 15 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) of an ISO timestamp in a time zone. */
export function localDay(timestamp: string, timeZone: string): string {
  const millis = Date.parse(timestamp);
  const cacheKey = `${timeZone}|${Math.floor(millis / SLOT_MILLIS)}`;
  const cached = days.get(cacheKey);
  if (cached !== undefined) return cached;
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const day = format.format(new Date(millis));
  if (days.size > 100_000) days.clear();
  days.set(cacheKey, day);
  return day;
}
