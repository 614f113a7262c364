import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { modelFromTexts } from '../../../src/core/index.js';
import { parseDocument } from '../../../src/core/parse/index.js';
import { guardMarkdown } from '../../../src/core/parse/markdown-guard.js';
import { blockProblems } from './helpers/check-blocks.js';

/**
 * Random nesting and long lines, Markdown and HTML (issue 24): whatever the mix, the whole build
 * (parse, classify, segment, index, stories) returns, logs nothing, keeps every parse invariant,
 * and cites every sentence exactly. Pieces repeat up to thousands of times (nesting far past the
 * limits, delimiter runs past the parser's budget) and lines run past one analysis window.
 */

const RUNS = 25;
const TIMEOUT = 240_000;

const repeated = (units: readonly string[], max: number) =>
  fc
    .tuple(fc.constantFrom(...units), fc.integer({ min: 1, max }))
    .map(([unit, n]) => unit.repeat(n));

const prose = fc.constantFrom(
  'The council said the bridge reopened.',
  'Rescue teams reached the valley on Monday',
  'snake_case_name and 2*3*4 stay',
  'words',
);

/** A line of words with no sentence end, past one analysis window at its longest. */
const longLine = fc.integer({ min: 1, max: 25_000 }).map((n) => 'word and '.repeat(n));

const markdown = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: prose },
      { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', ' ') },
      {
        weight: 2,
        arbitrary: repeated(['>', '> ', '- ', '* ', '+ ', '1. ', '1) ', '  ', '\t', '> - '], 3000),
      },
      {
        weight: 2,
        arbitrary: repeated(
          [
            '*',
            '_',
            '**',
            '~~',
            '[',
            ']',
            '](u)',
            '![',
            '`',
            '*a ',
            '_a ',
            'a] ',
            '[a][b] ',
            '<b>',
          ],
          2000,
        ),
      },
      { weight: 1, arbitrary: repeated(['b\n', '| a ', '#', '```\n', '&amp;', '\\*'], 2000) },
      { weight: 1, arbitrary: longLine },
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

const html = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: prose },
      {
        weight: 2,
        arbitrary: repeated(
          [
            '<div>',
            '</div>',
            '<b>',
            '<i>',
            '<a>',
            '<ul><li>',
            '<table><tr><td>',
            '<p>',
            '<span>',
            '<svg><g>',
            '<template>',
          ],
          5000,
        ),
      },
      {
        weight: 1,
        arbitrary: repeated(['<script>', '</script>', '<!--', '-->', '&amp;', '<br>', '\n'], 500),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom('<article>', '</article>', '<nav>', '</nav>', '<p>', '</p>'),
      },
      { weight: 1, arbitrary: longLine },
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

describe('hostile nesting and long lines (property)', { timeout: TIMEOUT }, () => {
  it('guards Markdown without moving an offset: only flattened characters differ', () => {
    fc.assert(
      fc.property(markdown, (source) => {
        const { text, flattened } = guardMarkdown(source);
        expect(text).toHaveLength(source.length);
        if (!flattened) expect(text).toBe(source);
        else
          for (let k = 0; k < source.length; k++)
            if (
              (flattened[k] === 0) !== (text[k] === source[k]) ||
              (flattened[k] !== 0 && text[k] !== '\uE000')
            )
              expect.fail(
                `offset ${k}: flag ${flattened[k]}, ${JSON.stringify(text[k])} for ${JSON.stringify(source[k])}`,
              );
      }),
      { numRuns: 200 },
    );
  });

  it('never throws out of the build, logs nothing, and cites every sentence exactly', () => {
    fc.assert(
      fc.property(markdown, html, (md, page) => {
        for (const [text, format] of [
          [md, 'markdown'],
          [page, 'html'],
        ] as const)
          expect(blockProblems(text, parseDocument(text, format).blocks)).toEqual([]);
        const warn = vi.spyOn(console, 'warn');
        const model = modelFromTexts([
          { file: 'a.md', text: md },
          { file: 'b.html', text: page },
        ]);
        expect(warn).not.toHaveBeenCalled();
        warn.mockRestore();
        for (const s of model.sentences)
          expect(model.byId.get(s.file)!.text.slice(s.offsets.start, s.offsets.end)).toBe(s.quote);
      }),
      { numRuns: RUNS },
    );
  });
});
