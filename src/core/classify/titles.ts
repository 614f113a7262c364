import { formatOf, type SourceFile } from '../corpus/index.js';
import { parseDocument } from '../parse/index.js';
import type { ClassifiedLine } from './classify-lines.js';

/**
 * A document's title, as its author set it: the `title` of a Markdown file's front matter or its
 * first-level heading (`# Title`, a setext `===` heading, an `<h1>` in an HTML block), an HTML
 * page's `<h1>` (else its `<title>`, without the site's name), a plain-text article's headline (its
 * first line, right before its body). A first-level heading is a title only
 * when it is the document's only one: a document of several (`# Installation`, `# Summary`,
 * `# Credits`) uses them as sections. Read from the classified lines and the file's text (an HTML
 * page is parsed again), so a stored model can name its stories without the build's parse.
 */

/** Titles longer than this are sentences, not titles. */
const MAX_TITLE_WORDS = 16;
/** How far after an opening `<h1` or `<title>` its closing tag is looked for. */
const MAX_TITLE_SOURCE = 2000;

const ATX_H1 = /^ {0,3}#(?!#)[ \t]+\S/u;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/u;
const FRONT_TITLE = /^\s*title\s*[:=]\s*(.+?)\s*$/iu;
const H1 = /<h1[\s>]/iu;
/** A date stamp opening a headline ("2005/01/08 Tsunami aid …"). */
const LEADING_DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+/u;
/** A version closing a title ("lodash.chunk v4.2.0", "Parser 2.1"). */
const TRAILING_VERSION = /\s+v?\d+(?:\.\d+)+(?:[-+][\p{L}\p{N}.-]*)?$/iu;
/** Separators between a page's title and its site's name ("Install | Vite", "Guide — Docs"). */
const SITE_SEPARATOR = /\s+[|–—·•:]\s+|\s+-\s+/u;

