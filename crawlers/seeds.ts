import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PlatformSchema, type Platform } from '../records/index.js';
import type { Seed } from './adapter.js';

/** A seeds file (seeds/<platform>.yaml): what to start a crawl from, one list per kind. */
export const SeedFileSchema = z
  .object({
    platform: PlatformSchema.optional(),
    keywords: z.array(z.string().min(1)).default([]),
    categories: z.array(z.string().min(1)).default([]),
    shops: z.array(z.string().min(1)).default([]),
    urls: z.array(z.string().min(1)).default([]),
    lives: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type SeedFile = z.infer<typeof SeedFileSchema>;

export class SeedFileError extends Error {
  constructor(file: string, reason: string) {
    super(`seeds file ${file}: ${reason}`);
    this.name = 'SeedFileError';
  }
}

/** Reads and checks a seeds file; a wrong platform or field is an error that names it. */
export function loadSeeds(file: string, platform?: Platform): Seed[] {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedFileError(file, (error as Error).message);
  }
  const parsed = SeedFileSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new SeedFileError(file, z.prettifyError(parsed.error));
  if (platform !== undefined && parsed.data.platform !== undefined && parsed.data.platform !== platform) {
    throw new SeedFileError(file, `is for ${parsed.data.platform}, not ${platform}`);
  }
  return seedsOf(parsed.data);
}

export function seedsOf(file: SeedFile): Seed[] {
  return [
    ...file.keywords.map((value): Seed => ({ kind: 'keyword', value })),
    ...file.categories.map((value): Seed => ({ kind: 'category', value })),
    ...file.shops.map((value): Seed => ({ kind: 'shop', value })),
    ...file.urls.map((value): Seed => ({ kind: 'url', value })),
    ...file.lives.map((value): Seed => ({ kind: 'live', value })),
  ];
}
