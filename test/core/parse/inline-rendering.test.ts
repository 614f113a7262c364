import { describe, expect, it } from 'vitest';
import {
  atomicRanges,
  parseDocument,
  sourceSpan,
  type Block,
} from '../../../src/core/parse/index.js';
import { blockProblems } from './helpers/check-blocks.js';

function only(source: string, format: 'markdown' | 'html' = 'markdown'): Block {
  const blocks = parseDocument(source, format).blocks;
  expect(blockProblems(source, blocks)).toEqual([]);
  const prose = blocks.filter((b) => b.text.length > 0 && b.reason !== 'title');
  expect(prose).toHaveLength(1);
  return prose[0]!;
}

/** The source slice of each rendered unit of `block`, for the units of `text` found in it. */
function slicesOf(source: string, block: Block, text: string): string[] {
  const i = block.text.indexOf(text);
  expect(i).toBeGreaterThanOrEqual(0);
  return text
    .split('')
    .map((_, k) => source.slice(block.sourceStart[i + k]!, block.sourceEnd[i + k]!));
}

describe('Markdown inline rendering', () => {
  it('a link renders as its text and its target never reaches the text', () => {
    const src = 'See [the docs](https://x.example/a.b "Title") now.';
    const b = only(src);
    expect(b.text).toBe('See the docs now.');
    expect(src.slice(b.sourceStart[4]!, b.sourceEnd[11]!)).toBe('the docs');
  });

  it('a sentence ending on a link cites the whole link once widened', () => {
    const src = 'Read [the runbook](runbook.md)';
    const b = only(src);
    expect(b.text).toBe('Read the runbook');
    expect(src.slice(b.sourceStart[0]!, b.sourceEnd[b.text.length - 1]!)).toBe('Read [the runbook');
    const span = sourceSpan(b, 0, b.text.length);
    expect(src.slice(span.start, span.end)).toBe(src);
  });

  it('a sentence starting in emphasis keeps the opening marker once widened', () => {
    const src = '*Note*: the pool is shared.';
    const b = only(src);
    expect(b.text).toBe('Note: the pool is shared.');
    const span = sourceSpan(b, 0, b.text.length);
    expect(src.slice(span.start, span.end)).toBe(src);
  });

  it('reference links, collapsed references and autolinks render as what a reader sees', () => {
    const src = 'Use [the tool][t], [t][] and <https://a.example/x.y>.\n\n[t]: https://t.example';
    const b = parseDocument(src, 'markdown').blocks[0]!;
    expect(b.text).toBe('Use the tool, t and https://a.example/x.y.');
    expect(atomicRanges(b).map(([i, j]) => b.text.slice(i, j))).toEqual([
      'the tool',
      't',
      'https://a.example/x.y',
    ]);
  });

  it('entities decode and each decoded unit cites its whole reference', () => {
    const src = 'A &amp; B&#8217;s&nbsp;cost &copy; &#x1F600; &bogus; &amp';
    const b = only(src);
    expect(b.text).toBe('A & B’s\u00a0cost © 😀 &bogus; &amp');
    expect(slicesOf(src, b, '&')[0]).toBe('&amp;');
    expect(slicesOf(src, b, '’')).toEqual(['&#8217;']);
    expect(slicesOf(src, b, '😀')).toEqual(['&#x1F600;', '&#x1F600;']);
    expect(slicesOf(src, b, '&bogus;')).toEqual([...'&bogus;']);
  });

  it('backslash escapes decode and cite the backslash too', () => {
    const src = '\\*not emphasis\\* and 1\\. item \\\\ done';
    const b = only(src);
    expect(b.text).toBe('*not emphasis* and 1. item \\ done');
    expect(slicesOf(src, b, '*not')[0]).toBe('\\*');
    expect(slicesOf(src, b, '1.')).toEqual(['1', '\\.']);
  });

  it('inline code drops its ticks, keeps its dots, and is one atomic range', () => {
    const src = 'Call `obj.method()` then ``a ` b``.';
    const b = only(src);
    expect(b.text).toBe('Call obj.method() then a ` b.');
    expect(atomicRanges(b).map(([i, j]) => b.text.slice(i, j))).toEqual(['obj.method()', 'a ` b']);
  });

  it('soft breaks render as a space citing the line ending; hard breaks as a line break', () => {
    const src = 'one\ntwo  \nthree\\\nfour';
    const b = only(src);
    expect(b.text).toBe('one two\nthree\nfour');
    expect(slicesOf(src, b, ' two')[0]).toBe('\n');
    expect(slicesOf(src, b, '\nthree')[0]).toBe('  \n');
    expect(slicesOf(src, b, '\nfour')[0]).toBe('\\\n');
  });

  it('emphasis, strong, strikethrough and inline HTML tags drop their markup', () => {
    expect(only('*a* **b** ~~c~~ _d_ <b>e</b> <kbd>Ctrl</kbd>').text).toBe('a b c d e Ctrl');
    expect(only('line<br>next').text).toBe('line\nnext');
  });

  it('images and footnote references are dropped; a paragraph of only images is a badge or an image', () => {
    const src = 'Text ![diagram](d.png) here.[^1]\n\n[^1]: Note.';
    expect(parseDocument(src, 'markdown').blocks[0]!.text).toBe('Text  here.');
    expect(parseDocument('![diagram](d.png)', 'markdown').blocks[0]).toMatchObject({
      kind: 'image',
      content: false,
    });
    expect(
      parseDocument('[![npm](https://img.shields.io/npm/v/x.svg)](https://npmjs.com/x)', 'markdown')
        .blocks[0],
    ).toMatchObject({ kind: 'badge', content: false });
  });

  it('a line of only links is navigation, a sentence with a link is prose', () => {
    expect(parseDocument('[Docs](d) · [Blog](b) | [Chat](c)', 'markdown').blocks[0]).toMatchObject({
      kind: 'navigation',
      content: false,
    });
    expect(parseDocument('- [Install](install.md)', 'markdown').blocks[0]).toMatchObject({
      kind: 'navigation',
    });
    expect(parseDocument('See [Docs](d).', 'markdown').blocks[0]).toMatchObject({
      kind: 'paragraph',
      content: true,
    });
  });

  it('astral characters, flags and tabs map unit by unit', () => {
    const src = 'Ship 🚢 to 🇳🇴\tnow';
    const b = only(src);
    expect(b.text).toBe(src);
    for (let k = 0; k < src.length; k++)
      expect([b.sourceStart[k], b.sourceEnd[k]]).toEqual([k, k + 1]);
  });

  it('a leading thematic break that closes no front matter does not hide the lists after it', () => {
    expect(parseDocument('---\n\n- alpha\n- beta\n', 'markdown').blocks.map((b) => b.kind)).toEqual(
      ['thematic-break', 'list-item', 'list-item'],
    );
    expect(
      parseDocument('---\ntitle: x\n---\n- alpha\n', 'markdown').blocks.map((b) => b.kind),
    ).toEqual(['front-matter', 'list-item']);
  });

  it('an indented code block that starts with backticks keeps its first line', () => {
    const src = '- a\n\n      ```ts\n      code();';
    const code = parseDocument(src, 'markdown').blocks.find((b) => b.kind === 'code')!;
    expect(code.text).toBe('```ts\ncode();');
    expect(blockProblems(src, [code])).toEqual([]);
  });

  it('block quote and list prefixes stay outside the rendered text', () => {
    const src = '> quoted line\n> continues here\n\n- item one\n  continues\n  - nested item';
    const blocks = parseDocument(src, 'markdown').blocks;
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['blockquote', 'quoted line continues here'],
      ['list-item', 'item one continues'],
      ['list-item', 'nested item'],
    ]);
    expect(blockProblems(src, blocks)).toEqual([]);
  });
});

