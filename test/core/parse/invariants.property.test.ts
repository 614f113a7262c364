import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignmentStats } from '../../../src/core/parse/align.js';
import { parseDocument, sourceSpan } from '../../../src/core/parse/index.js';
import { htmlDocument, markdownDocument } from './helpers/arbitraries.js';
import { blockProblems } from './helpers/check-blocks.js';

const RUNS = 400;

/**
 * Hundreds of generated documents per property: seconds of CPU each, more when the whole suite
 * runs at once on two cores (vitest also loads micromark's development build, with its asserts).
 */
const PROPERTY_TIMEOUT = 60_000;

describe('exact-slice invariants (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  it('every generated Markdown document maps each rendered unit to its exact source', () => {
    fc.assert(
      fc.property(markdownDocument, (source) => {
        const { blocks } = parseDocument(source, 'markdown');
        expect(blockProblems(source, blocks)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('link targets, image URLs and alt texts never reach the rendered text of Markdown', () => {
    fc.assert(
      fc.property(markdownDocument, (source) => {
        for (const b of parseDocument(source, 'markdown').blocks) {
          if (b.kind === 'code' || b.kind === 'html') continue;
          expect(b.text).not.toMatch(/zzurl|zzimg|zzalt|zzattr/u);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every generated HTML page maps each rendered unit to its exact source', () => {
    fc.assert(
      fc.property(htmlDocument, (source) => {
        const { blocks } = parseDocument(source, 'html');
        expect(blockProblems(source, blocks)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('attributes, scripts, buttons and image alts never reach the rendered text of HTML', () => {
    fc.assert(
      fc.property(htmlDocument, (source) => {
        for (const b of parseDocument(source, 'html').blocks) {
          expect(b.text).not.toMatch(/zzurl|zzimg|zzalt|zzscript|zzwrap/u);
          if (b.content) expect(b.text).not.toContain('zzbutton');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('any rendered range cites a source slice that starts and ends on its own units', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          markdownDocument.map((s) => [s, 'markdown'] as const),
          htmlDocument.map((s) => [s, 'html'] as const),
        ),
        fc.nat(),
        fc.nat(),
        ([source, format], x, y) => {
          const blocks = parseDocument(source, format).blocks.filter((b) => b.text.length > 0);
          if (blocks.length === 0) return;
          const b = blocks[x % blocks.length]!;
          const i = x % b.text.length;
          const j = i + 1 + (y % (b.text.length - i));
          const slice = source.slice(b.sourceStart[i]!, b.sourceEnd[j - 1]!);
          // The slice holds every unit's own source, in order.
          let at = b.sourceStart[i]!;
          for (let k = i; k < j; k++) {
            expect(b.sourceStart[k]!).toBeGreaterThanOrEqual(
              at -
                (b.sourceEnd[k]! === b.sourceEnd[k - 1] ? b.sourceEnd[k]! - b.sourceStart[k]! : 0),
            );
            at = b.sourceEnd[k]!;
          }
          expect(slice.length).toBe(b.sourceEnd[j - 1]! - b.sourceStart[i]!);
          // The widened citation contains the raw one and stays inside the block.
          const wide = sourceSpan(b, i, j);
          expect(wide.start).toBeLessThanOrEqual(b.sourceStart[i]!);
          expect(wide.end).toBeGreaterThanOrEqual(b.sourceEnd[j - 1]!);
          expect(wide.start).toBeGreaterThanOrEqual(b.start);
          expect(wide.end).toBeLessThanOrEqual(b.end);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('no decoded unit is ever lost, and Markdown values align without resynchronising', () => {
    fc.assert(
      fc.property(markdownDocument, (source) => {
        const before = { ...alignmentStats };
        parseDocument(source, 'markdown');
        expect(alignmentStats).toEqual(before);
      }),
      { numRuns: RUNS },
    );
    // HTML may resynchronise (parse5 merges text after </body> into the last text node), never drop.
    fc.assert(
      fc.property(htmlDocument, (source) => {
        const before = alignmentStats.dropped;
        parseDocument(source, 'html');
        expect(alignmentStats.dropped).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('CRLF and CR versions of a generated document render exactly the LF text', () => {
    const lfDocument = fc
      .oneof(
        markdownDocument.map((s) => [s, 'markdown'] as const),
        htmlDocument.map((s) => [s, 'html'] as const),
      )
      .map(([s, f]) => [s.replace(/\r\n?/gu, '\n'), f] as const);
    fc.assert(
      fc.property(lfDocument, fc.constantFrom('\r\n', '\r'), ([source, format], eol) => {
        const render = (text: string) =>
          parseDocument(text, format).blocks.map((b) => `${b.kind}:${b.content}:${b.text}`);
        const other = source.replace(/\n/gu, eol);
        expect(render(other)).toEqual(render(source));
      }),
      { numRuns: RUNS },
    );
  });
});
