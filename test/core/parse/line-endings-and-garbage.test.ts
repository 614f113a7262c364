import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, type DocumentFormat } from '../../../src/core/parse/index.js';
import { blockProblems } from './helpers/check-blocks.js';

const SAMPLE_MD =
  '# Title\n\nFirst line of *prose*\nsecond line &amp; more.\n\n> quote\n> goes on\n\n- a\n  b\n\n```\ncode\n```\n';
const SAMPLE_HTML =
  '<html><head><title>T</title></head><body><article>\n<p>First line\nsecond &amp; line</p>\n<pre>a\nb</pre>\n</article></body></html>';

describe('line endings', () => {
  for (const [format, sample] of [
    ['markdown', SAMPLE_MD],
    ['html', SAMPLE_HTML],
  ] as const) {
    it(`${format}: CRLF and CR render the same text as LF, with spans into the CRLF source`, () => {
      const lf = parseDocument(sample, format).blocks;
      for (const eol of ['\r\n', '\r']) {
        const source = sample.replace(/\n/gu, eol);
        const blocks = parseDocument(source, format).blocks;
        expect(blocks.map((b) => [b.kind, b.content, b.text])).toEqual(
          lf.map((b) => [b.kind, b.content, b.text]),
        );
        expect(blockProblems(source, blocks)).toEqual([]);
      }
    });
  }

  it('a soft break over CRLF cites both characters of the line ending', () => {
    const source = 'one\r\ntwo';
    const b = parseDocument(source, 'markdown').blocks[0]!;
    expect(b.text).toBe('one two');
    expect(source.slice(b.sourceStart[3]!, b.sourceEnd[3]!)).toBe('\r\n');
    expect(b.sourceStart[4]).toBe(5);
  });

  it('a code block over CRLF renders line feeds that cite CRLF', () => {
    const source = '```\r\na\r\nb\r\n```\r\n';
    const b = parseDocument(source, 'markdown').blocks[0]!;
    expect(b.text).toBe('a\nb');
    expect(source.slice(b.sourceStart[1]!, b.sourceEnd[1]!)).toBe('\r\n');
  });
});

/** Hundreds of random strings per property: seconds of CPU, more when the whole suite runs at once. */
const PROPERTY_TIMEOUT = 60_000;

describe('garbage input', { timeout: PROPERTY_TIMEOUT }, () => {
  const formats: DocumentFormat[] = ['markdown', 'html'];

  it('random strings of any code units never throw and keep the invariants', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom(...formats),
        (source, format) => {
          expect(blockProblems(source, parseDocument(source, format).blocks)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random strings of markup characters never throw and keep the invariants', () => {
    const markup = fc.constantFrom(
      ...'<>&#;[]()*_`\\!|-=~:/"\'\n\r\t aZ0^$'.split(''),
      '&amp;',
      '<p>',
      '</p>',
      '<a href=x>',
      '```',
      '> ',
      '- ',
      '1. ',
      '![',
      '](',
      '<!--',
      '-->',
      '<script>',
      '</',
      '&#x',
      '\r\n',
    );
    fc.assert(
      fc.property(
        fc.array(markup, { maxLength: 200 }).map((p) => p.join('')),
        fc.constantFrom(...formats),
        (source, format) => {
          expect(blockProblems(source, parseDocument(source, format).blocks)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random bytes decoded lossily as UTF-8 or Latin-1 never throw', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('utf-8', 'latin1'),
        fc.constantFrom(...formats),
        (bytes, encoding, format) => {
          const source = new TextDecoder(encoding).decode(bytes);
          expect(blockProblems(source, parseDocument(source, format).blocks)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('empty and whitespace-only documents have no blocks', () => {
    for (const format of formats) {
      expect(parseDocument('', format).blocks).toEqual([]);
      expect(parseDocument(' \n\t\r\n ', format).blocks).toEqual([]);
    }
  });
});
