import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { Evidence } from '../../records/index.js';

/** What `verify` found: the stored bytes still hash to what the record says, or why not. */
export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface StoredBlob {
  sha256: string;
  /** Path relative to the data dir, so a moved data dir keeps its evidence readable. */
  path: string;
}

const EXTENSIONS: [RegExp, string][] = [
  [/json/, 'json'],
  [/html/, 'html'],
  [/png/, 'png'],
  [/jpe?g/, 'jpg'],
];

export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Raw pages, API responses and screenshots, stored content-addressed under
 * `<dataDir>/evidence/<first two hex>/<sha256>.<ext>`. A blob is written once (same bytes, same
 * name) and never rewritten, so a case file can prove a page was not altered: `verify` re-hashes
 * the stored bytes and compares them with the record.
 */
export class EvidenceStore {
  readonly root: string;

  constructor(readonly dataDir: string) {
    this.root = join(dataDir, 'evidence');
  }

  async putBlob(content: string | Uint8Array, contentType: string): Promise<StoredBlob> {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const sha256 = sha256Hex(bytes);
    const extension = EXTENSIONS.find(([pattern]) => pattern.test(contentType))?.[1] ?? 'bin';
    const absolute = join(this.root, sha256.slice(0, 2), `${sha256}.${extension}`);
    if (!(await exists(absolute))) {
      await mkdir(dirname(absolute), { recursive: true });
      const temporary = `${absolute}.${randomBytes(6).toString('hex')}.partial`;
      await writeFile(temporary, bytes);
      await rename(temporary, absolute);
    }
    return { sha256, path: relative(this.dataDir, absolute) };
  }

  /** Stores what was fetched and returns the Evidence record every record from it carries. */
  async capture(input: {
    url: string;
    capturedAt: string;
    body: string | Uint8Array;
    contentType: string;
    screenshot?: Uint8Array;
  }): Promise<Evidence> {
    const page = await this.putBlob(input.body, input.contentType);
    const evidence: Evidence = {
      capturedAt: input.capturedAt,
      url: input.url,
      sha256: page.sha256,
      path: page.path,
      contentType: input.contentType,
    };
    if (input.screenshot !== undefined) {
      const shot = await this.putBlob(input.screenshot, 'image/png');
      evidence.screenshotPath = shot.path;
      evidence.screenshotSha256 = shot.sha256;
    }
    return evidence;
  }

  resolve(path: string): string {
    return isAbsolute(path) ? path : join(this.dataDir, path);
  }

  async read(evidence: Pick<Evidence, 'path'>): Promise<Buffer> {
    return readFile(this.resolve(evidence.path));
  }

  /** Re-hashes the stored page (and screenshot) and compares with the record. */
  async verify(evidence: Evidence): Promise<VerifyResult> {
    const page = await this.verifyBlob(evidence.path, evidence.sha256);
    if (!page.ok) return page;
    if (evidence.screenshotPath !== undefined) {
      if (evidence.screenshotSha256 === undefined) return { ok: false, reason: 'screenshot has no sha256' };
      return this.verifyBlob(evidence.screenshotPath, evidence.screenshotSha256);
    }
    return { ok: true };
  }

  private async verifyBlob(path: string, expected: string): Promise<VerifyResult> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.resolve(path));
    } catch (error) {
      return { ok: false, reason: `cannot read ${path}: ${(error as Error).message}` };
    }
    const actual = sha256Hex(bytes);
    return actual === expected
      ? { ok: true }
      : { ok: false, reason: `${path} hashes to ${actual}, record says ${expected}` };
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
