/**
 * Characters that make a spreadsheet treat a cell as a formula (or, for tab and CR, that
 * shift what follows into one): OWASP "CSV injection". Sellers write titles and shop names,
 * so any text cell may start with them.
 */
const FORMULA_START = /^[\s]*[=+\-@\t\r]/u;

/**
 * Makes a text cell inert: a leading apostrophe, which spreadsheets show as text and never
 * evaluate. Leading spaces are looked through, since some spreadsheets trim before parsing.
 * Numbers are never passed here: they are written as typed numbers.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** True when `neutraliseCell` would change the text. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}
