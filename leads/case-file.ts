import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import type { Config } from '../config/index.js';
import type { SellerDetail, SellerIndex } from '../index/seller-index.js';
import { writeFileAtomically } from './atomic-file.js';
import { caseTimeline, type TimelineEvent } from './case-timeline.js';
import { neutraliseCell } from './cell-safety.js';
import type { LedgerListing, TakedownLedger } from './takedown-ledger.js';

export interface EvidenceEntry {
  itemKey: string;
  kind: 'page' | 'screenshot';
  recordedSha256: string;
  path: string;
  /** Where it sits in the zip; absent when the file was not found. */
  zipPath?: string;
  present: boolean;
  /** SHA-256 of the bytes found; differs from the recorded one if the stored file changed. */
  actualSha256?: string;
  matches?: boolean;
  why?: string;
}

export interface CaseFileResult {
  file: string;
  sellerKey: string;
  entries: string[];
  evidence: EvidenceEntry[];
}

export interface CaseFileOptions {
  out?: string;
  ledger?: TakedownLedger;
  now?: Date;
  by?: string;
}

const SUMS = 'SHA256SUMS';

/**
 * Everything needed to open an administrative case against one seller, as one zip: the
 * seller and its listings, every evidence file the index points to that is on disk (page and
 * screenshot, re-hashed and compared with the recorded hash), the timeline, the audit log,
 * and `SHA256SUMS` over every other file (`sha256sum -c SHA256SUMS` checks it). Evidence is
 * read only from inside the data dir: a record cannot pull another file into a case file.
 */
export async function buildCaseFile(
  index: SellerIndex,
  config: Pick<Config, 'core'>,
  sellerKey: string,
  options: CaseFileOptions = {},
): Promise<CaseFileResult> {
  const now = options.now ?? new Date();
  const detail = await index.getSeller(sellerKey, { itemLimit: 5000 });
  const takedowns = options.ledger?.listingsOfSeller(sellerKey) ?? [];
  const files = new Map<string, Buffer>();
  const add = (path: string, content: string | Buffer) =>
    files.set(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);

  const evidence = collectEvidence(detail, config.core.dataDir, add);
  const timeline = caseTimeline(detail, takedowns, {
    at: now.toISOString(),
    event: 'case_file',
    subject: sellerKey,
    detail: `case file made by ${options.by ?? 'ecomwatch casefile'}`,
  });

  add('README.txt', readme(detail, now, evidence));
  add('seller.json', json(detail.seller));
  add(
    'listings.json',
    json(detail.items.map((item) => ({ ...item.record, key: item.key, kind: item.kind }))),
  );
  add('listings.csv', listingsCsv(detail));
  add('evidence.json', json(evidence));
  add('timeline.json', json(timeline));
  add('timeline.csv', timelineCsv(timeline));
  add('audit-log.json', json(auditLog(detail, takedowns, now, options.by)));
  const sums = [...files.entries()].map(([path, bytes]) => `${sha256(bytes)}  ${path}\n`).join('');
  add(SUMS, sums);

  const file =
    options.out ?? join(config.core.dataDir, 'casefiles', `${safeName(sellerKey)}-${stamp(now)}.zip`);
  await writeFileAtomically(file, async (stream) => {
    const zip = new yazl.ZipFile();
    for (const [path, bytes] of files) zip.addBuffer(bytes, path, { mtime: now });
    zip.end();
    zip.outputStream.pipe(stream);
    await once(stream, 'close');
  });
  return { file, sellerKey, entries: [...files.keys()], evidence };
}