describe('HTML inline rendering', () => {
  it('obsolete inline elements of old documentation pages stay in their paragraph, tt as atomic code', () => {
    const src =
      '<p>Use the return value of <tt>Backbone.noConflict()</tt> to keep a <font color="red">local</font> <big>reference</big>.</p>';
    const b = only(src, 'html');
    expect(b.text).toBe('Use the return value of Backbone.noConflict() to keep a local reference.');
    const code = b.text.indexOf('Backbone');
    expect(atomicRanges(b)).toContainEqual([code, code + 'Backbone.noConflict()'.length]);
  });

  it('tags drop, whitespace collapses, entities decode with their spans', () => {
    const src =
      '<p>A  &amp;\n   <a href="https://x.example/a.b">B</a>&rsquo;s <em>new</em>&nbsp;&#8212; plan</p>';
    const b = only(src, 'html');
    expect(b.text).toBe('A & B’s new\u00a0— plan');
    expect(slicesOf(src, b, '&')).toEqual(['&amp;']);
    expect(slicesOf(src, b, ' B')[0]).toBe('\n   ');
    expect(slicesOf(src, b, '—')).toEqual(['&#8212;']);
  });

  it('legacy references without a semicolon decode as browsers do', () => {
    const src = '<p>&copy 2024 &amp more &rsquo x &notit; &#128;</p>';
    const b = only(src, 'html');
    expect(b.text).toBe('© 2024 & more &rsquo x ¬it; €');
    expect(slicesOf(src, b, '©')).toEqual(['&copy']);
    expect(slicesOf(src, b, '¬')).toEqual(['&not']);
    expect(slicesOf(src, b, '€')).toEqual(['&#128;']);
  });

  it('a line break element renders as a line break citing the tag', () => {
    const src = '<p>first<br>second <br/> third</p>';
    const b = only(src, 'html');
    expect(b.text).toBe('first\nsecond\nthird');
    expect(slicesOf(src, b, '\nsecond')[0]).toBe('<br>');
  });

  it('nested list items become separate, non-overlapping blocks', () => {
    const src = '<ul><li>outer <ul><li>inner</li></ul> tail</li></ul>';
    const blocks = parseDocument(src, 'html').blocks;
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['list-item', 'outer'],
      ['list-item', 'inner'],
      ['list-item', 'tail'],
    ]);
    expect(blockProblems(src, blocks)).toEqual([]);
  });

  it('pre keeps its whitespace and is code', () => {
    const src = '<pre>\n  if (a &lt; b)\n    go();</pre>';
    const b = parseDocument(src, 'html').blocks[0]!;
    expect(b).toMatchObject({ kind: 'code', content: false, text: '  if (a < b)\n    go();' });
  });

  it('a page without article or main reads the whole body, furniture excepted', () => {
    const src =
      '<body><nav><a href="/">Home</a></nav><div>Plain text page.</div><footer>f</footer></body>';
    expect(parseDocument(src, 'html').blocks.map((b) => [b.kind, b.content])).toEqual([
      ['navigation', false],
      ['paragraph', true],
      ['footer', false],
    ]);
  });

  it('prose outside the article is outside-article; class words never hide the article', () => {
    const src =
      '<div class="ad-free wrapper"><p>Teaser outside.</p><article><p>The story.</p></article></div>';
    const blocks = parseDocument(src, 'html').blocks;
    expect(blocks.map((b) => [b.text, b.content, b.reason])).toEqual([
      ['Teaser outside.', false, 'outside-article'],
      ['The story.', true, undefined],
    ]);
  });
});
