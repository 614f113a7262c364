import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../schemas/citation.js';
import type { Summary } from '../../schemas/summary.js';
import { renderSummaryMarkdown } from '../../src/render/markdown.js';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';

/** The answer parsed back as GitHub renders it (CommonMark and GFM: footnotes, strikethrough, autolinks). */
function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The text a reader sees in a node: every text and code value, footnote calls left out. */
function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'footnoteReference') return '';
  return 'children' in node ? node.children.map((c) => textOf(c as Nodes)).join('') : '';
}

/** Texts that meet most of what a CommonMark parser reads as markup. */
const TRICKY = [
  'Never assign __proto__ or keys like __dirname in snake_case maps.',
  'Use *args and **kwargs, or 2 * 3 * 4 for a product.',
  'A path C:\\temp\\ and a trailing backslash \\',
  'Wrap it in `code` or ``more code`` and see [the docs](https://example.org) or [^1].',
  'The <div> tag, an <https://example.org> autolink and a < b > c comparison.',
  'Entities such as &amp; and &#35; and &copy; are text here, & so is this.',
  '# not a heading, > not a quote',
  '- not a list item',
  '+ not one either',
  '* nor this',
  '2024. The year the port opened.',
  '1) not an ordered list',
  '---',
  '***',
  '~~~ not a fence ~~not struck~~ and ~one~ tilde',
  'Pull requests are welcome!',
  'Stars ![alt](x.png) and an _emphasis_ and a_b_c word.',
  'Ends with an underscore_ and a star*',
  'See www.example.org or mail@example.org for more.',
  '| a | b |',
  '    indented text stays a paragraph',
  'Issue #',
];

function cite(quote: string): Citation {
  return {
    file: 'docs/a.md',
    sha256: '0'.repeat(64),
    lines: { start: 1, end: 1 },
    offsets: { start: 0, end: quote.length },
    quote,
    href: '',
  };
}

describe('the Markdown answer', () => {
  it('parses back, with the mdast parser, to the text of every sentence, the quote of every footnote and the title', () => {
    const summary: Summary = {
      query: 'Issue #',
      sentences: TRICKY.map((text) => ({ text, citations: [cite(text)], support: 1, score: 1 })),
      wordCount: 0,
      corpus: '1'.repeat(64),
    };
    const tree = parse(renderSummaryMarkdown(summary));
    const [heading, ...rest] = tree.children;
    expect(heading!.type).toBe('heading');
    expect(textOf(heading!)).toBe('Summary for “Issue #”');
    const paragraphs = rest.filter((n) => n.type === 'paragraph');
    expect(paragraphs.map(textOf)).toEqual(TRICKY.map((t) => t.replace(/\s+/gu, ' ').trim()));
    const notes = rest.filter((n) => n.type === 'footnoteDefinition');
    expect(notes.map((n) => /“(.*)”$/u.exec(textOf(n))![1])).toEqual(
      TRICKY.map((t) => t.replace(/\s+/gu, ' ').trim()),
    );
  });

  it('escapes only what CommonMark needs', () => {
    expect(escapeMarkdown('Never assign __proto__ in a snake_case map.')).toBe(
      'Never assign \\_\\_proto\\_\\_ in a snake_case map.',
    );
    expect(escapeMarkdown('2 * 3 = 6, a < b, AT&T, C:\\temp')).toBe(
      '2 * 3 = 6, a < b, AT&T, C:\\temp',
    );
    expect(escapeMarkdown('It funds *new* piers [and] a_terminal.')).toBe(
      'It funds \\*new\\* piers \\[and] a_terminal.',
    );
  });
});
