import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/core/classify/index.js';
import { createLineIndex, lineExtents, lineSpanOf } from '../../../src/core/corpus/index.js';
import { segmentCorpus } from '../../../src/core/segment/index.js';
import { decodeFile, isDecodeFailure, type SourceFile } from '../../../src/core/corpus/index.js';

/** The text of every line and the break that ends it, as [line, break] pairs. */
function cut(text: string): [string, string][] {
  return lineExtents(text).map((e) => [text.slice(e.start, e.end), text.slice(e.end, e.next)]);
}

describe('lineExtents', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r alike', () => {
    expect(cut('a\nb\r\nc\rd')).toEqual([
      ['a', '\n'],
      ['b', '\r\n'],
      ['c', '\r'],
      ['d', ''],
    ]);
  });

  it('counts a last line without a final newline as a line', () => {
    expect(cut('one\ntwo')).toEqual([
      ['one', '\n'],
      ['two', ''],
    ]);
  });

  it('does not open an empty line after a final line break', () => {
    expect(lineExtents('a\n')).toHaveLength(1);
    expect(lineExtents('a\r\n')).toHaveLength(1);
    expect(lineExtents('a\r')).toHaveLength(1);
  });

  it('gives an empty text no lines', () => {
    expect(lineExtents('')).toEqual([]);
  });

  it('keeps blank lines between breaks, including a run of mixed breaks', () => {
    expect(cut('a\n\r\n\rb')).toEqual([
      ['a', '\n'],
      ['', '\r\n'],
      ['', '\r'],
      ['b', ''],
    ]);
    expect(cut('\n')).toEqual([['', '\n']]);
    expect(cut('a\n\n')).toEqual([
      ['a', '\n'],
      ['', '\n'],
    ]);
  });

  it('reads \\n\\r as two breaks and \\r\\n as one', () => {
    expect(lineExtents('a\n\rb')).toHaveLength(3);
    expect(lineExtents('a\r\nb')).toHaveLength(2);
  });

  it('counts offsets in UTF-16 code units, so an astral character takes two', () => {
    const text = '😀a\n𝒜b';
    expect(lineExtents(text)).toEqual([
      { start: 0, end: 3, next: 4 },
      { start: 4, end: 7, next: 7 },
    ]);
  });
});

describe('createLineIndex', () => {
  const text = 'first\r\nsecond\rthird\n\nfifth';
  const index = createLineIndex(text);

  it('maps the first and last offset of every line to that line', () => {
    index.lines.forEach((e, i) => {
      expect(index.lineAt(e.start)).toBe(i + 1);
      if (e.end > e.start) expect(index.lineAt(e.end - 1)).toBe(i + 1);
    });
  });

  it('puts an offset on a line break (both halves of \\r\\n) on the line the break ends', () => {
    expect(index.lineAt(5)).toBe(1); // \r
    expect(index.lineAt(6)).toBe(1); // \n of \r\n
    expect(index.lineAt(13)).toBe(2); // lone \r
  });

  it('puts the offset at the very end of the text on the last line', () => {
    expect(index.lineAt(text.length)).toBe(5);
  });

  it('returns the line text without its break, and nothing for lines out of range', () => {
    expect(index.lineText(1)).toBe('first');
    expect(index.lineText(3)).toBe('third');
    expect(index.lineText(4)).toBe('');
    expect(index.lineText(0)).toBe('');
    expect(index.lineText(6)).toBe('');
    expect(index.extent(0)).toBeUndefined();
    expect(index.extent(6)).toBeUndefined();
    expect(index.extent(5)).toEqual({ start: 21, end: 26, next: 26 });
  });
});

describe('lineSpanOf', () => {
  const index = createLineIndex('ab\ncd\r\nef');

  it('spans one line when start and end are on it', () => {
    expect(lineSpanOf(index, 0, 2)).toEqual({ start: 1, end: 1 });
  });

  it('does not count the line after a span that ends exactly at a line break', () => {
    expect(lineSpanOf(index, 3, 5)).toEqual({ start: 2, end: 2 });
    // end is exclusive: a span ending where line 3 starts still ends on line 2
    expect(lineSpanOf(index, 3, 7)).toEqual({ start: 2, end: 2 });
  });

  it('spans every line from the one of start to the one of end - 1', () => {
    expect(lineSpanOf(index, 1, 9)).toEqual({ start: 1, end: 3 });
    expect(lineSpanOf(index, 0, 4)).toEqual({ start: 1, end: 2 });
  });

  it('puts an empty span on the line of its start', () => {
    expect(lineSpanOf(index, 4, 4)).toEqual({ start: 2, end: 2 });
    expect(lineSpanOf(index, 9, 9)).toEqual({ start: 3, end: 3 });
  });
});

