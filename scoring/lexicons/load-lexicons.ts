import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  BrandPriceSchema,
  CategoryLexiconSchema,
  OutsideLexiconSchema,
  SellerLexiconSchema,
  SignLexiconSchema,
  TeencodeSchema,
  type BrandPrices,
  type CategoryLexicon,
  type SellerLexicon,
  type SignLexicon,
} from './lexicon-schema.js';

export const LEXICON_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface Lexicons {
  categories: CategoryLexicon[];
  signs: SignLexicon[];
  /** Terms for goods outside every category. */
  outside: string[];
  brandPrices: BrandPrices;
  sellers: SellerLexicon;
  teencode: Record<string, string>;
  /** SHA-256 over every file read, so the ruleset version changes with the data. */
  digest: string;
}

/** A lexicon file that does not match its schema: the scorer must not start. */
export class LexiconError extends Error {
  constructor(file: string, detail: string) {
    super(`lexicon ${file}: ${detail}`);
    this.name = 'LexiconError';
  }
}

export function loadLexicons(dir: string = LEXICON_DIR): Lexicons {
  const hash = createHash('sha256');
  const read = <S extends z.ZodType>(file: string, schema: S): z.output<S> => {
    const text = readFileSync(file, 'utf8');
    hash.update(file.slice(dir.length)).update(text);
    let data: unknown;
    try {
      data = parseYaml(text);
    } catch (error) {
      throw new LexiconError(file, `not valid YAML: ${(error as Error).message}`);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new LexiconError(file, z.prettifyError(parsed.error));
    return parsed.data;
  };
  const yamlFiles = (sub: string): string[] =>
    readdirSync(join(dir, sub))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => join(dir, sub, name));

  const categories = yamlFiles('categories').map((file) => read(file, CategoryLexiconSchema));
  const signs = yamlFiles('signs').map((file) => read(file, SignLexiconSchema));
  const outside = read(join(dir, 'outside.yaml'), OutsideLexiconSchema).terms;
  const brandPrices = read(join(dir, 'brand-prices.yaml'), BrandPriceSchema);
  const sellers = read(join(dir, 'sellers.yaml'), SellerLexiconSchema);
  const teencode = read(join(dir, 'teencode.yaml'), TeencodeSchema);

  const seen = new Set<string>();
  for (const sign of signs) {
    if (seen.has(sign.rule)) throw new LexiconError(sign.rule, 'rule id used twice');
    seen.add(sign.rule);
  }
  return { categories, signs, outside, brandPrices, sellers, teencode, digest: hash.digest('hex') };
}
