/** Small string helpers of the corpus generator, used by stories, frames and articles alike. */

/** The text with its first character upper-cased (frames that open in lower case). */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whitespace-separated words of a text. */
export function countWords(text: string): number {
  return text.match(/\S+/gu)?.length ?? 0;
}
