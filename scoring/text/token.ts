/**
 * A word of folded text. `plain` and `accented` have equal length; `starts[i]` / `ends[i]`
 * give the source span that produced character i, so a match can be quoted as written.
 * `gap` is the separator text that stood before the token in the source ('' when the
 * token was split off a longer word, e.g. "rep" | "11" from "rep11").
 */
export interface Token {
  plain: string;
  accented: string;
  starts: number[];
  ends: number[];
  gap: string;
}

export function tokenFrom(parts: Token[], gap: string): Token {
  return {
    plain: parts.map((part) => part.plain).join(''),
    accented: parts.map((part) => part.accented).join(''),
    starts: parts.flatMap((part) => part.starts),
    ends: parts.flatMap((part) => part.ends),
    gap,
  };
}

export function sliceToken(token: Token, from: number, to: number, gap: string): Token {
  return {
    plain: token.plain.slice(from, to),
    accented: token.accented.slice(from, to),
    starts: token.starts.slice(from, to),
    ends: token.ends.slice(from, to),
    gap,
  };
}

/** The source span a token came from. */
export function tokenSpan(token: Token): { start: number; end: number } {
  return { start: token.starts[0] ?? 0, end: token.ends[token.ends.length - 1] ?? 0 };
}
