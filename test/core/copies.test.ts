import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CorpusModel, modelFromTexts, summarize } from '../../src/core/index.js';

/**
 * Copies through the whole pipeline: a page saved twice and a wire story another outlet reprinted
 * are one story told once (content in the original, duplicates elsewhere), cited with their copies
 * as further citations; a template sentence many unrelated files share is never support.
 */

const seed = (name: string) => readFileSync(`data/${name}`, 'utf8');
const S2 = seed('002_90d0f9c44a687009.txt');
const S3 = seed('003_2772de2c2eaa7074.txt');
const S4 = seed('004_91fa703387e835df.txt');

describe('a folder with a page saved twice', () => {
  let model: CorpusModel;
  beforeAll(() => {
    model = modelFromTexts([
      { file: 'news/whatsapp.txt', text: S4 },
      { file: 'news/whatsapp (1).txt', text: S4 },
      { file: 'news/calls.txt', text: S3 },
      { file: 'news/crackdown.txt', text: S2 },
    ]);
  });

  it('keeps the shorter name as the original and makes every line of text of the copy a duplicate pointing to the same line there', () => {
    const copy = model.lines.get('news/whatsapp (1).txt')!;
    for (const l of copy) {
      if (l.kind === 'blank') continue;
      expect({ n: l.number, kind: l.kind, original: l.original }).toEqual({
        n: l.number,
        kind: 'duplicate',
        original: { file: 'news/whatsapp.txt', line: l.number },
      });
    }
    expect(model.lines.get('news/whatsapp.txt')!.filter((l) => l.kind === 'content')).toHaveLength(
      14,
    );
  });

  it('reports the copy as wholly a copy of its original, and the original as copied, with no silent loss', () => {
    const copy = model.documentsById.get('news/whatsapp (1).txt')!;
    expect(copy).toMatchObject({ copyOf: 'news/whatsapp.txt', sentenceCount: 0 });
    expect(copy.lines.duplicate).toBe(14);
    expect(copy.noContent).toBeUndefined();
    expect(model.documentsById.get('news/whatsapp.txt')!.copies).toEqual(['news/whatsapp (1).txt']);
    expect(model.sentences.some((s) => s.file === 'news/whatsapp (1).txt')).toBe(false);
  });

  it("lists the copy in its original's story", () => {
    const story = model.stories.find((s) => s.files.includes('news/whatsapp.txt'))!;
    expect(story.files).toContain('news/whatsapp (1).txt');
    expect(story.topic.files).toContain('news/whatsapp (1).txt');
    expect(story.topic.fileCount).toBe(story.files.length);
  });

  it('cites the original first and the copy next, at the same span of the same text, and counts it in support', () => {
    const summary = summarize(model, { maxSentences: 10, maxWords: 400 })!;
    const fromOriginal = summary.sentences.filter(
      (s) => s.citations[0]!.file === 'news/whatsapp.txt',
    );
    expect(fromOriginal.length).toBeGreaterThan(0);
    for (const s of fromOriginal) {
      const [first, second] = s.citations;
      expect(second).toMatchObject({
        file: 'news/whatsapp (1).txt',
        lines: first!.lines,
        offsets: first!.offsets,
        quote: first!.quote,
      });
      expect(s.support).toBe(new Set(s.citations.map((c) => c.file)).size);
      expect(s.support).toBeGreaterThanOrEqual(2);
    }
    for (const s of summary.sentences)
      expect(s.citations.filter((c) => c.file === 'news/whatsapp (1).txt').length).toBeLessThan(2);
  });
});

describe('a template sentence in many unrelated files', () => {
  const TEMPLATE =
    'Projects maintained by the harbour collective are compatible with maintained versions of the toolkit.';
  const topics = [
    'The parser reads a document and returns a syntax tree with positional information on every node.',
    'The formatter prints a syntax tree back to text and keeps the comments where they were written.',
    'The linter checks a syntax tree against a set of rules and reports every problem with its position.',
    'The bundler joins many modules into one file and removes the code that nothing imports.',
    'The test runner finds every test file, runs the tests in parallel and prints a short report.',
    'The watcher notices when a file changes on disk and runs the task that depends on that file.',
  ];
  const docs = topics.map((t, i) => ({
    file: `pkg-${i}/readme.txt`,
    text: `Package ${i}\n\n${t}\n\nVersion ${i}.0 of package ${i} was released this spring with ${i + 3} new options and a faster start.\n\n${TEMPLATE}\n`,
  }));

  it('is boilerplate (template) in every file and never a summary sentence, let alone one with many citations', () => {
    const model = modelFromTexts(docs);
    for (const d of docs) {
      const line = model.lines.get(d.file)!.find((l) => l.text === TEMPLATE)!;
      expect({ file: d.file, kind: line.kind, reason: line.reason }).toEqual({
        file: d.file,
        kind: 'boilerplate',
        reason: 'template',
      });
    }
    const summary = summarize(model, { maxSentences: 20, maxWords: 1000 })!;
    expect(summary.sentences.map((s) => s.text)).not.toContain(TEMPLATE);
  });
});
