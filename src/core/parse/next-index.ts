/** Linear repeated substring search, shared by the Markdown guard and the stripped-text reading. */

/** `text.indexOf(needle, from)` remembered per needle, so repeated searches stay linear overall. */
export class NextIndex {
  private readonly at = new Map<string, number>();
  constructor(private readonly text: string) {}
  of(needle: string, from: number): number {
    let found = this.at.get(needle);
    if (found === undefined || found < from) {
      const i = this.text.indexOf(needle, from);
      found = i < 0 ? Infinity : i;
      this.at.set(needle, found);
    }
    return found;
  }
}
