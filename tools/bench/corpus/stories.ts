/**
 * Story instances of the synthetic corpus: story `k` of a seed is a template with its slots
 * (place, people, numbers, dates) fixed, shared by the articles that cover it.
 */
import { STORY_TEMPLATES, type StoryTemplate } from '../story-templates.js';
import { hashParts, Rng } from './random.js';
import { capitalize } from './text.js';
import {
  CAPITALS,
  FIRST,
  LAST,
  MONTHS,
  NAME_SUFFIXES,
  PLACE_SUFFIXES,
  PLACES,
  REGIONS,
  SYLLABLES,
  WEEKDAYS,
} from './vocabulary.js';

/** A made-up proper name (so the vocabulary keeps growing with the corpus, as real news does). */
function coin(rng: Rng, suffixes: readonly string[]): string {
  let s = '';
  for (let i = rng.int(1, 2); i > 0; i--) s += rng.pick(SYLLABLES);
  return capitalize(s + rng.pick(suffixes));
}

/** One story instance: a template with its slot values fixed. */
export interface Story {
  readonly index: number;
  readonly template: StoryTemplate;
  readonly values: Readonly<Record<string, string>>;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Story instance `k` of a seed (several articles share it). */
export function storyOf(seed: number, k: number): Story {
  const rng = new Rng(hashParts(seed, 'story', k));
  const template = STORY_TEMPLATES[hashParts(seed, 'template', k) % STORY_TEMPLATES.length]!;
  const values: Record<string, string> = {
    place: rng.chance(0.5) ? rng.pick(PLACES) : coin(rng, PLACE_SUFFIXES),
    region: rng.pick(REGIONS),
    capital: rng.pick(CAPITALS),
    person: `${rng.pick(FIRST)} ${rng.chance(0.5) ? rng.pick(LAST) : coin(rng, NAME_SUFFIXES)}`,
    person2: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
    city2: rng.pick(PLACES),
    n1: fmt(rng.int(12, 480) * 100),
    n2: fmt(rng.int(15, 900) * 10),
    n3: String(rng.int(3, 48)),
    nth: ordinal(rng.int(2, 14)),
    digit: String(rng.int(1, 9)),
    pct: String(rng.int(4, 68)),
    money: String(rng.int(12, 950)),
    day: rng.pick(WEEKDAYS),
    day2: rng.pick(WEEKDAYS),
    month: rng.pick(MONTHS),
    month2: rng.pick(MONTHS),
    year: String(rng.int(1961, 2014)),
    year2: String(rng.int(1990, 2020)),
    event: template.event,
    group: template.group,
    measure: template.measure,
    role: template.role,
    org: template.orgs[0]!,
  };
  return { index: k, template, values };
}

/** The nearest earlier story of the same kind (for "in a similar case…" background), if any. */
export function earlierStory(seed: number, story: Story): Story | undefined {
  for (let k = story.index - 1; k >= Math.max(0, story.index - 400); k--) {
    if (STORY_TEMPLATES[hashParts(seed, 'template', k) % STORY_TEMPLATES.length] === story.template)
      return storyOf(seed, k);
  }
  return undefined;
}
