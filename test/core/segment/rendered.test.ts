import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../../src/core/segment/index.js';
import { type CorpusModel, modelFromTexts } from '../../../src/core/index.js';

/** Sentences of one posted document, checked to slice back exactly from its text. */
function sentencesOf(file: string, text: string): { model: CorpusModel; sentences: Sentence[] } {
  const model = modelFromTexts([{ file, text }], { topics: false });
  const source = model.byId.get(file)!;
  for (const s of model.sentences) {
    expect(source.text.slice(s.offsets.start, s.offsets.end)).toBe(s.quote);
    expect(source.lineIndex.lineAt(s.offsets.start)).toBe(s.lines.start);
    expect(source.lineIndex.lineAt(s.offsets.end - 1)).toBe(s.lines.end);
  }
  return { model, sentences: [...model.sentences] };
}

const texts = (sentences: readonly Sentence[]) => sentences.map((s) => s.text);

describe('sentences of Markdown', () => {
  it('are cut on the rendered text: text is what a reader sees, quote the exact source with its markup', () => {
    const md =
      '# Release notes\n\nThe **ledger** now writes\n[settlements](https://example.com/a.b) in one transaction. Refunds cost &euro;0 and `retry()` is gone.\n';
    const { sentences } = sentencesOf('notes.md', md);
    expect(texts(sentences)).toEqual([
      'The ledger now writes settlements in one transaction.',
      'Refunds cost €0 and retry() is gone.',
    ]);
    expect(sentences[0]!.quote).toBe(
      'The **ledger** now writes\n[settlements](https://example.com/a.b) in one transaction.',
    );
    expect(sentences[0]!.lines).toEqual({ start: 3, end: 4 });
    expect(sentences[1]!.quote).toBe('Refunds cost &euro;0 and `retry()` is gone.');
  });

  it('never break inside a link, inline code, a version number or a bare URL', () => {
    const md =
      'Read [the guide. It is short](https://example.com/guide) before you start the upgrade to v4.12.0 of the service. ' +
      'Run `npm run build. then test` in the folder of the service to build it. ' +
      'The notes live at https://docs.example.com/v2.1/notes.html and nowhere else today.\n';
    const { sentences } = sentencesOf('guide.md', md);
    expect(texts(sentences)).toEqual([
      'Read the guide. It is short before you start the upgrade to v4.12.0 of the service.',
      'Run npm run build. then test in the folder of the service to build it.',
      'The notes live at https://docs.example.com/v2.1/notes.html and nowhere else today.',
    ]);
  });

  it('come only from prose: code, tables, badges, HTML, definitions and front matter give none', () => {
    const md = [
      '---',
      'title: A note written with front matter in it.',
      '---',
      '',
      '[![build](https://img.shields.io/badge/build-passing-green.svg)](https://ci.example.com)',
      '',
      'The service settles payments for merchants in four currencies.',
      '',
      '```js',
      '// This comment reads like a sentence but it is code.',
      'settle(payment);',
      '```',
      '',
      '| Currency | Share of payments in the last year of trading |',
      '| -------- | --------------------------------------------- |',
      '| EUR      | 61 percent of every payment the service made  |',
      '',
      '<p align="center">An HTML block that reads like a sentence too.</p>',
      '',
      '[docs]: https://example.com/docs "The documentation of the service."',
      '',
    ].join('\n');
    const { model, sentences } = sentencesOf('service.md', md);
    expect(texts(sentences)).toEqual([
      'The service settles payments for merchants in four currencies.',
    ]);
    const reasons = model.lines.get('service.md')!.map((l) => l.reason ?? l.kind);
    expect(reasons).toEqual([
      ...Array(3).fill('front-matter'),
      'blank',
      'badge',
      'blank',
      'content',
      'blank',
      ...Array(4).fill('code'),
      'blank',
      ...Array(3).fill('table'),
      'blank',
      'html',
      'blank',
      'definition',
    ]);
  });

  it('leave out a line the line rules judge boilerplate, as in plain text', () => {
    const md =
      '# Harbour budget\n\nThe council approved the harbour budget on Monday after a long debate.\n\n' +
      'Subscribe to our newsletter to get the latest news in your inbox.\n';
    const { model, sentences } = sentencesOf('news.md', md);
    expect(texts(sentences)).toEqual([
      'The council approved the harbour budget on Monday after a long debate.',
    ]);
    expect(model.lines.get('news.md')![4]).toMatchObject({
      kind: 'boilerplate',
      reason: 'call-to-action',
    });
  });

  it('are read as plain lines when the file is .txt, markup and all', () => {
    const { sentences } = sentencesOf('notes.txt', 'The **ledger** writes [rows](u) today.\n');
    expect(sentences.map((s) => [s.text, s.quote])).toEqual([
      ['The **ledger** writes [rows](u) today.', 'The **ledger** writes [rows](u) today.'],
    ]);
  });
});

describe('sentences of HTML', () => {
  it('come from the article, with entities decoded in text and tags kept in quote', () => {
    const html = [
      '<!doctype html><html><head><title>Bridge closed</title><script>var a = "Not a sentence.";</script></head>',
      '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>',
      '<div class="cookie-banner"><p>We use cookies to improve your experience of this site.</p></div>',
      '<article><h1>Bridge closed</h1>',
      '<p>The Old Harbour Bridge was closed on Tuesday &amp; traffic was diverted.',
      'Engineers found <a href="/cracks">cracks in two bearings</a> under the pier.</p>',
      '</article><footer><p>Copyright 2024 The Courier. All rights reserved.</p></footer></body></html>',
    ].join('\n');
    const { model, sentences } = sentencesOf('bridge.html', html);
    expect(texts(sentences)).toEqual([
      'The Old Harbour Bridge was closed on Tuesday & traffic was diverted.',
      'Engineers found cracks in two bearings under the pier.',
    ]);
    expect(sentences[0]!.quote).toBe(
      'The Old Harbour Bridge was closed on Tuesday &amp; traffic was diverted.',
    );
    expect(sentences[1]!.quote).toBe(
      'Engineers found <a href="/cracks">cracks in two bearings</a> under the pier.',
    );
    const lines = model.lines.get('bridge.html')!;
    // A line holding several blocks takes the kind of the one covering most of it (here the script).
    expect(lines.map((l) => l.reason ?? l.kind)).toEqual([
      'script',
      'navigation',
      'cookie-banner',
      'heading',
      'content',
      'content',
      'footer',
    ]);
  });
});
