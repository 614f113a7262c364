import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/core/classify/index.js';
import { sourceFromText } from '../../../src/core/corpus/index.js';
import {
  ARTICLES_PER_STORY,
  benchQuery,
  countWords,
  DEFAULT_SEED,
  generateArticle,
  generateCorpus,
  PUBLISHERS,
  STORY_TEMPLATES,
  writeCorpus,
} from '../../../tools/bench/generate-corpus.js';

// Smoke test of the benchmark's corpus generator: determinism and the promised structure. No timing.

describe('generateCorpus', () => {
  const corpus = generateCorpus({ count: 240 });

  it('is deterministic: same seed, same bytes; another seed, other text', () => {
    const again = generateCorpus({ count: 240 });
    expect(again.map((a) => [a.file, a.text])).toEqual(corpus.map((a) => [a.file, a.text]));
    const other = generateCorpus({ count: 240, seed: DEFAULT_SEED + 1 });
    expect(other.filter((a, i) => a.text === corpus[i]!.text)).toHaveLength(0);
  });

  it('is prefix-stable: article i does not depend on the corpus size', () => {
    const small = generateCorpus({ count: 30 });
    expect(small).toEqual(corpus.slice(0, 30));
    expect(generateArticle(DEFAULT_SEED, 123)).toEqual(corpus[123]);
  });

  it('gives unique, sorted-safe relative file ids with .txt and .md files in publisher folders', () => {
    const files = corpus.map((a) => a.file);
    expect(new Set(files).size).toBe(files.length);
    for (const f of files)
      expect(f).toMatch(/^[a-z-]+\/2024-\d\d-\d\d-[a-z0-9-]+-\d{5}\.(txt|md)$/u);
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);
    expect(files.some((f) => f.endsWith('.txt'))).toBe(true);
    expect(new Set(corpus.map((a) => a.publisher)).size).toBe(PUBLISHERS.length);
  });

  it('has news-length articles of varied length (~600 words on average)', () => {
    const words = corpus.map((a) => countWords(a.text));
    const mean = words.reduce((a, b) => a + b, 0) / words.length;
    expect(mean).toBeGreaterThan(520);
    expect(mean).toBeLessThan(680);
    expect(Math.min(...words)).toBeLessThan(450);
    expect(Math.max(...words)).toBeGreaterThan(800);
  });

  it('draws on several dozen distinct story templates', () => {
    expect(STORY_TEMPLATES.length).toBeGreaterThanOrEqual(36);
    expect(new Set(STORY_TEMPLATES.map((t) => t.key)).size).toBe(STORY_TEMPLATES.length);
    expect(new Set(corpus.map((a) => a.template)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(generateCorpus({ count: 2000 }).map((a) => a.template)).size).toBe(
      STORY_TEMPLATES.length,
    );
  });

  it('has headlines, section headings, bullets and line-ending / layout variety', () => {
    for (const a of corpus) {
      const lines = a.text.split(/\r?\n/u);
      expect(lines.some((l) => l === a.headline || l === `# ${a.headline}`)).toBe(true);
    }
    const md = corpus.filter((a) => a.file.endsWith('.md'));
    expect(md.every((a) => /^## \S/mu.test(a.text))).toBe(true);
    const bulleted = corpus.filter((a) => /^(?:[•*–-]|\d\.) \S/mu.test(a.text));
    expect(bulleted.length).toBeGreaterThan(corpus.length * 0.8);
    expect(corpus.some((a) => a.text.includes('\r\n'))).toBe(true);
    // Hard-wrapped publishers: paragraph lines broken at 72 columns.
    expect(
      corpus.some(
        (a) => a.text.split('\n').filter((l) => l.length > 60 && l.length <= 72).length > 10,
      ),
    ).toBe(true);
    expect(corpus.some((a) => a.roundup)).toBe(true);
  });

  it('repeats each publisher’s boilerplate blocks (crumbs, newsletter, appeal, footer) across its files', () => {
    for (const p of PUBLISHERS) {
      const mine = corpus.filter((a) => a.publisher === p.slug);
      expect(mine.length).toBeGreaterThan(5);
      for (const a of mine) {
        expect(a.text).toContain(p.crumb);
        for (const line of [...p.newsletter, ...p.appeal, p.footer]) expect(a.text).toContain(line);
      }
    }
    const newsletterLines = PUBLISHERS.flatMap((p) => p.newsletter);
    expect(newsletterLines.some((l) => /newsletter|sign up|subscribe/iu.test(l))).toBe(true);
    expect(
      PUBLISHERS.flatMap((p) => p.appeal).some((l) => /donat|support|contribution/iu.test(l)),
    ).toBe(true);
  });

  it('repeats a story’s facts across its articles as near-duplicates, not verbatim copies', () => {
    // Articles 0..ARTICLES_PER_STORY-1 share story 0; their leads state the same first fact.
    const story = corpus.filter((a) => a.story === 0 && !a.roundup);
    expect(story.length).toBeGreaterThanOrEqual(ARTICLES_PER_STORY - 2);
    const template = STORY_TEMPLATES.find((t) => t.key === story[0]!.template)!;
    const anchor = template.facts[0]!.split('{')[0]!.trim().slice(0, 25);
    expect(story.every((a) => a.text.replace(/\s+/gu, ' ').includes(anchor))).toBe(true);
    // Same facts, different wording somewhere: no two articles of the story are identical in body.
    const bodies = new Set(story.map((a) => a.text.replace(/\s+/gu, ' ')));
    expect(bodies.size).toBe(story.length);
  });

  it('is classified by the service as intended: boilerplate repeated, paragraphs content', () => {
    const files = corpus.slice(0, 120).map((a) => sourceFromText(a.file, a.text));
    const table = classifyLines(files);
    let appealContent = 0;
    let content = 0;
    for (const [i, f] of files.entries()) {
      const pub = PUBLISHERS.find((p) => p.slug === corpus[i]!.publisher)!;
      const appeal = new Set([...pub.newsletter, ...pub.appeal, pub.footer, pub.crumb]);
      for (const l of table.get(f.id)!) {
        if (appeal.has(l.text) && l.kind === 'content') appealContent++;
        if (l.kind === 'content') content++;
      }
    }
    expect(appealContent).toBe(0);
    expect(content).toBeGreaterThan(files.length * 10);
  });

  it('has a query that matches the first story at every size', () => {
    const q = benchQuery();
    const first = corpus[0]!;
    for (const w of q.split(' ').filter((x) => x.length > 3))
      expect(first.text.toLowerCase()).toContain(w.toLowerCase());
  });
});

describe('writeCorpus', () => {
  it('writes the same articles to disk, byte for byte', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'citesum-gen-'));
    try {
      const w = writeCorpus(dir, { count: 25 });
      expect(w.files).toBe(25);
      const expected = generateCorpus({ count: 25 });
      for (const a of expected)
        expect(readFileSync(path.join(dir, ...a.file.split('/')), 'utf8')).toBe(a.text);
      const listed = readdirSync(dir, { recursive: true }).filter((f) =>
        /\.(txt|md)$/u.test(String(f)),
      );
      expect(listed).toHaveLength(25);
      expect(w.bytes).toBe(expected.reduce((n, a) => n + Buffer.byteLength(a.text), 0));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
