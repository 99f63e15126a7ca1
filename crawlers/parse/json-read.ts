/**
 * Typed reads from JSON we do not control. Every accessor returns undefined for the wrong
 * type instead of throwing, so a parser says precisely which required field is missing.
 */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A number, or a numeric string as Lazada sends ("159000.00", "4.7"). */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return undefined;
}

/** Follows a path of keys / indexes; undefined as soon as one step is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      const object = asObject(current);
      if (object === undefined) return undefined;
      current = object[key];
    }
  }
  return current;
}

/** JSON.parse that reports why, for error messages that name the cause. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
}

/**
 * The JSON object literal that starts at the first `{` after `marker` in `text`, found by
 * balancing braces while respecting strings (Lazada's `__moduleData__` holds `};` inside strings).
 */
export function extractBalancedObject(text: string, marker: string): string | undefined {
  const markerAt = text.indexOf(marker);
  if (markerAt < 0) return undefined;
  const start = text.indexOf('{', markerAt + marker.length);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  let quote = '';
  for (let index = start; index < text.length; index++) {
    const char = text[index]!;
    if (inString) {
      if (char === '\\') index++;
      else if (char === quote) inString = false;
      continue;
    }
    if (char === '"' || char === "'") {
      inString = true;
      quote = char;
    } else if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth === 0) return text.slice(start, index + 1);
    }
  }
  return undefined;
}

/** Drops undefined fields so records stay minimal and schema-valid. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
