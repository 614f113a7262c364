/**
 * The reading of a Markdown or HTML file that its parser could not read in bounded time and
 * space: the text with its markup stripped, in one linear pass of our own, never a drop.
 *
 * HTML: tags, comments and declarations removed; the contents of `script`, `style` and the other
 * raw-text and embedded elements skipped; block-level tags and blank lines end a paragraph; `<br>`
 * is a line break; whitespace collapsed; character references decoded.
 * Markdown: container prefixes (`>`, list markers, indentation) removed, a list marker opening a
 * paragraph of its own; fenced code kept out as `code`; emphasis, strikethrough and code-span
 * markers, link and image syntax (an image's text, a link's destination) and HTML tags removed;
 * backslash escapes and character references decoded; blank lines end a paragraph.
 *
 * Every paragraph is one content block with an exact source span per rendered unit, so the line
 * rules judge its lines by their shape as they judge plain text, and citations slice the original
 * bytes. A non-blank line no paragraph touches (tags only) becomes a block with the reason
 * `unparsed`. The document carries the reason the parser was not used.
 */
import { BlockSink } from './block-sink.js';
import { decodeReferenceAt } from './character-reference.js';
import { BLOCK, LEAF } from './html-tags.js';
import { isHtmlSpace, TextBuilder } from './text-builder.js';
import type { Block, BlockKind, DocumentFormat, ParsedDocument } from './types.js';

/** HTML elements whose content is not text a reader sees (skipped to their end tag). */
const RAW = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'template',
  'noscript',
  'iframe',
  'xmp',
  'noembed',
  'noframes',
  'svg',
  'math',
  'object',
  'select',
]);

/** HTML tags that end a paragraph. */
function endsParagraph(name: string): boolean {
  return BLOCK.has(name) || name in LEAF || name === 'td' || name === 'th' || name === 'hr';
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c > 127;
}

function isAsciiPunctuation(c: number): boolean {
  return (
    (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)
  );
}

