/**
 * A fixed vocabulary looked up by a range of a string, without slicing it: the classifier
 * reads every word of every record, and cutting each one out (`split`) and hashing the new
 * string was most of its time. Open addressing over FNV-1a of the char codes.
 */
export class WordTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly words: readonly string[]) {
    let size = 16;
    while (size < words.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    words.forEach((word, id) => {
      let slot = hashRange(word, 0, word.length) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    });
  }

  /** The id of `text.slice(from, to)`, or -1 when it is not in the vocabulary. */
  idOf(text: string, from: number, to: number): number {
    let slot = hashRange(text, from, to) & this.mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id === -1 || equalsRange(this.words[id]!, text, from, to)) return id;
      slot = (slot + 1) & this.mask;
    }
  }
}

function hashRange(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function equalsRange(word: string, text: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}
