import type { Database, Statement } from 'better-sqlite3';
import type { CategoryId } from '../records/index.js';

/** A seller as a team's list last showed it. */
export interface SentSnapshot {
  score: number;
  categories: CategoryId[];
  listDate: string;
}

/**
 * What each team has received, by list day. The baseline of day D's list is the newest
 * snapshot before D: producing D again (another format, a crash) gives the same list, and a
 * seller left out as unchanged keeps its older snapshot as the bar to beat.
 */
export class LeadLedger {
  private readonly statements: {
    baselines: Statement;
    deleteDay: Statement;
    deleteList: Statement;
    insert: Statement;
    insertList: Statement;
    lists: Statement;
  };

  constructor(private readonly db: Database) {
    this.statements = {
      baselines: db.prepare(`
        SELECT team, seller_key, score, categories, MAX(list_date) AS list_date
        FROM lead_sent WHERE list_date < ? GROUP BY team, seller_key`),
      deleteDay: db.prepare('DELETE FROM lead_sent WHERE team = ? AND list_date = ?'),
      deleteList: db.prepare('DELETE FROM lead_lists WHERE team = ? AND list_date = ?'),
      insert: db.prepare(
        'INSERT INTO lead_sent (team, seller_key, list_date, score, categories, sent_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertList: db.prepare(
        'INSERT INTO lead_lists (team, list_date, produced_at, sellers) VALUES (?, ?, ?, ?)',
      ),
      lists: db.prepare(
        'SELECT team, list_date, produced_at, sellers FROM lead_lists WHERE team = ? ORDER BY list_date',
      ),
    };
  }

  /** Every team's last snapshot of every seller before `listDate`: team → seller key → snapshot. */
  baselinesBefore(listDate: string): Map<string, Map<string, SentSnapshot>> {
    const byTeam = new Map<string, Map<string, SentSnapshot>>();
    const rows = this.statements.baselines.iterate(listDate) as Iterable<{
      team: string;
      seller_key: string;
      score: number;
      categories: string;
      list_date: string;
    }>;
    for (const row of rows) {
      let team = byTeam.get(row.team);
      if (team === undefined) {
        team = new Map();
        byTeam.set(row.team, team);
      }
      team.set(row.seller_key, {
        score: row.score,
        categories: JSON.parse(row.categories) as CategoryId[],
        listDate: row.list_date,
      });
    }
    return byTeam;
  }

  /** Records what one team's list of `listDate` holds, replacing an earlier run of that day. */
  recordList(
    team: string,
    listDate: string,
    sellers: readonly { sellerKey: string; score: number; categories: readonly CategoryId[] }[],
    producedAt: string,
  ): void {
    const s = this.statements;
    this.db.transaction(() => {
      s.deleteDay.run(team, listDate);
      s.deleteList.run(team, listDate);
      for (const seller of sellers) {
        s.insert.run(
          team,
          seller.sellerKey,
          listDate,
          seller.score,
          JSON.stringify(seller.categories),
          producedAt,
        );
      }
      s.insertList.run(team, listDate, producedAt, sellers.length);
    })();
  }

  listsOf(team: string): { listDate: string; producedAt: string; sellers: number }[] {
    return (
      this.statements.lists.all(team) as { list_date: string; produced_at: string; sellers: number }[]
    ).map((row) => ({ listDate: row.list_date, producedAt: row.produced_at, sellers: row.sellers }));
  }
}