// ---------------------------------------------------------------------------
// Property: for random texts, every sentence the real pipeline emits slices back exactly.
// ---------------------------------------------------------------------------

const wordArb = fc.constantFrom(
  'the',
  'Minister',
  'said',
  'WhatsApp',
  'calls',
  'were',
  'restricted',
  'in',
  'Moscow',
  'on',
  'Monday',
  '2024',
  '14.5',
  'million',
  'users',
  '“quoted”',
  'e.g.',
  'U.S.',
  'Dr.',
  'café',
  'naïve',
  'Zürich',
  '😀',
  '🇷🇺',
  '👩🏽‍💻',
  '𝒜𝓁𝓅𝒽𝒶',
  '𠜎𠜱',
  '日本語',
  'emoji😀inside',
  '—',
  '(note)',
  "don't",
  'it’s',
);
const sentenceArb = fc
  .tuple(
    fc.array(wordArb, { minLength: 1, maxLength: 12 }),
    fc.constantFrom('.', '!', '?', '…', '', '."', '.”'),
  )
  .map(([ws, end]) => {
    const s = ws.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + end;
  });
const paragraphArb = fc
  .array(sentenceArb, { minLength: 1, maxLength: 4 })
  .map((ss) => ss.join(' '));
const lineArb = fc.oneof(
  { weight: 5, arbitrary: paragraphArb },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('• ', '  • ', '- ', '* ', '1. ', '12) '), sentenceArb)
      .map(([m, s]) => m + s),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(wordArb, { minLength: 1, maxLength: 5 })
      .map((ws) => ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('# ', '## ', '### '),
        fc.array(wordArb, { minLength: 1, maxLength: 5 }),
      )
      .map(([h, ws]) => h + ws.join(' ')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('  ', '\t', ' '), paragraphArb, fc.constantFrom('', ' ', '\t'))
      .map(([a, p, b]) => a + p + b),
  },
);
const breakArb = fc.constantFrom('\n', '\r\n', '\r');
const textArb = fc
  .tuple(
    fc.array(fc.tuple(lineArb, breakArb, fc.nat({ max: 3 }), breakArb), {
      minLength: 1,
      maxLength: 14,
    }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([parts, leadingBlank, finalBreak]) => {
    let text = leadingBlank ? '\n' : '';
    parts.forEach(([line, br, blanks, blankBr], i) => {
      text += line;
      if (i < parts.length - 1 || finalBreak) text += br + blankBr.repeat(blanks);
    });
    return text;
  });

function decode(id: string, text: string): SourceFile {
  const decoded = decodeFile(id, new TextEncoder().encode(text));
  if (isDecodeFailure(decoded)) throw new Error(decoded.reason);
  return decoded;
}

describe('spans of the real pipeline (property)', () => {
  it('slice every sentence back exactly, agree with its lines, and rebuild the text from line extents', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 3 }), (texts) => {
        const files = texts.map((t, i) => decode(`f${i}.txt`, t));
        const table = classifyLines(files);
        const sentences = segmentCorpus(files, table);
        for (const f of files) {
          const ext = f.lineIndex.lines;
          expect(ext.map((e) => f.text.slice(e.start, e.next)).join('')).toBe(f.text);
          for (const e of ext) {
            expect(f.text.slice(e.start, e.end)).not.toMatch(/[\r\n]/u);
            expect(['\n', '\r\n', '\r', '']).toContain(f.text.slice(e.end, e.next));
          }
        }
        for (const s of sentences) {
          const f = files[s.fileIndex]!;
          expect(f.id).toBe(s.file);
          expect(s.offsets.start).toBeGreaterThanOrEqual(0);
          expect(s.offsets.end).toBeGreaterThan(s.offsets.start);
          expect(s.offsets.end).toBeLessThanOrEqual(f.text.length);
          expect(f.text.slice(s.offsets.start, s.offsets.end)).toBe(s.text);
          expect(lineSpanOf(f.lineIndex, s.offsets.start, s.offsets.end)).toEqual(s.lines);
          expect(s.lines.start).toBeGreaterThanOrEqual(1);
          expect(s.lines.end).toBeGreaterThanOrEqual(s.lines.start);
          expect(s.lines.end).toBeLessThanOrEqual(f.lineIndex.lines.length);
          expect(s.text).not.toMatch(/^\s|\s$/u);
          expect(s.text).not.toMatch(/^(?:[•*]|-\s|\d{1,3}[.)]\s|#)/u);
          // a sentence never straddles a lone surrogate half
          expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/u);
          const lines = table.get(s.file)!;
          for (let n = s.lines.start; n <= s.lines.end; n++)
            expect(['content', 'blank']).toContain(lines[n - 1]!.kind);
          expect(lines[s.lines.start - 1]!.kind).toBe('content');
          expect(lines[s.lines.end - 1]!.kind).toBe('content');
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  }, 120_000);
});
