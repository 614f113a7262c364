/** The stripped-text reading of a Markdown file (fallback.ts): line by line, in one pass. */
import {
  isAlnum,
  isAsciiLetter,
  isAsciiPunctuation,
  isBlankRange,
  lineAt,
  type Reader,
} from './fallback-reader.js';

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

/** Reads a Markdown source into `r`: container prefixes, inline markup and fences left out. */
export function readMarkdown(r: Reader): void {
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
