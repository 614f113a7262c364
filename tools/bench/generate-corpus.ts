/**
 * Synthetic news corpus for the benchmark (`npm run bench`): realistic, reproducible, any size.
 *
 * Articles (~600 words, varied length) about story instances drawn from several dozen story
 * templates (so topics exist), each with a headline, a byline and dateline, a photo caption,
 * section headings, a key-facts bullet list, and the repeated template blocks of its publisher
 * (navigation crumbs, a newsletter box, a donation appeal, share and related-links widgets, a
 * copyright footer). The articles of one story repeat its facts with small variations (hedged
 * numbers, different attributions, different order): near-duplicate facts across files.
 * Publishers differ in layout: plain text, Markdown, hard-wrapped at 72 columns, CRLF endings.
 *
 * Everything is a pure function of `(seed, index)`: article `i` is the same whatever the corpus
 * size, so the 1,000-article corpus is a prefix of the 10,000-article one. Only
 * {@link writeCorpus} touches the disk.
 *
 * The parts live under ./corpus/: seeded randomness (random.ts), the word lists (vocabulary.ts),
 * publishers and their layouts (publishers.ts, layout.ts), story instances (stories.ts), sentence
 * frames (frames.ts), one story's body (story-body.ts) and one article (article.ts). This module
 * is the corpus: a prefix of articles in memory or on disk, and the names the rest of the
 * benchmark imports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTICLES_PER_STORY, type GeneratedArticle, generateArticle } from './corpus/article.js';
import { type Publisher, PUBLISHERS } from './corpus/publishers.js';
import { hashParts, Rng } from './corpus/random.js';
import { type Story, storyOf } from './corpus/stories.js';
import { countWords } from './corpus/text.js';
import { STORY_TEMPLATES, type StoryTemplate } from './story-templates.js';

export { STORY_TEMPLATES, type StoryTemplate };
export { ARTICLES_PER_STORY, type GeneratedArticle, generateArticle };
export { type Publisher, PUBLISHERS };
export { hashParts, Rng };
export { type Story, storyOf };
export { countWords };

/** Default seed of the benchmark corpora. */
export const DEFAULT_SEED = 20_240_601;

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  readonly count: number;
  readonly seed?: number;
}

/** The first `count` articles of the corpus of `seed` (pure, deterministic). */
export function generateCorpus({ count, seed = DEFAULT_SEED }: CorpusOptions): GeneratedArticle[] {
  return Array.from({ length: count }, (_, i) => generateArticle(seed, i));
}

/** A query that matches the story of article 0 at every corpus size (for query-summary timing). */
export function benchQuery(seed = DEFAULT_SEED): string {
  const t = storyOf(seed, 0).template;
  return `${t.event.replace(/^the /u, '')} ${t.measure.replace(/^the /u, '')}`;
}

/** What {@link writeCorpus} wrote. */
export interface WrittenCorpus {
  readonly dir: string;
  readonly files: number;
  readonly bytes: number;
  readonly words: number;
}

/** Writes the first `count` articles of `seed` under `dir` (created; existing files overwritten). */
export function writeCorpus(dir: string, options: CorpusOptions): WrittenCorpus {
  let bytes = 0;
  let words = 0;
  const made = new Set<string>();
  const seed = options.seed ?? DEFAULT_SEED;
  for (let i = 0; i < options.count; i++) {
    const a = generateArticle(seed, i);
    const full = path.join(dir, ...a.file.split('/'));
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    const buf = Buffer.from(a.text, 'utf8');
    writeFileSync(full, buf);
    bytes += buf.byteLength;
    words += countWords(a.text);
  }
  return { dir, files: options.count, bytes, words };
}
