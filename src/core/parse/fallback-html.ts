/** The stripped-text reading of an HTML file (fallback.ts): a stream of text and tags, in one pass. */
import { isAlnum, isAsciiLetter, type Reader } from './fallback-reader.js';
import { BLOCK, LEAF } from './html-tags.js';
import { isHtmlSpace } from './text-builder.js';

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

/** Reads an HTML source into `r`: tags, comments and raw-text contents left out, references decoded. */
export function readHtml(r: Reader): void {
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
