/**
 * The body of one story inside an article: its lead, facts, context, quotes and generic
 * sentences to a target length, a background sentence about an earlier story of the same kind,
 * section headings and the key-facts bullets.
 */
import { fill, renderFact, renderQuote } from './frames.js';
import type { Block } from './layout.js';
import { hashParts, type Rng } from './random.js';
import { earlierStory, type Story } from './stories.js';
import { capitalize, countWords } from './text.js';
import { ANCHORS, BACKGROUND_OPENERS, GENERIC, GENERIC_SECTIONS } from './vocabulary.js';

/**
 * A frame that names nothing of its story instance ("Volunteers rescued hundreds of seabirds.")
 * gets an instance-specific anchor (place, day, a named source), chosen once per story: the
 * articles of one story repeat it word for word, other stories of the same kind do not.
 */
function anchored(seed: number, story: Story, kind: string, i: number, frame: string): string {
  if (frame.includes('{')) return frame;
  const anchor = ANCHORS[hashParts(seed, 'anchor', kind, story.index, i) % ANCHORS.length]!;
  return frame.endsWith('.') ? `${frame.slice(0, -1)}${anchor}.` : frame;
}

/** The content of one story inside an article: paragraphs under sections, quotes, bullets. */
export function storyBody(
  seed: number,
  story: Story,
  vals: Record<string, string>,
  rng: Rng,
  targetWords: number,
  withLead: boolean,
  maxGeneric: number,
): { blocks: Block[]; words: number } {
  const t = story.template;
  const facts = t.facts.map((f, i) =>
    renderFact(anchored(seed, story, 'fact', i, f), story, vals, rng),
  );
  // The lead always states the story's first fact; the rest are a shuffled subset.
  const rest = rng.shuffle(facts.slice(1)).slice(0, rng.int(3, facts.length - 1));
  const context = rng
    .shuffle(t.context.map((c, i) => anchored(seed, story, 'context', i, c)))
    .slice(0, rng.int(3, t.context.length))
    .map((c) => capitalize(fill(c, vals, rng)));
  const quotes = rng
    .shuffle(t.quotes)
    .slice(0, rng.int(1, t.quotes.length))
    .map((q) => renderQuote(q, vals, rng));
  const generic = rng
    .shuffle(GENERIC)
    .slice(0, maxGeneric)
    .map((g) => capitalize(fill(g, vals, rng)));
  const lead = [facts[0]!];
  if (withLead && rest.length > 0) lead.push(rest.shift()!);
  // Story-specific sentences first (facts, context and quotes interleaved), then a little
  // background from an earlier story of the same kind, then generic context to the target length.
  const specific: string[] = [];
  while (rest.length || context.length || quotes.length) {
    if (rest.length) specific.push(rest.shift()!);
    if (context.length && rng.chance(0.7)) specific.push(context.shift()!);
    if (quotes.length && rng.chance(0.4)) specific.push(quotes.shift()!);
    if (generic.length && rng.chance(0.3)) specific.push(generic.shift()!);
  }
  const earlier = earlierStory(seed, story);
  if (earlier && rng.chance(0.7)) {
    const opener = fill(rng.pick(BACKGROUND_OPENERS), vals, rng);
    const fact = fill(earlier.template.facts[0]!, earlier.values, rng);
    specific.splice(
      rng.int(Math.floor(specific.length / 2), specific.length),
      0,
      `${opener}${fact.charAt(0).toLowerCase()}${fact.slice(1)}`,
    );
  }
  const sentences: string[] = [];
  let words = lead.reduce((n, s) => n + countWords(s), 0);
  for (const s of specific) {
    sentences.push(s);
    words += countWords(s);
  }
  while (words < targetWords && generic.length) {
    const s = generic.shift()!;
    sentences.splice(rng.int(1, sentences.length), 0, s);
    words += countWords(s);
  }
  const blocks: Block[] = [{ kind: 'para', text: lead.join(' ') }];
  const sections = rng.shuffle([t.section, ...rng.shuffle(GENERIC_SECTIONS).slice(0, 3)]);
  let i = 0;
  let sectionNo = 0;
  let bulletsPlaced = false;
  while (i < sentences.length) {
    const size = Math.min(sentences.length - i, rng.int(1, 4));
    blocks.push({ kind: 'para', text: sentences.slice(i, i + size).join(' ') });
    i += size;
    // A section heading every two or three paragraphs.
    if (i < sentences.length && rng.chance(0.45) && sectionNo < sections.length)
      blocks.push({ kind: 'heading', level: 2, text: sections[sectionNo++]! });
    if (!bulletsPlaced && i >= sentences.length / 2) {
      bulletsPlaced = true;
      blocks.push({
        kind: 'heading',
        level: 2,
        text: rng.pick(['Key facts:', 'At a glance:', 'The key numbers:']),
      });
      blocks.push({ kind: 'bullets', items: t.bullets.map((b) => fill(b, vals, rng)) });
    }
  }
  return { blocks, words };
}
