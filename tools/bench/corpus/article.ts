/**
 * One article of the synthetic corpus, a pure function of `(seed, index)`: its publisher, story,
 * headline, byline, dateline, caption, body (one story, a story and "in other news", or a
 * round-up of three), the publisher's boilerplate, related links, and its file name.
 */
import { fill } from './frames.js';
import { type Block, render } from './layout.js';
import { PUBLISHERS } from './publishers.js';
import { hashParts, Rng } from './random.js';
import { storyOf } from './stories.js';
import { storyBody } from './story-body.js';
import { capitalize } from './text.js';
import { AGENCIES, FIRST, LAST, MONTHS } from './vocabulary.js';

/** Articles per story instance (the articles of one story share its facts). */
export const ARTICLES_PER_STORY = 6;

/** One generated article. */
export interface GeneratedArticle {
  /** Path relative to the corpus folder (`publisher/date-slug-index.txt|md`). */
  readonly file: string;
  readonly text: string;
  /** Index of the article in the corpus. */
  readonly index: number;
  /** Index of its story instance and the template key. */
  readonly story: number;
  readonly template: string;
  readonly publisher: string;
  readonly headline: string;
  /** True for a news round-up that covers several stories. */
  readonly roundup: boolean;
}

/** The slug of a headline in a file name: lower case, its first six words joined by `-`. */
function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .split('-')
    .slice(0, 6)
    .join('-');
}

/**
 * Article `index` of the corpus of `seed`: a pure function of both. One article in twelve is a
 * round-up of three stories; the others cover one story.
 */
export function generateArticle(seed: number, index: number): GeneratedArticle {
  const rng = new Rng(hashParts(seed, 'article', index));
  const storyIndex = Math.floor(index / ARTICLES_PER_STORY);
  const story = storyOf(seed, storyIndex);
  const pub = PUBLISHERS[hashParts(seed, 'publisher', index) % PUBLISHERS.length]!;
  const vals: Record<string, string> = { ...story.values, org: rng.pick(story.template.orgs) };
  const roundup = rng.chance(1 / 12);
  // ~600 words in all, varied: boilerplate and furniture take ~110 of them.
  const totalWords = Math.round(Math.min(1150, Math.max(260, rng.normal(590, 170))));
  const headline = roundup
    ? `News round-up: ${vals.place}, ${storyOf(seed, storyIndex + 1).values.place} and more`
    : fill(rng.pick(story.template.headlines), vals, rng);
  const month = 1 + (hashParts(seed, 'month', storyIndex) % 12);
  const dayOfMonth = 1 + (hashParts(seed, 'dom', index) % 28);
  const date = `2024-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  const reporter = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;

  const blocks: Block[] = [];
  blocks.push({ kind: 'lines', lines: [pub.crumb] });
  blocks.push({ kind: 'heading', level: 1, text: headline });
  blocks.push({
    kind: 'lines',
    lines: [`By ${reporter}`, `${MONTHS[month - 1]} ${dayOfMonth}, 2024`],
  });
  blocks.push({
    kind: 'lines',
    lines: [
      `${capitalize(story.template.group)} in ${vals.place} on ${vals.day}. Photo: ${rng.pick(FIRST)} ${rng.pick(LAST)} / ${rng.pick(AGENCIES)}`,
    ],
  });
  const contentWords = totalWords - 110;
  let body: Block[];
  if (roundup) {
    body = [];
    for (const k of [storyIndex, storyIndex + 1, storyIndex + 2]) {
      const s = storyOf(seed, k);
      const sv = { ...s.values, org: rng.pick(s.template.orgs) };
      body.push({ kind: 'heading', level: 2, text: fill(rng.pick(s.template.headlines), sv, rng) });
      body.push(
        ...storyBody(seed, s, sv, rng, Math.round(contentWords / 3), false, 1).blocks.filter(
          (b) => b.kind !== 'heading' && b.kind !== 'bullets',
        ),
      );
    }
  } else {
    const main = storyBody(seed, story, vals, rng, contentWords, true, 4);
    body = main.blocks;
    // A long page that the story does not fill carries a second, unrelated story ("In other news").
    if (main.words < contentWords - 60) {
      const other = storyOf(seed, storyIndex + 3);
      const ov: Record<string, string> = { ...other.values, org: rng.pick(other.template.orgs) };
      body.push({
        kind: 'heading',
        level: 2,
        text: rng.pick(['In other news', `Elsewhere in ${ov.region}`, 'Also today']),
      });
      body.push(
        ...storyBody(seed, other, ov, rng, contentWords - main.words, false, 1).blocks.filter(
          (b) => b.kind !== 'heading' && b.kind !== 'bullets',
        ),
      );
    }
  }
  // The newsletter box interrupts the body after the first third; the appeal comes near the end.
  const cut = Math.max(2, Math.floor(body.length / 3));
  blocks.push(...body.slice(0, cut));
  blocks.push({ kind: 'lines', lines: pub.newsletter });
  blocks.push(...body.slice(cut));
  blocks.push({ kind: 'lines', lines: pub.appeal });
  blocks.push({ kind: 'lines', lines: pub.share });
  const related = [1, 2, 3].map((d) => {
    const s = storyOf(seed, storyIndex + 7 * d);
    return fill(s.template.headlines[0]!, s.values, rng);
  });
  blocks.push({ kind: 'lines', lines: ['Related:', ...related] });
  blocks.push({ kind: 'lines', lines: [pub.footer] });

  const text = render(blocks, pub);
  const ext = pub.style === 'markdown' ? 'md' : 'txt';
  const file = `${pub.slug}/${date}-${slugOf(headline)}-${String(index).padStart(5, '0')}.${ext}`;
  return {
    file,
    text,
    index,
    story: storyIndex,
    template: story.template.key,
    publisher: pub.slug,
    headline,
    roundup,
  };
}
