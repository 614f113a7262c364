/**
 * A growable rendered-text buffer with a source span per UTF-16 code unit, kept in typed
 * arrays (no object per character). One builder is reused for every block of a document.
 */

/** Rendered text of one block and its offset maps, as taken from a {@link TextBuilder}. */
export interface BuiltText {
  readonly text: string;
  readonly sourceStart: Int32Array;
  readonly sourceEnd: Int32Array;
  readonly constructs: Int32Array;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;

/** Rank of a pending separator: a line break beats a tab beats a space. */
function rank(code: number): number {
  return code === LF ? 3 : code === TAB ? 2 : code === SPACE ? 1 : 0;
}

/** True for the five HTML whitespace characters (space, tab, LF, FF, CR). */
export function isHtmlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

function isTrimmed(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Letters and digits, roughly: ASCII alphanumerics and non-ASCII outside punctuation blocks. */
function isWordy(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (
    c >= 0xc0 &&
    !(c >= 0xd800 && c <= 0xdfff) &&
    !(c >= 0x2000 && c <= 0x2bff) &&
    c !== 0xd7 &&
    c !== 0xf7 &&
    !(c >= 0x3000 && c <= 0x303f) &&
    !(c >= 0xfe30 && c <= 0xfe4f)
  );
}

/**
 * Collects rendered code units with their source spans.
 *
 * Guards keep every block well-formed whatever the parser hands over: a character whose
 * source starts before the previous character's source ends is dropped (out-of-order text,
 * as HTML error recovery can produce), unless it shares exactly the previous span (the
 * second unit of a decoded surrogate pair); empty spans are widened to one unit.
 *
 * Separators (a collapsed space, a line break between cells) are kept pending and only
 * written before the next real character, so blocks never start or end with one.
 * @example
 * const b = new TextBuilder(src.length); b.reset(0); b.push(0x61, 0, 1); b.take().text // 'a'
 */
export class TextBuilder {
  private codes = new Uint16Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private n = 0;
  private cons = new Int32Array(64);
  private cn = 0;
  /** Construct records waiting for their first character (their render start is unset). */
  private waiting: number[] = [];
  private floor = 0;
  private pendCode = 0;
  private pendStart = -1;
  private pendEnd = -1;
  /** Incremented by every reset: a construct handle from an earlier block is ignored. */
  epoch = 0;
  /** Set when an image was skipped in the current block (an image-only block is not empty). */
  hadImage = false;

  /** @param limit Length of the source text; no span may pass it. */
  constructor(private readonly limit: number) {}

  /** Starts a new block whose characters must not start before `floor`. */
  reset(floor: number): void {
    this.epoch++;
    this.n = 0;
    this.cn = 0;
    this.waiting.length = 0;
    this.floor = floor;
    this.pendCode = 0;
    this.hadImage = false;
  }

  /** Number of code units written so far. */
  get length(): number {
    return this.n;
  }

  /** Source end of the last written character, or the floor when none. */
  get lastEnd(): number {
    return this.n > 0 ? this.ends[this.n - 1]! : this.floor;
  }

  /** Source start of the first written character, or -1 when none. */
  get firstStart(): number {
    return this.n > 0 ? this.starts[0]! : -1;
  }

  /** The last written code unit, or -1. */
  get lastCode(): number {
    return this.n > 0 ? this.codes[this.n - 1]! : -1;
  }

  /**
   * Asks for a separator before the next character. `start < 0` means "the gap": the
   * separator's span will run from the previous character's end to the next one's start.
   * A stronger separator replaces a weaker one; two adjacent space runs merge.
   */
  pend(code: number, start: number, end: number): void {
    if (this.pendCode !== 0) {
      if (code === this.pendCode && code === SPACE && start >= 0 && this.pendEnd === start) {
        this.pendEnd = end;
        return;
      }
      if (rank(code) <= rank(this.pendCode)) return;
    }
    this.pendCode = code;
    this.pendStart = start;
    this.pendEnd = end;
  }

  /** Writes one code unit whose source is `[start, end)` (see the class's guards). */
  push(code: number, start: number, end: number): void {
    const n = this.n;
    if (n > 0 && start === this.starts[n - 1] && end === this.ends[n - 1]) {
      this.write(code, start, end);
      return;
    }
    if (start < this.floor || start >= this.limit) return;
    if (end <= start) end = start + 1;
    if (end > this.limit) end = this.limit;
    if (this.pendCode !== 0) this.flushPending(start);
    if (this.waiting.length > 0) {
      for (const w of this.waiting) this.cons[w + 1] = this.n;
      this.waiting.length = 0;
    }
    this.write(code, start, end);
  }

  /**
   * Writes one code unit with HTML whitespace collapsing: whitespace only extends a pending
   * space, which is written (as one `' '` spanning the run) before the next visible character.
   */
  pushCollapsed(code: number, start: number, end: number): void {
    if (isHtmlSpace(code)) {
      if (start >= this.floor) this.pend(SPACE, start, end);
      return;
    }
    this.push(code, start, end);
  }

  /** Opens an inline construct whose source starts at `srcStart`; returns its handle. */
  open(flags: number, srcStart: number): number {
    if (this.cn + 5 > this.cons.length) {
      const grown = new Int32Array(this.cons.length * 2);
      grown.set(this.cons);
      this.cons = grown;
    }
    const at = this.cn;
    this.cons[at] = flags;
    this.cons[at + 1] = -1;
    this.cons[at + 2] = -1;
    this.cons[at + 3] = srcStart;
    this.cons[at + 4] = srcStart;
    this.cn += 5;
    this.waiting.push(at);
    return at;
  }

  /**
   * Closes the construct `handle` at source offset `srcEnd`; one that rendered nothing is
   * dropped, and so is a handle opened before the last reset (`epoch` differs).
   */
  close(handle: number, srcEnd: number, epoch = this.epoch): void {
    if (epoch !== this.epoch || handle >= this.cn) return;
    const w = this.waiting.indexOf(handle);
    if (w >= 0) this.waiting.splice(w, 1);
    if (this.cons[handle + 1]! < 0 || this.cons[handle + 1] === this.n) {
      this.cons[handle + 1] = -1; // rendered nothing: marked dead, filtered in take()
      return;
    }
    this.cons[handle + 2] = this.n;
    this.cons[handle + 4] = srcEnd;
  }

  /**
   * True when every letter or digit written lies inside a construct with `flag`, and one
   * such construct exists: the block is only links (a menu line, a list of related links).
   */
  onlyInside(flag: number): boolean {
    let covered = 0;
    let at = 0;
    let any = false;
    for (let i = 0; i < this.cn; i += 5) {
      const rs = this.cons[i + 1]!;
      const re = this.cons[i + 2]!;
      if ((this.cons[i]! & flag) === 0 || rs < 0 || re < 0) continue;
      any = true;
      for (let k = Math.max(at, covered); k < rs; k++) if (isWordy(this.codes[k]!)) return false;
      if (re > covered) covered = re;
      at = covered;
    }
    for (let k = covered; k < this.n; k++) if (isWordy(this.codes[k]!)) return false;
    return any;
  }

  /**
   * Returns the block's text and maps, and leaves the builder empty. With `trim`, leading
   * and trailing spaces, tabs and line breaks are left out (what a dropped image leaves).
   */
  take(trim = true): BuiltText {
    let from = 0;
    let n = this.n;
    if (trim) {
      while (from < n && isTrimmed(this.codes[from]!)) from++;
      while (n > from && isTrimmed(this.codes[n - 1]!)) n--;
    }
    let text = '';
    for (let i = from; i < n; i += 4096) {
      text += String.fromCharCode.apply(
        null,
        this.codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[],
      );
    }
    const live = (i: number): boolean =>
      this.cons[i + 1]! >= 0 &&
      this.cons[i + 2]! >= 0 &&
      this.cons[i + 2]! > from &&
      this.cons[i + 1]! < n;
    let count = 0;
    for (let i = 0; i < this.cn; i += 5) if (live(i)) count++;
    const constructs = new Int32Array(count * 5);
    let j = 0;
    for (let i = 0; i < this.cn; i += 5) {
      if (!live(i)) continue;
      constructs.set(this.cons.subarray(i, i + 5), j);
      constructs[j + 1] = Math.max(0, constructs[j + 1]! - from);
      constructs[j + 2] = Math.min(n, constructs[j + 2]!) - from;
      j += 5;
    }
    const built = {
      text,
      sourceStart: this.starts.slice(from, n),
      sourceEnd: this.ends.slice(from, n),
      constructs,
    };
    this.reset(this.floor);
    return built;
  }

  private flushPending(nextStart: number): void {
    const code = this.pendCode;
    this.pendCode = 0;
    if (this.n === 0) return; // never open a block with a separator
    const last = this.codes[this.n - 1]!;
    if (code === SPACE && (last === SPACE || last === LF)) return;
    if (code === LF && last === LF) return;
    let s = this.pendStart;
    let e = this.pendEnd;
    if (s < 0) {
      s = this.ends[this.n - 1]!;
      e = nextStart;
    }
    if (s < this.floor || e <= s || e > nextStart) return;
    this.write(code, s, e);
  }

  private write(code: number, start: number, end: number): void {
    if (this.n === this.codes.length) this.grow();
    this.codes[this.n] = code;
    this.starts[this.n] = start;
    this.ends[this.n] = end;
    this.n++;
    this.floor = end;
  }

  private grow(): void {
    const size = this.codes.length * 2;
    const codes = new Uint16Array(size);
    codes.set(this.codes);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }
}
