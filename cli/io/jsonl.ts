import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { UsageError } from '../usage-error.js';

/** One line of a JSONL input, numbered from 1 as an editor shows it. */
export interface JsonlLine {
  lineNumber: number;
  value?: unknown;
  error?: string;
  text: string;
}

/** `-` is stdin. A missing file is a usage error, said before any work starts. */
export function openInput(path: string): Readable {
  if (path === '-') return process.stdin;
  if (!existsSync(path)) throw new UsageError(`input file not found: ${path}`);
  return createReadStream(path);
}

/** The non-blank lines of a text input, numbered from 1, in batches of up to `size`. */
export async function* readLineBatches(
  input: Readable,
  size: number,
): AsyncGenerator<{ lineNumber: number; text: string }[]> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let batch: { lineNumber: number; text: string }[] = [];
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    batch.push({ lineNumber, text });
    if (batch.length < size) continue;
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}

/** Reads JSON lines; a line that does not parse comes back with its error, never throws. */
export async function* readJsonl(input: Readable): AsyncGenerator<JsonlLine> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    try {
      yield { lineNumber, value: JSON.parse(text), text };
    } catch (error) {
      yield { lineNumber, error: `not valid JSON (${(error as Error).message})`, text };
    }
  }
}

/**
 * An output that is never half-written: a file is written beside its target and renamed
 * into place on `commit()`; stdout (`-`) is streamed.
 */
export interface Output {
  stream: Writable;
  write(line: string): Promise<void>;
  commit(): Promise<void>;
  /** Drops what was written: no partial file is left behind. */
  abort(): Promise<void>;
}

export function openOutput(path: string): Output {
  if (path === '-') {
    const stream = process.stdout;
    return {
      stream,
      write: (line) => writeLine(stream, line),
      commit: () => Promise.resolve(),
      abort: () => Promise.resolve(),
    };
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  const stream = createWriteStream(temporary);
  return {
    stream,
    write: (line) => writeLine(stream, line),
    async commit() {
      stream.end();
      await once(stream, 'finish');
      renameSync(temporary, path);
    },
    async abort() {
      if (!stream.closed) {
        const closed = once(stream, 'close');
        stream.destroy();
        await closed;
      }
      rmSync(temporary, { force: true });
    },
  };
}

async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(line + '\n')) await once(stream, 'drain');
}