function collectEvidence(
  detail: SellerDetail,
  dataDir: string,
  add: (path: string, content: Buffer) => void,
): EvidenceEntry[] {
  const root = existsSync(dataDir) ? realpathSync(dataDir) : resolve(dataDir);
  const entries: EvidenceEntry[] = [];
  const added = new Set<string>();
  for (const item of detail.items) {
    const stored = item.evidence;
    if (stored === undefined) continue;
    const pieces: [EvidenceEntry['kind'], string, string | undefined][] = [
      ['page', stored.path, stored.sha256],
    ];
    if (stored.screenshotPath !== undefined)
      pieces.push(['screenshot', stored.screenshotPath, stored.screenshotSha256]);
    for (const [kind, path, recorded] of pieces) {
      const entry: EvidenceEntry = {
        itemKey: item.key,
        kind,
        recordedSha256: recorded ?? '',
        path,
        present: false,
      };
      const found = locate(root, path);
      if (typeof found !== 'string') {
        entry.why = found.why;
      } else {
        const bytes = readFileSync(found);
        const zipPath = `evidence/${relative(root, found).split(sep).join('/')}`;
        entry.present = true;
        entry.zipPath = zipPath;
        entry.actualSha256 = sha256(bytes);
        entry.matches = recorded === undefined ? undefined : entry.actualSha256 === recorded;
        if (!added.has(zipPath)) {
          add(zipPath, bytes);
          added.add(zipPath);
        }
      }
      entries.push(entry);
    }
  }
  return entries;
}

function locate(root: string, path: string): string | { why: string } {
  const candidate = isAbsolute(path) ? path : join(root, path);
  if (!existsSync(candidate)) return { why: 'not on disk' };
  const real = realpathSync(candidate);
  if (real !== root && !real.startsWith(root + sep)) return { why: 'outside the data dir: not read' };
  return real;
}

function auditLog(
  detail: SellerDetail,
  takedowns: readonly LedgerListing[],
  now: Date,
  by: string | undefined,
) {
  return {
    sellerKey: detail.seller.key,
    generatedAt: now.toISOString(),
    generatedBy: by ?? 'ecomwatch casefile',
    caseStatus: detail.seller.status,
    caseVersion: detail.seller.caseVersion,
    ruleset: detail.seller.ruleset,
    caseEvents: detail.history,
    takedownRequests: takedowns,
  };
}

function listingsCsv(detail: SellerDetail): string {
  const header = [
    'key',
    'kind',
    'url',
    'title',
    'score',
    'flagged',
    'categories',
    'signals',
    'captured_at',
    'evidence_sha256',
  ];
  const rows = detail.items.map((item) => [
    item.key,
    item.kind,
    neutraliseCell(item.url),
    neutraliseCell(item.title),
    item.score,
    item.flagged ? 'yes' : 'no',
    item.categories.join('; '),
    item.signals.join('; '),
    item.capturedAt,
    item.evidence?.sha256 ?? '',
  ]);
  return '\uFEFF' + stringify([header, ...rows], { record_delimiter: 'windows' });
}

function timelineCsv(events: readonly TimelineEvent[]): string {
  const rows = events.map((event) => [
    event.at,
    event.event,
    neutraliseCell(event.subject),
    neutraliseCell(event.detail),
  ]);
  return (
    '\uFEFF' + stringify([['at', 'event', 'subject', 'detail'], ...rows], { record_delimiter: 'windows' })
  );
}

function readme(detail: SellerDetail, now: Date, evidence: readonly EvidenceEntry[]): string {
  const present = evidence.filter((entry) => entry.present).length;
  const altered = evidence.filter((entry) => entry.matches === false).length;
  return [
    `Hồ sơ vụ việc / Case file: ${detail.seller.key} (${detail.seller.name ?? ''})`,
    `Lập lúc / Made at: ${now.toISOString()}`,
    `Trạng thái / Case status: ${detail.seller.status}`,
    '',
    'seller.json        người bán như chỉ mục lưu / the seller as indexed',
    'listings.json/.csv tin đăng, điểm rủi ro và lý do / listings with score and reasons',
    'evidence/          tệp bằng chứng gốc / the stored evidence files',
    'evidence.json      mã SHA-256 đã ghi và mã tính lại / recorded and recomputed SHA-256 per file',
    'timeline.json/.csv diễn biến theo thời gian / the timeline',
    'audit-log.json     nhật ký thay đổi hồ sơ và yêu cầu gỡ bỏ / case changes and takedown requests',
    `${SUMS}          sha256sum -c ${SUMS}`,
    '',
    `Evidence files: ${present} of ${evidence.length} present${altered > 0 ? `; ${altered} DO NOT MATCH their recorded hash` : ''}.`,
    '',
  ].join('\n');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/gu, '_').slice(0, 120);
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/gu, '').replace(/\..*$/u, '');
}
