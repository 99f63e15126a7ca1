/** A repeatable, comma-separable list flag: `--platform shopee,tiki --platform lazada`. */
export function collectList(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  ];
}
