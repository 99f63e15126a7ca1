import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes through a file-writing function to a path, or to stdout for `-`: the writers all
 * write whole files atomically, so stdout gets a finished file's bytes, never half of one.
 */
export async function writeToTarget(
  target: string,
  fileName: string,
  write: (path: string) => Promise<void>,
  stdout: (bytes: Buffer) => void = (bytes) => process.stdout.write(bytes),
): Promise<string> {
  if (target !== '-') {
    await write(target);
    return target;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ecomwatch-export-'));
  try {
    const path = join(dir, fileName);
    await write(path);
    stdout(readFileSync(path));
    return '-';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
