/** Words as a reader counts them: whitespace-separated tokens. The unit of every word budget. */
export function countWords(text: string): number {
  const m = text.match(/\S+/gu);
  return m ? m.length : 0;
}
