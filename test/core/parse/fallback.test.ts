import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fallbackDocument } from '../../../src/core/parse/fallback.js';
import { blockProblems } from './helpers/check-blocks.js';

const WHY = 'a test';

function read(source: string, format: 'markdown' | 'html') {
  const doc = fallbackDocument(source, format, WHY);
  expect(doc.fallback).toBe(WHY);
  expect(blockProblems(source, doc.blocks)).toEqual([]);
  return doc.blocks.map((b) => ({ kind: b.kind, reason: b.reason, text: b.text }));
}

describe('fallbackDocument: text with its markup stripped, exact spans', () => {
  it('reads HTML without its tags, scripts and comments, references decoded, block tags ending paragraphs', () => {
    const source = [
      '<!DOCTYPE html><html><head><title>zztitle</title><style>p { color: red }</style></head>',
      '<body><div class="x"><p>The council &amp; the mayor said the bridge <b>reopened</b>.</p>',
      '<script>var zz = "<p>not text</p>";</script><!-- a <p>comment</p> -->',
      '<p>It cost &#8364;4&nbsp;million.<br>Traffic resumed.</p></div>',
      '</body></html>',
    ].join('\n');
    expect(read(source, 'html')).toEqual([
      { kind: 'html', reason: 'unparsed', text: '' },
      {
        kind: 'paragraph',
        reason: undefined,
        text: 'The council & the mayor said the bridge reopened.',
      },
      { kind: 'html', reason: 'unparsed', text: '' },
      { kind: 'paragraph', reason: undefined, text: 'It cost €4\u00a0million.\nTraffic resumed.' },
      { kind: 'html', reason: 'unparsed', text: '' },
    ]);
  });

  it('reads the paragraph of a page of 60,000 nested <div> in one linear pass', () => {
    const source = `${'<div>'.repeat(60_000)}<p>The council said the bridge reopened.</p>${'</div>'.repeat(60_000)}`;
    expect(read(source, 'html')).toEqual([
      { kind: 'paragraph', reason: undefined, text: 'The council said the bridge reopened.' },
    ]);
  });

  it('reads Markdown without container markers, emphasis, link syntax, images and tags', () => {
    const source = [
      '# A *title*',
      '',
      '> Quoted **strong** words and a [link](https://example.org "t") here.',
      '> Second line with `code` and an ![image](i.png) gone.',
      '',
      '- First item with snake_case_name kept',
      '- Second item \\*escaped\\* &amp; decoded <b>tag</b> <https://a.example/x>',
      '',
      '```js',
      'const zz = 1;',
      '```',
      '',
      '---',
    ].join('\n');
    expect(read(source, 'markdown')).toEqual([
      { kind: 'paragraph', reason: undefined, text: 'A title' },
      {
        kind: 'paragraph',
        reason: undefined,
        text: 'Quoted strong words and a link here. Second line with code and an  gone.',
      },
      { kind: 'list-item', reason: undefined, text: 'First item with snake_case_name kept' },
      {
        kind: 'list-item',
        reason: undefined,
        text: 'Second item *escaped* & decoded tag https://a.example/x',
      },
      { kind: 'code', reason: 'code', text: '' },
      { kind: 'html', reason: 'unparsed', text: '' },
    ]);
  });

  it('reads 20,000 nested `>` and 5,000 nested list markers as the text they hold', () => {
    const source = `${'>'.repeat(20_000)} Quoted text.\n\n${'- '.repeat(5000)}Listed text.\n`;
    expect(read(source, 'markdown').map((b) => b.text)).toEqual(['Quoted text.', 'Listed text.']);
  });

  it('never throws, and keeps every invariant, on any string (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '<',
        '>',
        '</',
        '<!--',
        '-->',
        '<p>',
        '<script>',
        '</script>',
        '&amp;',
        '&#',
        '[',
        '](',
        ')',
        '![',
        '`',
        '*',
        '_',
        '\\',
        '\n',
        '\r\n',
        '\n\n',
        '```',
        '- ',
        '> ',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.boolean(), (parts, html) => {
        const source = parts.join('');
        const doc = fallbackDocument(source, html ? 'html' : 'markdown', WHY);
        expect(blockProblems(source, doc.blocks)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
