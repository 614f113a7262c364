/**
 * The page layout of an article: its blocks (headings, paragraphs, lines, bullets) written out in
 * the style of its publisher (Markdown or plain headings, hard wrapping at 72 columns, bullet
 * marks, CRLF line endings).
 */
import type { Publisher } from './publishers.js';

/** One block of an article before layout. */
export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'para'; text: string }
  | { kind: 'lines'; lines: readonly string[] }
  | { kind: 'bullets'; items: readonly string[] };

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

/** The text of an article: its blocks in its publisher's layout, blank lines between blocks. */
export function render(blocks: readonly Block[], pub: Publisher): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(pub.style === 'markdown' ? `${b.level === 1 ? '#' : '##'} ${b.text}` : b.text);
        break;
      case 'para':
        out.push(...(pub.style === 'wrapped' ? wrap(b.text, 72) : [b.text]));
        break;
      case 'lines':
        out.push(...b.lines);
        break;
      case 'bullets':
        out.push(
          ...b.items.map(
            (item, k) =>
              `${pub.bullet === '1.' ? `${k + 1}.` : pub.bullet} ${item}${pub.bulletPeriod ? '.' : ''}`,
          ),
        );
        break;
    }
    out.push('');
  }
  const text = `${out.join('\n').trimEnd()}\n`;
  return pub.crlf ? text.replace(/\n/gu, '\r\n') : text;
}
