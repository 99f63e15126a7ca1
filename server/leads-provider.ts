import type { Indicator } from '../leads/indicators/indicator.js';
import type { Platform } from '../records/index.js';

/** One day's lead list of a team, as produced. */
export interface LeadListSummary {
  date: string;
  producedAt: string;
  formats: ('csv' | 'xlsx' | 'json')[];
  /** Sellers on the list, when known. */
  sellers: number | null;
}

/** A file to download: lead lists and takedown exports. */
export interface DownloadFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

/**
 * What the server needs of the lead-list and takedown-export module (`leads/`). `LeadFiles`
 * reads what that module wrote; `ecomwatch serve` passes it. Without a provider, the lead and
 * takedown routes check the token as usual and then answer 501.
 */
export interface LeadsProvider {
  /** The lists produced for a team, oldest first. */
  leadLists(team: string): Promise<LeadListSummary[]>;
  /** A team's list of one day; throws `NotFoundError` when none was produced. */
  leadList(input: { team: string; date: string; format: 'csv' | 'xlsx' | 'json' }): Promise<DownloadFile>;
  /** The takedown export of one platform's flagged listings. */
  takedownExport(input: { platform: Platform; format: 'csv' | 'json' | 'notice' }): Promise<DownloadFile>;
  /** The leads module's early-warning indicators of a day, when that day's run produced them. */
  earlyWarnings?(day: string): Promise<Indicator[] | undefined>;
}

export type { Indicator };
