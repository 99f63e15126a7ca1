import { openInput, readJsonl } from '../../cli/io/jsonl.js';
import { InvalidInput } from '../invalid-input.js';
import type { PipelineTransport } from '../transport.js';

/**
 * Feeds pre-crawled JSONL (`-` is stdin) into a transport, line by line, waiting whenever
 * the transport says it is full. A line that is not JSON goes in as a rejection with its
 * line number, so the summary names it.
 */
export async function feedJsonl(file: string, transport: PipelineTransport): Promise<void> {
  for await (const line of readJsonl(openInput(file))) {
    const source = `line ${line.lineNumber}`;
    await transport.push(line.error === undefined ? line.value : new InvalidInput(line.error), source);
  }
}
