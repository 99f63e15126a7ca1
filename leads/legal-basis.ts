import type { Config } from '../config/index.js';
import { DEFAULT_LEGAL_BASIS } from './legal-basis-defaults.js';

export type VerificationStatus = 'V' | 'V-n' | 'P' | 'U';

/** One cited provision and how far it was verified. */
export interface LegalBasisEntry {
  instrument: string;
  article?: string;
  text: string;
  status: VerificationStatus;
  source?: string;
}

/** How each status reads in an export, so a U entry is never presented as settled. */
export const STATUS_LABELS: Readonly<Record<VerificationStatus, string>> = {
  V: 'đã xác minh / verified',
  'V-n': 'xác minh qua báo chí / verified in secondary sources',
  P: 'một phần / partially verified',
  U: 'CHƯA XÁC MINH / UNVERIFIED',
};

/**
 * The legal basis of one request: the platform's duty (`platform`, or `seller_info`), then
 * each category, each sign and each `category/sign` pair, config first, defaults otherwise.
 * The same provision cited twice appears once.
 */
export function legalBasisFor(
  config: Pick<Config, 'leads'>,
  keys: { duty?: 'platform' | 'seller_info'; categories?: readonly string[]; signs?: readonly string[] },
): LegalBasisEntry[] {
  const overrides = config.leads.legalBasis;
  const lookup = (key: string): readonly LegalBasisEntry[] =>
    overrides[key] ?? DEFAULT_LEGAL_BASIS[key] ?? [];
  const wanted: string[] = [];
  if (keys.duty !== undefined) wanted.push(keys.duty);
  for (const category of keys.categories ?? []) wanted.push(category);
  for (const sign of keys.signs ?? []) wanted.push(sign);
  for (const category of keys.categories ?? [])
    for (const sign of keys.signs ?? []) wanted.push(`${category}/${sign}`);
  const seen = new Set<string>();
  const entries: LegalBasisEntry[] = [];
  for (const key of wanted) {
    for (const entry of lookup(key)) {
      const id = `${entry.instrument}|${entry.article ?? ''}|${entry.text}`;
      if (seen.has(id)) continue;
      seen.add(id);
      entries.push(entry);
    }
  }
  return entries;
}

/** "Nghị định 98/2020/NĐ-CP, Điều 9: Buôn bán hàng giả… [V: đã xác minh / verified]". */
export function legalBasisLine(entry: LegalBasisEntry): string {
  const where = entry.article === undefined ? entry.instrument : `${entry.instrument}, ${entry.article}`;
  return `${where}: ${entry.text} [${entry.status}: ${STATUS_LABELS[entry.status]}]`;
}

export function legalBasisText(entries: readonly LegalBasisEntry[]): string {
  return entries.map(legalBasisLine).join(' | ');
}
