import { Buffer } from 'node:buffer';

/**
 * Folded text laid out as FoldedText exposes it: `plain[i]` / `accented[i]` are UTF-16 units
 * of equal position, `start[i]` / `end[i]` the source span behind unit i. All four are typed
 * arrays reused from field to field: the shadows are decoded and the spans copied out once,
 * at their final size, when the field is done. No object, array or string is made per
 * character or per word.
 */
export class FieldBuffer {
  plain = new Uint16Array(256);
  accented = new Uint16Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  length = 0;
  // Byte views of the shadows: Buffer decodes UTF-16 several times faster than
  // String.fromCharCode.apply over a typed array.
  private plainBytes = bytesOf(this.plain);
  private accentedBytes = bytesOf(this.accented);

  /** Makes room for `count` more units in the shadows, so hot loops can write them directly. */
  reserve(count: number): void {
    while (this.length + count > this.plain.length) this.grow();
  }

  push(plain: number, accented: number, start: number, end: number): void {
    if (this.length === this.plain.length) this.grow();
    const i = this.length++;
    this.plain[i] = plain;
    this.accented[i] = accented;
    this.start[i] = start;
    this.end[i] = end;
  }

  /** The spans of units [from, to) as the number array FoldedText and Token expose. */
  startsOf(from: number, to: number): number[] {
    return toNumbers(this.start, from, to);
  }

  endsOf(from: number, to: number): number[] {
    return toNumbers(this.end, from, to);
  }

  /** The plain shadow of units [from, to). */
  plainText(from: number, to: number): string {
    return decode(this.plainBytes, this.plain, from, to);
  }

  /** The accented shadow of units [from, to). */
  accentedText(from: number, to: number): string {
    return decode(this.accentedBytes, this.accented, from, to);
  }

  private grow(): void {
    const size = this.plain.length * 2;
    this.plain = grown(this.plain, new Uint16Array(size));
    this.accented = grown(this.accented, new Uint16Array(size));
    this.start = grown(this.start, new Int32Array(size));
    this.end = grown(this.end, new Int32Array(size));
    this.plainBytes = bytesOf(this.plain);
    this.accentedBytes = bytesOf(this.accented);
  }
}

/** The gap before the word could stand between spelled-out letters: 1–3 of [\s.\-_*:/|+'"~,], no line break. */
export const GAP_JOINABLE = 1;
/** The gap before the word holds whitespace. */
export const GAP_SPACED = 2;
/** The word may hold a run of three equal units (a repeat to collapse: checked exactly later). */
export const MAY_REPEAT = 4;
/** A spelled-out run joined into one word: its range still holds the spaces between the pieces. */
export const JOINED = 8;

/** Words as ranges [from[w], to[w]) of a FieldBuffer; `flags[w]` holds the bits above. */
export class WordList {
  from = new Int32Array(64);
  to = new Int32Array(64);
  flags = new Uint8Array(64);
  count = 0;

  add(from: number, to: number, flags: number): void {
    if (this.count === this.from.length) this.grow();
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.flags[this.count] = flags;
    this.count++;
  }

  private grow(): void {
    const size = this.from.length * 2;
    this.from = grown(this.from, new Int32Array(size));
    this.to = grown(this.to, new Int32Array(size));
    this.flags = grown(this.flags, new Uint8Array(size));
  }
}

/** Typed arrays use the platform's byte order; 'utf16le' only fits little-endian ones. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function bytesOf(units: Uint16Array): Buffer {
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength);
}

function decode(bytes: Buffer, units: Uint16Array, from: number, to: number): string {
  if (LITTLE_ENDIAN) return bytes.toString('utf16le', from * 2, to * 2);
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode(units[i]!);
  return text;
}

function toNumbers(values: Int32Array, from: number, to: number): number[] {
  // Allocated at its final size, then filled: several times cheaper than push or Array.from.
  const numbers = new Array<number>(to - from);
  for (let i = from; i < to; i++) numbers[i - from] = values[i]!;
  return numbers;
}

function grown<T extends Uint8Array | Uint16Array | Int32Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}
