import { describe, expect, it } from 'vitest';
import { lineKinds, parseDocument, type DocumentFormat } from '../../../src/core/parse/index.js';

function lineStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /\r\n|\r|\n/gu;
  let at = 0;
  for (const m of text.matchAll(re)) {
    starts.push(at);
    at = m.index + m[0].length;
  }
  if (at < text.length) starts.push(at);
  return starts;
}

function labels(text: string, format: DocumentFormat): string[] {
  return lineKinds(text, parseDocument(text, format).blocks, lineStarts(text)).map(
    (l) => `${l.kind}${l.reason ? '/' + l.reason : ''}`,
  );
}

describe('line kinds', () => {
  it('labels Markdown lines by the block covering most of them', () => {
    const md =
      '# Title\n\nProse that\nwraps.\n\n```bash\necho "A sentence."\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item\n\n<div>\n\n[x]: https://x.example\n';
    expect(labels(md, 'markdown')).toEqual([
      'heading/heading',
      'blank/blank',
      'content',
      'content',
      'blank/blank',
      'boilerplate/code',
      'boilerplate/code',
      'boilerplate/code',
      'blank/blank',
      'boilerplate/table',
      'boilerplate/table',
      'boilerplate/table',
      'blank/blank',
      'content',
      'blank/blank',
      'boilerplate/html',
      'blank/blank',
      'boilerplate/definition',
    ]);
  });

  it('labels HTML lines, with bare markup lines as markup', () => {
    const html =
      '<html>\n<head><title>T</title></head>\n<body>\n<nav><a href="/">Home</a></nav>\n<article>\n<p>Story text.</p>\n</article>\n</body>\n</html>';
    expect(labels(html, 'html')).toEqual([
      'boilerplate/markup',
      'heading/title',
      'boilerplate/markup',
      'boilerplate/navigation',
      'boilerplate/markup',
      'content',
      'boilerplate/markup',
      'boilerplate/markup',
      'boilerplate/markup',
    ]);
  });

  it('lines of a CRLF file get the same labels as its LF twin', () => {
    const md = '# T\n\nText here.\n\n    code\n';
    expect(labels(md.replace(/\n/gu, '\r\n'), 'markdown')).toEqual(labels(md, 'markdown'));
  });
});
