/**
 * Hostile files of the kind real folders hold (issue 24): generated Markdown with absurd nesting,
 * an exported page of 60,000 nested `<div>`, a short note, and megabyte-long single lines, one of
 * words that never end a sentence (a dump, a log) and one of ordinary sentences. Pure functions of
 * their arguments, generated in memory (never committed as big files) by the benchmark
 * (hostile-bench.ts) and the tests (test/core/hostile-files.test.ts).
 *
 * The words come from the synthetic news corpus (generate-corpus.ts): its prose lines, split into
 * sentences, so a long line reads like news run together rather than like one repeated phrase.
 */
import { hashParts, Rng } from './corpus/random.js';
import { storyOf } from './corpus/stories.js';
import { storyBody } from './corpus/story-body.js';

/** The sentence inside the 60,000 nested `<div>` of {@link deepHtml}. */
export const DEEP_HTML_SENTENCE = 'The council said the bridge reopened.';

/** The prose {@link nestedMarkdown} holds, one sentence under each hostile construct. */
export const NESTED_MARKDOWN_SENTENCES = [
  'The witness said the ferry left at noon.',
  'The listed report said the road closed on Monday.',
  'The closing note said the market opened again.',
] as const;

/**
 * `nested.md`, 60 KB: under a title, a paragraph under 20,000 nested `>` quote markers, one under
 * 5,000 nested `- ` list markers, and a line of 30,000 `*` (a thematic break), then a last plain
 * paragraph.
 */
export function nestedMarkdown(): string {
  const [quoted, listed, closing] = NESTED_MARKDOWN_SENTENCES;
  return [
    '# Generated notes',
    '',
    `${'>'.repeat(20_000)} ${quoted}`,
    '',
    `${'- '.repeat(5000)}${listed}`,
    '',
    '*'.repeat(30_000),
    '',
    closing,
    '',
  ].join('\n');
}

/** `deep.html`, 660 KB: {@link DEEP_HTML_SENTENCE} in a paragraph inside 60,000 nested `<div>`. */
export function deepHtml(): string {
  return `${'<div>'.repeat(60_000)}<p>${DEEP_HTML_SENTENCE}</p>${'</div>'.repeat(60_000)}\n`;
}

/** A two-line note (the ordinary file beside the hostile ones). */
export function twoLineNote(): string {
  return 'Ferry timetable\nThe harbour office said the evening ferry will run on Sundays from June.\n';
}

const SENTENCE_GAP = /(?<=[.!?][”"]?) +(?=[A-Z“"])/u;

/**
 * Distinct sentences of the synthetic news corpus's story bodies (seeded: the paragraphs of story
 * after story, no headings, bullets or publisher boilerplate), in order, until their text (joined
 * by spaces) reaches `chars` characters.
 */
export function newsSentences(chars: number, seed = 20_240_601): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  let length = 0;
  for (let k = 0; length < chars; k++) {
    const story = storyOf(seed, k);
    const rng = new Rng(hashParts(seed, 'hostile', k));
    const vals = { ...story.values, org: rng.pick(story.template.orgs) };
    for (const block of storyBody(seed, story, vals, rng, 600, true, 4).blocks) {
      if (block.kind !== 'para') continue;
      for (const s of block.text.split(SENTENCE_GAP)) {
        if (length >= chars || seen.has(s)) continue;
        seen.add(s);
        out.push(s);
        length += s.length + 1;
      }
    }
    if (k > 100_000)
      throw new Error(`the news corpus has fewer than ${chars} characters of sentences`);
  }
  return out;
}

/** A sentence with its sentence-ending punctuation removed (a dump's words, no sentence end). */
function withoutEnds(sentence: string): string {
  return sentence.replace(/[.!?]/gu, '');
}

/**
 * One line of words with no `.`, `!` or `?` anywhere (no sentence ends): the words of
 * {@link sentenceParagraphs}`(chars)`, about 1% shorter than `chars` without their full stops.
 */
export function runOnLine(chars: number): string {
  return `${newsSentences(chars).map(withoutEnds).join(' ')}\n`;
}

/** One line of about `chars` characters of ordinary sentences (the first ones of {@link newsSentences}). */
export function sentenceLine(chars: number): string {
  return `${newsSentences(chars).join(' ')}\n`;
}

/**
 * The words of {@link runOnLine}`(chars)` written as sentences in paragraphs of five, a blank line
 * apart: the reference a run-on line of the same words is timed against.
 */
export function sentenceParagraphs(chars: number): string {
  const sentences = newsSentences(chars);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 5)
    paragraphs.push(sentences.slice(i, i + 5).join(' '));
  return `${paragraphs.join('\n\n')}\n`;
}

/** The five files of issue 24 (the sizes it names), by file name. */
export function hostileFolder(): Record<string, string> {
  return {
    'nested.md': nestedMarkdown(),
    'deep.html': deepHtml(),
    'note.txt': twoLineNote(),
    'run-on.txt': runOnLine(8_200_000),
    'sentences.txt': sentenceLine(8_700_000),
  };
}
