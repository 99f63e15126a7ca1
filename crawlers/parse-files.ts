import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ListingSchema,
  LivestreamSchema,
  type Listing,
  type Livestream,
  type Platform,
} from '../records/index.js';
import type { FetchedDocument } from './adapter.js';
import { sha256Hex } from './evidence/evidence-store.js';
import { CrawlError } from './errors.js';
import { createAdapter } from './registry.js';
import { fromCaptureBundle } from './run/capture-bundle.js';
import { isLivestream } from './run/process-document.js';

export interface SavedFileProblem {
  file: string;
  reason: string;
}

export interface ParseFilesResult {
  records: number;
  rejected: SavedFileProblem[];
  /** Files that parsed but held no listing (an empty search page): said, not rejected. */
  empty: string[];
}

/**
 * Runs a platform's parser on saved pages / API responses / capture bundles. Each record keeps
 * evidence pointing at the file it came from (its SHA-256), so a re-read of saved evidence is
 * itself traceable. A bad file is reported with its name and why; the others still go through.
 */
export async function parseSavedFiles(
  platform: Platform,
  files: readonly string[],
  onRecord: (record: Listing | Livestream) => Promise<void> | void,
): Promise<ParseFilesResult> {
  const adapter = createAdapter(platform);
  const result: ParseFilesResult = { records: 0, rejected: [], empty: [] };
  for (const file of files) {
    let bytes: Buffer;
    let modified: Date;
    try {
      bytes = await readFile(file);
      modified = (await stat(file)).mtime;
    } catch (error) {
      result.rejected.push({
        file,
        reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      });
      continue;
    }
    const text = bytes.toString('utf8');
    const fileUrl = pathToFileURL(resolve(file)).toString();
    const document: FetchedDocument = fromCaptureBundle(text) ?? {
      url: fileUrl,
      status: 200,
      contentType: text.trimStart().startsWith('<') ? 'text/html' : 'application/json',
      body: text,
      label: 'auto',
      capturedAt: modified.toISOString(),
    };
    let output;
    try {
      output = adapter.parse(document);
    } catch (error) {
      const reason =
        error instanceof CrawlError
          ? `${error.kind}: ${error.message}`
          : `parser failed: ${(error as Error).message}`;
      result.rejected.push({ file, reason });
      continue;
    }
    const evidence = {
      capturedAt: document.capturedAt,
      url: document.url,
      sha256: sha256Hex(bytes),
      path: resolve(file),
    };
    const problems: string[] = [];
    let written = 0;
    for (const record of [...output.listings, ...output.livestreams]) {
      const withEvidence = { ...record, evidence };
      const checked = isLivestream(record)
        ? LivestreamSchema.safeParse(withEvidence)
        : ListingSchema.safeParse(withEvidence);
      if (!checked.success) {
        problems.push(
          checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
        );
        continue;
      }
      await onRecord(withEvidence);
      written++;
    }
    result.records += written;
    if (problems.length > 0)
      result.rejected.push({ file, reason: `${problems.length} record(s) invalid: ${problems[0]!}` });
    else if (written === 0) result.empty.push(file);
  }
  return result;
}
