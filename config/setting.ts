import { z } from 'zod';

/**
 * One configurable value, declared once: its schema, default, env var and what it means.
 * The loader reads file, then env, then flags; `--help` and the README print `doc`.
 */
export interface Setting<S extends z.ZodType = z.ZodType> {
  schema: S;
  default: z.output<S>;
  env?: string;
  doc: string;
}

export function setting<S extends z.ZodType>(
  schema: S,
  options: { default: z.output<S>; env?: string; doc: string },
): Setting<S> {
  return { schema, ...options };
}

/** Parses an env string into what the setting's schema expects. */
export function parseEnvValue(raw: string, example: unknown): unknown {
  if (typeof example === 'number') return raw.trim() === '' ? Number.NaN : Number(raw);
  if (typeof example === 'boolean') {
    const value = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    return raw;
  }
  if (Array.isArray(example)) {
    return raw
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
  }
  return raw;
}
