/**
 * A word of folded text, as `tokenize` returns it. `plain` and `accented` have equal
 * length; `starts[i]` / `ends[i]` give the source span that produced character i, so a
 * match can be quoted as written. `gap` is the separator text that stood before the token
 * in the source.
 */
export interface Token {
  plain: string;
  accented: string;
  starts: number[];
  ends: number[];
  gap: string;
}
