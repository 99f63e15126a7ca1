import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file whole or not at all: `write` fills a temporary file beside the target, which
 * is renamed into place only when `write` resolves; on failure it is removed.
 */
export async function writeFileAtomically(
  path: string,
  write: (stream: WriteStream) => Promise<void>,
): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.partial`);
  const stream = createWriteStream(temporary);
  try {
    await write(stream);
    if (!stream.writableEnded) stream.end();
    if (!stream.closed) await once(stream, 'close');
    renameSync(temporary, path);
  } catch (error) {
    stream.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes a string, waiting for the stream to drain when its buffer is full. */
export async function writeChunk(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}
