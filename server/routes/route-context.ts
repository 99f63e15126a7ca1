import type { SellerIndex } from '../../index/seller-index.js';
import type { LeadsProvider } from '../leads-provider.js';

/** What every route module is given by the app builder. */
export interface RouteContext {
  index: SellerIndex;
  /** Where evidence paths (`evidence/ab/<sha>.json`) are resolved from; absent = no files served. */
  dataDir?: string;
  timeZone: string;
  leads?: LeadsProvider;
  now: () => Date;
}
