import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/index.js';
import { parseGuardedMarkdown } from '../../../src/core/parse/markdown.js';
import {
  Flattened,
  guardMarkdown,
  markdownWorkBudget,
} from '../../../src/core/parse/markdown-guard.js';
import {
  MAX_INLINE_DELIMITERS,
  MAX_MARKDOWN_NESTING,
  MAX_MARKDOWN_PREFIX_COLUMNS,
} from '../../../src/core/limits.js';
import { NESTED_MARKDOWN_SENTENCES, nestedMarkdown } from '../../../tools/bench/hostile-files.js';
import { blockProblems } from './helpers/check-blocks.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The content blocks of a Markdown source, with the source slice each one's text cites. */
function prose(source: string) {
  const doc = parseDocument(source, 'markdown');
  expect(blockProblems(source, doc.blocks)).toEqual([]);
  return doc.blocks
    .filter((b) => b.content)
    .map((b) => ({
      kind: b.kind,
      text: b.text,
      cited: source.slice(b.sourceStart[0], b.sourceEnd[b.text.length - 1]),
    }));
}

/** Every Markdown file of the repository and of the installed packages (real documents). */
function realMarkdown(): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory() && depth < 3 && e.name !== '.git') walk(path, depth + 1);
      else if (e.isFile() && /\.(?:md|markdown)$/iu.test(e.name)) out.push(path);
    }
  };
  walk(`${ROOT}node_modules`, 0);
  walk(`${ROOT}test/fixtures`, 0);
  out.push(`${ROOT}README.md`);
  return out;
}

