/**
 * The shared parts of the stripped-text readings (fallback.ts): a reader that writes rendered
 * units with their exact spans into paragraphs, and linear search helpers.
 */
import { BlockSink } from './block-sink.js';
import { decodeReferenceAt } from './character-reference.js';
import { isHtmlSpace, TextBuilder } from './text-builder.js';
import { NextIndex } from './next-index.js';
import type { BlockKind } from './types.js';

/** An ASCII letter. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** An ASCII letter or digit, or any non-ASCII character (a word's). */
export function isAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c > 127;
}

/** ASCII punctuation, the characters a Markdown backslash escapes. */
export function isAsciiPunctuation(c: number): boolean {
  return (
    (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)
  );
}

/** Writes rendered units, with their source spans, into paragraphs (content blocks). */
export class Reader {
  readonly sink: BlockSink;
  readonly b: TextBuilder;
  private open: BlockKind | undefined;
  private openStart = -1;
  readonly next: NextIndex;

  constructor(readonly text: string) {
    this.sink = new BlockSink(text.length);
    this.b = new TextBuilder(text.length);
    this.next = new NextIndex(text);
  }

  /** Starts a paragraph (closing the open one) of `kind` at `start`. */
  begin(kind: BlockKind, start: number): void {
    this.end();
    this.b.reset(this.sink.cursor);
    this.open = kind;
    this.openStart = start;
  }

  /** Writes a unit, opening a paragraph if none is open. */
  push(code: number, start: number, end: number, collapse = false): void {
    if (!this.open) this.begin('paragraph', start);
    if (collapse) this.b.pushCollapsed(code, start, end);
    else this.b.push(code, start, end);
  }

  /** Closes the open paragraph (a content block when it shows any text). */
  end(): void {
    if (!this.open) return;
    const kind = this.open;
    this.open = undefined;
    if (this.b.length > 0) this.sink.add(kind, -1, -1, undefined, this.b);
  }

  /** A character reference at `p`: writes it and returns its end, or -1 (a literal `&`). */
  reference(p: number, limit: number, syntax: 'markdown' | 'html'): number {
    const ref = decodeReferenceAt(this.text, p, limit, syntax);
    if (!ref) return -1;
    for (let k = 0; k < ref.value.length; k++)
      this.push(ref.value.charCodeAt(k), p, ref.end, syntax === 'html');
    return ref.end;
  }
}

/** Where the line starting at `at` ends (before its line break) and where the next one starts. */
export function lineAt(text: string, at: number): { end: number; next: number } {
  let end = at;
  const n = text.length;
  while (end < n) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  const next = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  return { end, next: Math.min(next, n) };
}

/** True when `[start, end)` holds only HTML whitespace. */
export function isBlankRange(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (!isHtmlSpace(text.charCodeAt(p))) return false;
  return true;
}
