/** Compares strings by UTF-16 code units, the same on every machine and locale: the order of file ids. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