/** A title as a label: whitespace collapsed, no date stamp, no decoration or trailing colon. */
export function cleanTitle(raw: string): string | undefined {
  const t = raw
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(LEADING_DATE, '')
    .replace(TRAILING_VERSION, '')
    .replace(/^[^\p{L}\p{N}"'“‘(@`]+/u, '')
    .replace(/[\s:;,.!…—–-]+$/u, '')
    .replace(/[^\p{L}\p{N}"'”’)`]+$/u, '')
    .trim();
  if (!/\p{L}/u.test(t) || t.split(' ').length > MAX_TITLE_WORDS) return undefined;
  return t;
}

/** The rendered text of the first heading in `source` read as `format`. */
function headingText(source: string, format: 'markdown' | 'html'): string | undefined {
  const block = parseDocument(source, format).blocks.find((b) => b.kind === 'heading');
  return block?.text;
}

/** `file.text` from `start` to just past the first `close` tag after it (or a bounded slice). */
function throughTag(text: string, start: number, close: string): string {
  const at = text.toLowerCase().indexOf(close, start);
  const end =
    at < 0 || at - start > MAX_TITLE_SOURCE ? start + MAX_TITLE_SOURCE : at + close.length;
  return text.slice(start, end);
}

/**
 * The source of a Markdown heading with the file's link and image definitions after it, so that
 * a reference in the heading (`# name [![ci][ci-badge]][ci]`) resolves as in the whole file.
 */
function withDefinitions(
  file: SourceFile,
  lines: readonly ClassifiedLine[],
  start: number,
  end: number,
): string {
  const definitions = lines.filter((l) => l.reason === 'definition').map((l) => l.text);
  return [file.text.slice(start, end), '', ...definitions].join('\n');
}

/** Whether line `i` opens a first-level Markdown heading (ATX `#`, setext `===`, HTML `<h1>`). */
function isMarkdownH1(lines: readonly ClassifiedLine[], i: number): boolean {
  const l = lines[i]!;
  if (l.kind === 'heading')
    return (
      ATX_H1.test(l.text) ||
      (lines[i + 1]?.kind === 'heading' && SETEXT_H1.test(lines[i + 1]!.text))
    );
  return l.reason === 'html' && H1.test(l.text);
}

/** Whether a first-level heading follows line `i`. */
function laterH1(lines: readonly ClassifiedLine[], i: number): boolean {
  for (let k = i + 1; k < lines.length; k++) if (isMarkdownH1(lines, k)) return true;
  return false;
}

function markdownTitle(file: SourceFile, lines: readonly ClassifiedLine[]): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.reason === 'front-matter') {
      const m = FRONT_TITLE.exec(l.text);
      if (m) {
        const title = cleanTitle(m[1]!.replace(/^(["'])(.*)\1$/u, '$2'));
        if (title) return title;
      }
      continue;
    }
    if (l.kind === 'content') return undefined;
    if (l.kind === 'heading') {
      const next = lines[i + 1];
      const setext = next?.kind === 'heading' && SETEXT_H1.test(next.text);
      if (!ATX_H1.test(l.text) && !setext) return undefined;
      if (laterH1(lines, setext ? i + 1 : i)) return undefined;
      const source = withDefinitions(file, lines, l.start, setext ? next.end : l.end);
      const title = cleanTitle(headingText(source, 'markdown') ?? '');
      if (title) return title;
    } else if (l.reason === 'html' && H1.test(l.text)) {
      if (laterH1(lines, i)) return undefined;
      const at = l.start + l.text.search(H1);
      const title = cleanTitle(headingText(throughTag(file.text, at, '</h1>'), 'html') ?? '');
      if (title) return title;
    }
  }
  return undefined;
}

/**
 * An HTML page's title: its first `<h1>` inside the story (the article or main element, or the
 * body when the page has neither), else its first `<h1>` anywhere, else its `<title>` without the
 * site's name. Read from the parsed page, not its lines: a page saved as one line has no heading
 * line.
 */
function htmlTitle(file: SourceFile): string | undefined {
  const headings = parseDocument(file.text, 'html').blocks.filter((b) => b.kind === 'heading');
  const h1 = headings.filter((b) => /^<h1[\s>]/iu.test(file.text.slice(b.start, b.start + 4)));
  for (const b of [...h1.filter((b) => b.reason === 'heading'), ...h1]) {
    const title = cleanTitle(b.text);
    if (title) return title;
  }
  const page = headings.find((b) => b.reason === 'title');
  return page ? cleanTitle(page.text.split(SITE_SEPARATOR)[0] ?? '') : undefined;
}

/** Most lines (a date, a slug, a byline) between a plain-text headline and the article's body. */
const HEADLINE_GAP = 2;

/**
 * A plain-text article's headline: its first line, when the classifier took it for a heading, it
 * opens in capitals, and the body follows within a date, a slug or a byline. A saved page that
 * opens with its site's masthead and menus ("WeatherDesk.com", "Forecasts | Radar | …") has no
 * headline a plain reading can trust.
 */
function plainTitle(lines: readonly ClassifiedLine[]): string | undefined {
  const nonBlank = lines.filter((l) => l.kind !== 'blank');
  const first = nonBlank[0];
  if (first?.kind !== 'heading' || !/^[\p{Lu}\p{N}"'“‘]/u.test(first.text.trim())) return undefined;
  const body = nonBlank.findIndex((l) => l.kind === 'content');
  return body > 0 && body - 1 <= HEADLINE_GAP ? cleanTitle(first.text) : undefined;
}

/**
 * The title of a document (see the module comment), or undefined when it has none.
 * @example
 * documentTitle(file, table.get(file.id)!) // 'pino-abstract-transport'
 */
export function documentTitle(
  file: SourceFile,
  lines: readonly ClassifiedLine[],
): string | undefined {
  const format = formatOf(file.id);
  if (format === 'markdown') return markdownTitle(file, lines);
  if (format === 'html') return htmlTitle(file);
  return plainTitle(lines);
}
