import { foldChar } from './char-fold.js';
import type { Token } from './token.js';

/**
 * Splits NFC text into folded words. Separators end a word, except where sellers hide a
 * word's letters behind something: an emoji or an invisible character between two letters
 * ("v💨ape"), or @ / $ standing for a letter ("Ch@nel").
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let current: Token | undefined;
  let gap = '';
  for (let offset = 0; offset < source.length;) {
    const codePoint = source.codePointAt(offset)!;
    const start = offset;
    offset += codePoint > 0xffff ? 2 : 1;
    const folded = foldChar(codePoint);
    switch (folded.kind) {
      case 'alnum':
        current ??= startToken(tokens, gap);
        gap = '';
        appendChar(current, folded.plain, folded.accented, start, offset);
        break;
      case 'mark':
        // A combining mark left over after NFC belongs to the character before it.
        if (current !== undefined && current.ends.length > 0) current.ends[current.ends.length - 1] = offset;
        break;
      case 'invisible':
        break;
      case 'leet':
      case 'pictograph':
        if (current !== undefined && nextIsAlnum(source, offset)) {
          if (folded.kind === 'leet') appendChar(current, folded.plain, folded.accented, start, offset);
          break;
        }
        current = undefined;
        gap += source.slice(start, offset);
        break;
      case 'separator':
        current = undefined;
        gap += source.slice(start, offset);
        break;
    }
  }
  return tokens;
}

function startToken(tokens: Token[], gap: string): Token {
  const token: Token = { plain: '', accented: '', starts: [], ends: [], gap };
  tokens.push(token);
  return token;
}

function appendChar(token: Token, plain: string, accented: string, start: number, end: number): void {
  token.plain += plain;
  token.accented += accented;
  for (let i = 0; i < plain.length; i++) {
    token.starts.push(start);
    token.ends.push(end);
  }
}

function nextIsAlnum(source: string, from: number): boolean {
  for (let offset = from; offset < source.length;) {
    const codePoint = source.codePointAt(offset)!;
    offset += codePoint > 0xffff ? 2 : 1;
    const kind = foldChar(codePoint).kind;
    if (kind === 'alnum') return true;
    if (kind !== 'pictograph' && kind !== 'invisible' && kind !== 'mark') return false;
  }
  return false;
}
