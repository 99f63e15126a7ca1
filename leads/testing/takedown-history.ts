import { join } from 'node:path';
import { openStateDb } from '../state-db.js';
import { exportTakedowns } from '../takedown-export.js';
import { TakedownLedger } from '../takedown-ledger.js';
import { applyTakedownChecks } from '../takedown-outcomes.js';
import { moveCase } from './move-case.js';
import type { TestWorld } from './test-world.js';

/**
 * The history the reports read: seller shopee:s1 referred, its listings exported in a Shopee
 * takedown request on 21 Nov, p1 gone a day later and p2 three days later.
 */
export async function withTakedownHistory(w: TestWorld): Promise<void> {
  await moveCase(w.index, 'shopee:s1', ['reviewing', 'confirmed', 'referred']);
  const db = openStateDb(join(w.dir, 'leads.sqlite'));
  try {
    const ledger = new TakedownLedger(db);
    await exportTakedowns(w.index, w.config, {
      platform: 'shopee',
      format: 'csv',
      out: join(w.dir, 'td.csv'),
      ledger,
      now: new Date('2026-11-21T02:00:00.000Z'),
    });
    await applyTakedownChecks(w.index, ledger, [
      { platform: 'shopee', listingId: 'p1', checkedAt: '2026-11-22T02:00:00.000Z', status: 'gone' },
      { platform: 'shopee', listingId: 'p2', checkedAt: '2026-11-24T02:00:00.000Z', status: 'gone' },
    ]);
  } finally {
    db.close();
  }
}