/** `text.indexOf(needle, from)` remembered per needle, so repeated searches stay linear overall. */
class NextIndex {
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

class Reader {
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
function lineAt(text: string, at: number): { end: number; next: number } {
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

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (!isHtmlSpace(text.charCodeAt(p))) return false;
  return true;
}

/** HTML: a stream of text and tags. */
function readHtml(r: Reader): void {
  const t = r.text;
  const n = t.length;
  let p = 0;
  let lineBreaks = 0;
  while (p < n) {
    const c = t.charCodeAt(p);
    if (c === 60 /* < */) {
      const d = t.charCodeAt(p + 1);
      if (t.startsWith('<!--', p)) {
        const close = r.next.of('-->', p + 4);
        p = close === Infinity ? n : close + 3;
        continue;
      }
      if (d === 33 /* ! */ || d === 63 /* ? */) {
        const close = r.next.of('>', p + 2);
        p = close === Infinity ? n : close + 1;
        continue;
      }
      const closing = d === 47; /* / */
      const nameStart = closing ? p + 2 : p + 1;
      if (isAsciiLetter(t.charCodeAt(nameStart))) {
        let q = nameStart;
        while (
          q < n &&
          (isAlnum(t.charCodeAt(q)) || t.charCodeAt(q) === 45 || t.charCodeAt(q) === 58)
        )
          q++;
        const name = t.slice(nameStart, q).toLowerCase();
        // The tag's end: the next `>` outside quoted attribute values.
        while (q < n && t.charCodeAt(q) !== 62) {
          const e = t.charCodeAt(q);
          if ((e === 34 || e === 39) && !closing) {
            const close = r.next.of(e === 34 ? '"' : "'", q + 1);
            q = close === Infinity ? n : close + 1;
          } else q++;
        }
        p = Math.min(n, q + 1);
        if (name === 'br') {
          if (r.b.length > 0) r.b.pend(10, -1, -1);
        } else if (endsParagraph(name)) r.end();
        if (!closing && RAW.has(name)) {
          r.end();
          // Raw text runs to the matching end tag (case-insensitive), or to the end of the file.
          const re = new RegExp(`</${name}[\\s/>]`, 'giu');
          re.lastIndex = p;
          const m = re.exec(t);
          p = m ? m.index : n;
        }
        lineBreaks = 0;
        continue;
      }
    }
    if (c === 38 /* & */) {
      const end = r.reference(p, n, 'html');
      if (end > 0) {
        p = end;
        lineBreaks = 0;
        continue;
      }
    }
    if (isHtmlSpace(c)) {
      // A blank line (two line breaks in one run of whitespace) ends a paragraph too.
      if (c === 10 || (c === 13 && t.charCodeAt(p + 1) !== 10)) {
        lineBreaks++;
        if (lineBreaks >= 2) r.end();
      }
      if (r.b.length > 0) r.b.pushCollapsed(c, p, p + 1);
      p++;
      continue;
    }
    lineBreaks = 0;
    r.push(c, p, p + 1, true);
    p++;
  }
  r.end();
}

/** Markdown: the inline markup of one line's content `[from, end)` stripped. */
function markdownInline(r: Reader, from: number, end: number): void {
  const t = r.text;
  for (let p = from; p < end; p++) {
    const c = t.charCodeAt(p);
    switch (c) {
      case 92 /* \ */: {
        const d = t.charCodeAt(p + 1);
        if (p + 1 < end && isAsciiPunctuation(d)) {
          r.push(d, p, p + 2);
          p++;
        } else r.push(c, p, p + 1);
        break;
      }
      case 38 /* & */: {
        const next = r.reference(p, end, 'markdown');
        if (next > 0) p = next - 1;
        else r.push(c, p, p + 1);
        break;
      }
      case 96 /* ` */:
      case 42 /* * */:
      case 126 /* ~ */:
        break; // code-span, emphasis and strikethrough markers
      case 95 /* _ */:
        // Inside a word (snake_case) it is a character; at a word's edge, emphasis.
        if (p > from && p + 1 < end && isAlnum(t.charCodeAt(p - 1)) && isAlnum(t.charCodeAt(p + 1)))
          r.push(c, p, p + 1);
        break;
      case 33 /* ! */: {
        // An image: `![alt](url)` or `![alt][ref]` shows no text.
        const close = t.charCodeAt(p + 1) === 91 ? r.next.of(']', p + 2) : Infinity;
        if (close < end) p = skipDestination(r, close + 1, end) - 1;
        else r.push(c, p, p + 1);
        break;
      }
      case 91 /* [ */:
        break; // a link's text is read; its brackets are markup
      case 93 /* ] */:
        p = skipDestination(r, p + 1, end) - 1;
        break;
      case 60 /* < */: {
        const d = t.charCodeAt(p + 1);
        const close =
          isAsciiLetter(d) || d === 47 || d === 33 || d === 63 ? r.next.of('>', p + 1) : Infinity;
        if (close < end) {
          // An autolink shows its address; an HTML tag shows nothing.
          const inner = t.slice(p + 1, close);
          if (/^[a-z][a-z0-9+.-]{1,31}:[^\s<>]*$|^[^\s@<>]+@[^\s@<>]+$/iu.test(inner))
            for (let k = p + 1; k < close; k++) r.push(t.charCodeAt(k), k, k + 1);
          p = close;
        } else r.push(c, p, p + 1);
        break;
      }
      default:
        r.push(c, p, p + 1);
    }
  }
}

/** After a link's `]`: skips `(destination)` or `[reference]` when one follows; returns where reading resumes. */
function skipDestination(r: Reader, at: number, end: number): number {
  const c = r.text.charCodeAt(at);
  const close = c === 40 ? r.next.of(')', at + 1) : c === 91 ? r.next.of(']', at + 1) : Infinity;
  return close < end ? close + 1 : at;
}

const FENCE = /^(`{3,}|~{3,})/u;
/** A thematic break or a setext underline: a line of markup only. */
const RULE = /^(?:(?:[-*_][ \t]*){3,}|=+[ \t]*|-+[ \t]*)$/u;
/** An ATX heading's opening `#`s and closing sequence. */
const ATX_OPEN = /^#{1,6}(?:[ \t]+|$)/u;
const ATX_CLOSE = /[ \t]+#+[ \t]*$/u;

/** Markdown: line by line. */
function readMarkdown(r: Reader): void {
  const t = r.text;
  const n = t.length;
  let fence: { mark: string; start: number } | undefined;
  let lastEnd = -1;
  for (let at = 0; at < n;) {
    const { end, next } = lineAt(t, at);
    // The container prefix: indentation, `>` markers, list markers.
    let p = at;
    let item = false;
    for (;;) {
      const c = t.charCodeAt(p);
      if (p < end && (c === 32 || c === 9 || c === 62)) {
        p++;
        continue;
      }
      if (
        p < end &&
        (c === 45 || c === 43 || c === 42) &&
        (p + 1 >= end || t.charCodeAt(p + 1) === 32 || t.charCodeAt(p + 1) === 9)
      ) {
        item = true;
        p++;
        continue;
      }
      let q = p;
      while (q < end && q - p < 9 && t.charCodeAt(q) >= 48 && t.charCodeAt(q) <= 57) q++;
      if (
        q > p &&
        q < end &&
        (t.charCodeAt(q) === 46 || t.charCodeAt(q) === 41) &&
        (q + 1 >= end || t.charCodeAt(q + 1) === 32)
      ) {
        item = true;
        p = q + 1;
        continue;
      }
      break;
    }
    const content = t.slice(p, Math.min(end, p + 64));
    if (fence) {
      if (content.startsWith(fence.mark) && isBlankRange(t, p + fence.mark.length, end)) {
        r.sink.add('code', fence.start, end, 'code');
        fence = undefined;
      }
      at = next;
      continue;
    }
    const opening = FENCE.exec(content);
    if (opening) {
      r.end();
      fence = { mark: opening[1]!, start: at };
      at = next;
      continue;
    }
    if (isBlankRange(t, p, end)) {
      r.end();
      at = next;
      continue;
    }
    if (!item && RULE.test(t.slice(p, end))) {
      r.end();
      at = next;
      continue;
    }
    const heading = item ? null : ATX_OPEN.exec(content);
    if (heading) {
      // A heading is a paragraph of its own line, its `#` markers left out.
      r.end();
      const close = ATX_CLOSE.exec(t.slice(p, end));
      markdownInline(r, p + heading[0].length, close ? p + close.index : end);
      r.end();
      at = next;
      continue;
    }
    if (item) r.begin('list-item', p);
    else if (lastEnd >= 0 && r.b.length > 0) r.b.pend(32, lastEnd, at); // a soft line break
    markdownInline(r, p, end);
    lastEnd = end;
    at = next;
  }
  if (fence) r.sink.add('code', fence.start, n, 'code');
  r.end();
}

/** Adds a non-content `unparsed` block over every non-blank line no block touches. */
function markUnparsedLines(text: string, blocks: readonly Block[]): Block[] {
  const sink = new BlockSink(text.length);
  let k = 0;
  for (let at = 0; at < text.length;) {
    const { end, next } = lineAt(text, at);
    while (k < blocks.length && blocks[k]!.end <= at) sink.blocks.push(blocks[k++]!);
    const touched = k < blocks.length && blocks[k]!.start < Math.max(end, at + 1);
    if (!touched && !isBlankRange(text, at, end)) {
      sink.cursor = at;
      sink.add('html', at, end, 'unparsed');
    }
    at = next;
  }
  while (k < blocks.length) sink.blocks.push(blocks[k++]!);
  return sink.blocks;
}

/**
 * Reads `text` as text with its markup stripped (see the module comment); `reason` says why the
 * parser was not used. Linear in the length of the text; never throws on any string.
 * @example
 * fallbackDocument('<div><p>A &amp; B.</p></div>', 'html', 'why').blocks[0].text // 'A & B.'
 */
export function fallbackDocument(
  text: string,
  format: DocumentFormat,
  reason: string,
): ParsedDocument {
  const r = new Reader(text);
  if (format === 'html') readHtml(r);
  else readMarkdown(r);
  return { blocks: markUnparsedLines(text, r.sink.blocks), fallback: reason };
}