describe(
  'guardMarkdown: nesting past the limits is flattened, offsets unchanged',
  { timeout: 60_000 },
  () => {
    it('reads a paragraph under 20,000 `>` as the paragraph of 100 nested quotes, citing its exact text', () => {
      const sentence = 'The witness said the ferry left at noon.';
      const source = `${'>'.repeat(20_000)} ${sentence}\n`;
      const guard = guardMarkdown(source);
      expect(guard.text).toHaveLength(source.length);
      expect(guard.flattened?.[MAX_MARKDOWN_NESTING - 1]).toBe(0);
      expect(guard.flattened?.[MAX_MARKDOWN_NESTING]).toBe(Flattened.markup);
      expect(prose(source)).toEqual([{ kind: 'blockquote', text: sentence, cited: sentence }]);
    });

    it('reads a paragraph under 5,000 nested list markers as a list item, markers left out of its text', () => {
      const sentence = 'The listed report said the road closed.';
      const source = `${'- '.repeat(5000)}${sentence}\n`;
      expect(prose(source)).toEqual([{ kind: 'list-item', text: sentence, cited: sentence }]);
    });

    it('flattens mixed and ordered markers and prefixes wider than the column limit, keeping the text', () => {
      expect(prose(`${'> 1. - '.repeat(3000)}Mixed markers end here.`)[0]?.text).toBe(
        'Mixed markers end here.',
      );
      const deep = Array.from({ length: 400 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join(
        '\n',
      );
      const guard = guardMarkdown(deep);
      expect(guard.flattened).toBeDefined();
      const line = deep.split('\n')[300]!;
      expect(line.indexOf('-')).toBeGreaterThan(MAX_MARKDOWN_PREFIX_COLUMNS);
      const texts = prose(deep).map((p) => p.text);
      for (let i = 0; i < 400; i++) expect(texts.join(' ')).toContain(`level ${i}`);
    });

    it('leaves a line of 30,000 `*` and a line of 5,000 `- ` alone: each is one thematic break', () => {
      for (const line of ['*'.repeat(30_000), '- '.repeat(5000)]) {
        expect(guardMarkdown(`${line}\n`).flattened).toBeUndefined();
        expect(parseDocument(`${line}\n`, 'markdown').blocks.map((b) => b.kind)).toEqual([
          'thematic-break',
        ]);
      }
    });

    it('reads emphasis nested past 100 levels as literal characters, losing no word', () => {
      const source = `${'**a '.repeat(150)}x${' b**'.repeat(150)}`;
      const guard = guardMarkdown(source);
      const flat = [...guard.flattened!].filter((f) => f === Flattened.literal).length;
      expect(flat).toBe(2 * (150 - MAX_MARKDOWN_NESTING));
      const [block] = prose(source);
      expect(block!.text.replace(/[*\s]+/gu, ' ').trim()).toBe(
        source.replace(/[*\s]+/gu, ' ').trim(),
      );
      expect(block!.text).toContain('**'); // the flattened runs, as literal characters
    });

    it('reads brackets nested past 100 levels, and unpaired ones, as the literals they are', () => {
      // Only the innermost real bracket makes a link (links do not nest); the rest is text.
      const nested = `${'[a '.repeat(300)}x${'](u)'.repeat(300)}`;
      const link = 99 * 3; // where the 100th `[` stands
      expect(prose(nested)[0]!.text).toBe(
        nested.slice(0, link) + nested.slice(link + 1, 901) + nested.slice(905),
      );
      for (const stray of ['a] b '.repeat(1500), `${'[b '.repeat(1500)}end`]) {
        const flat = [...guardMarkdown(stray).flattened!].filter((f) => f === Flattened.literal);
        expect(flat).toHaveLength(1500);
        expect(prose(stray)[0]!.text).toBe(stray.trim());
      }
    });

    it('reads delimiter runs past 1,000 in a paragraph as literal characters', () => {
      const source = '*a* '.repeat(MAX_INLINE_DELIMITERS);
      const guard = guardMarkdown(source);
      const flat = [...guard.flattened!].filter((f) => f === Flattened.literal).length;
      expect(flat).toBe(MAX_INLINE_DELIMITERS);
      expect(prose(source)[0]!.text).toBe(
        `${'a '.repeat(MAX_INLINE_DELIMITERS / 2)}${'*a* '.repeat(MAX_INLINE_DELIMITERS / 2)}`.trim(),
      );
    });

    it('reads backtick runs and raw HTML that open nothing as the literals they are', () => {
      // micromark scans the rest of the paragraph from each one: quadratic in their number.
      for (const source of [
        '\\``a '.repeat(1500),
        'a <!-- '.repeat(1500),
        'a <? b '.repeat(1500),
      ]) {
        const guard = guardMarkdown(source);
        expect(guard.flattened).toBeDefined();
        expect(parseGuardedMarkdown(source, guard)).toEqual(
          parseGuardedMarkdown(source, { text: source, work: 0 }),
        );
      }
    });

    it('pairs code spans, brackets and tags as the parser does: no real link or code span is flattened', () => {
      const sources = [
        'See [Character escape of `]` does not work](https://example.org) for details.',
        '- a `stray backtick\n- `[:xdigit:]` - digits, equivalent to `[A-Fa-f0-9]`.',
        'A [link <span title="]">with a tag</span>](u) and `code` here.',
        '# Heading with `one\n\nParagraph with `two` spans [and](u) `three`.',
      ];
      for (const source of sources)
        expect(parseGuardedMarkdown(source, guardMarkdown(source))).toEqual(
          parseGuardedMarkdown(source, { text: source, work: 0 }),
        );
    });

    it('keeps a flattened character verbatim inside code', () => {
      const code = `\`\`\`\n${'>'.repeat(300)} quoted\n\`\`\`\n`;
      const doc = parseDocument(code, 'markdown');
      expect(doc.blocks[0]!.kind).toBe('code');
      expect(doc.blocks[0]!.text).toBe(`${'>'.repeat(300)} quoted`);
    });

    it('changes nothing a reader sees in real documents, which stay far under the work budget', () => {
      const files = realMarkdown();
      expect(files.length).toBeGreaterThan(100);
      let flattened = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const guard = guardMarkdown(text);
        expect(guard.work, file).toBeLessThan(markdownWorkBudget(text.length) / 10);
        if (!guard.flattened) continue;
        // Only unpaired brackets, which the parser reads as literals anyway: the same blocks.
        flattened++;
        expect(parseGuardedMarkdown(text, guard), file).toEqual(
          parseGuardedMarkdown(text, { text, work: 0 }),
        );
      }
      expect(flattened).toBeGreaterThan(0);
    });

    it('reads nested.md (60 KB) structurally, every sentence with its exact source', () => {
      const source = nestedMarkdown();
      expect(source.length).toBeGreaterThan(60_000);
      const doc = parseDocument(source, 'markdown');
      expect(doc.fallback).toBeUndefined();
      expect(prose(source).map((p) => p.cited)).toEqual([...NESTED_MARKDOWN_SENTENCES]);
    });
  },
);

describe('the Markdown work budget', () => {
  it('reads a file whose estimated parser work passes the budget as stripped text, with the reason', () => {
    // micromark walks back over the whole paragraph for each lazy continuation line.
    const source = `- The list item opens here\n${'and its paragraph runs on\n'.repeat(5000)}`;
    const guard = guardMarkdown(source);
    expect(guard.work).toBeGreaterThan(markdownWorkBudget(source.length));
    const doc = parseDocument(source, 'markdown');
    expect(doc.fallback).toMatch(
      /^its markup would take the Markdown parser .* steps, over its budget of .*; read as text with its markup stripped$/u,
    );
    expect(blockProblems(source, doc.blocks)).toEqual([]);
    const text = doc.blocks.map((b) => b.text).join(' ');
    expect(text.startsWith('The list item opens here and its paragraph runs on')).toBe(true);
    expect(text.match(/runs on/gu)).toHaveLength(5000);
  });

  it('is a function of the text alone: the same text always gets the same reading', () => {
    const source = `- a\n${'b\n'.repeat(4000)}`;
    expect(parseDocument(source, 'markdown')).toEqual(parseDocument(source, 'markdown'));
  });
});
