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
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STORY_TEMPLATES, type StoryTemplate } from './story-templates.js';

export { STORY_TEMPLATES, type StoryTemplate };

/** Default seed of the benchmark corpora. */
export const DEFAULT_SEED = 20_240_601;

/** Articles per story instance (the articles of one story share its facts). */
export const ARTICLES_PER_STORY = 6;

// ---------------------------------------------------------------------------
// Seeded randomness.
// ---------------------------------------------------------------------------

/** 32-bit hash of a list of parts (FNV-1a, then a murmur3 finaliser). */
export function hashParts(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = `${part}\u0001`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small seeded PRNG (mulberry32) with the helpers the generator needs. */
export class Rng {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  /** Approximately normal (Irwin–Hall of 4 uniforms). */
  normal(mean: number, sd: number): number {
    const s = this.next() + this.next() + this.next() + this.next();
    return mean + (s - 2) * sd * Math.sqrt(3);
  }
}

// ---------------------------------------------------------------------------
// Vocabulary shared by all stories.
// ---------------------------------------------------------------------------

const FIRST = [
  'Maria',
  'Jonas',
  'Elena',
  'Tomas',
  'Aisha',
  'Pieter',
  'Sofia',
  'Karim',
  'Ingrid',
  'Mateo',
  'Hannah',
  'Luca',
  'Nadia',
  'Oskar',
  'Leila',
  'Viktor',
  'Clara',
  'Dmitri',
  'Amara',
  'Felix',
  'Yusuf',
  'Greta',
  'Rafael',
  'Mei',
  'Anton',
  'Zofia',
  'Samuel',
  'Lina',
  'Hugo',
  'Irene',
];
const LAST = [
  'Lindqvist',
  'Moreau',
  'Kowalski',
  'Ferreira',
  'Haddad',
  'Jansen',
  'Rossi',
  'Novak',
  'Okafor',
  'Petrov',
  'Schmidt',
  'Andersen',
  'Costa',
  'Dubois',
  'Varga',
  'Nakamura',
  'Ibrahim',
  'Larsen',
  'Mendes',
  'Horvat',
  'Keller',
  'Santos',
  'Bauer',
  'Eriksen',
  'Romano',
  'Popescu',
  'Weiss',
  'Almeida',
  'Berg',
  'Kuznetsova',
];
const PLACES = [
  'Valmora',
  'Kesterby',
  'Aldenport',
  'Rivensk',
  'Torvala',
  'Marrowgate',
  'Beloria',
  'Castelno',
  'Dunholm',
  'Estravia',
  'Ferncliff',
  'Galdera',
  'Hollinsk',
  'Istravo',
  'Jarnvik',
  'Kelmora',
  'Lindhaven',
  'Montavo',
  'Norcastle',
  'Ostrana',
  'Pellavik',
  'Quarrendon',
  'Rostova',
  'Saltmere',
  'Tavrin',
  'Ulmsted',
  'Varnholt',
  'Westbrook',
  'Yarrowdale',
  'Zelmira',
  'Ashcombe',
  'Brennvik',
  'Corrano',
  'Drevnia',
  'Elmsworth',
  'Fallowmere',
  'Grenhaven',
  'Harrowby',
  'Ivelka',
  'Juniper Falls',
];
const REGIONS = [
  'the northern province',
  'the coastal region',
  'the eastern highlands',
  'the river valley',
  'the southern plains',
  'the lake district',
  'the western border region',
  'the central lowlands',
  'the island province',
  'the mountain cantons',
  'the delta region',
  'the industrial north',
];
const CAPITALS = ['Aurelia', 'Brandmark', 'Castellane', 'Novagrad', 'Sundvall', 'Teravia'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SYLLABLES = [
  'val',
  'mor',
  'kes',
  'ter',
  'al',
  'den',
  'riv',
  'tor',
  'mar',
  'bel',
  'cas',
  'dun',
  'hol',
  'est',
  'fern',
  'gal',
  'is',
  'jarn',
  'kel',
  'lind',
  'mon',
  'nor',
  'ost',
  'pel',
  'quar',
  'ros',
  'salt',
  'tav',
  'ulm',
  'var',
  'wes',
  'yar',
  'zel',
  'bran',
  'cor',
  'dra',
  'el',
  'fal',
  'gren',
  'har',
];
const PLACE_SUFFIXES = [
  'by',
  'vik',
  'ford',
  'holm',
  'ova',
  'ano',
  'burg',
  'mere',
  'stad',
  'ino',
  'ton',
  'ac',
];
const NAME_SUFFIXES = [
  'sen',
  'ović',
  'escu',
  'ini',
  'berg',
  'ski',
  'ard',
  'ez',
  'man',
  'ou',
  'elli',
  'qvist',
];

/** A made-up proper name (so the vocabulary keeps growing with the corpus, as real news does). */
function coin(rng: Rng, suffixes: readonly string[]): string {
  let s = '';
  for (let i = rng.int(1, 2); i > 0; i--) s += rng.pick(SYLLABLES);
  return capitalize(s + rng.pick(suffixes));
}

const AGENCIES = [
  'Northern Photo Agency',
  'Press Images',
  'Wire Photo',
  'Coastal Pictures',
  'Meridian Images',
];

/** Generic sentence frames that any story can use (they pick up its event, group, measure, …). */
const GENERIC: readonly string[] = [
  '{Org} said it was monitoring {event} closely and would publish updated figures on {day2}.',
  'Local media in {place} reported that many {group} had been given little notice before {measure} took effect.',
  'Critics said the response to {event} had been slow and poorly coordinated.',
  'Opposition lawmakers called for an independent review of how {org} had handled {event}.',
  'The government in {capital} said it would send additional support to {place} within days.',
  'Analysts said {event} could weigh on the economy of {region} for months.',
  'Several {group} interviewed by reporters said they had received no official information.',
  '{Person2}, a researcher at the University of {city2}, said similar events had become more frequent over the past decade.',
  'The mayor of {place} said the city would hold a public meeting on {day2} to answer questions about {measure}.',
  'It was not immediately clear how many {group} were affected outside {place}.',
  'Officials declined to give a timeline for {measure}.',
  'The prime minister is expected to visit {place} later this week to discuss {measure} with {group}.',
  'A spokesperson for {org} said the figures would be revised as more information became available.',
  'Neighbouring towns offered help to {group}, and volunteers collected donations in church halls and sports clubs.',
  'Business owners in the centre of {place} said trade had fallen sharply since {event} began.',
  'Regional authorities held an emergency meeting on {day2} evening to discuss {measure}.',
  'Insurers said it was too early to estimate the total cost of {event} for {group} in {place}.',
  'Some {group} said they felt abandoned by the authorities in {capital}.',
  'The last comparable episode in {region} took place in {year2}, when the response was widely criticised.',
  'A parliamentary committee will hold a hearing on {event} next month.',
  'The issue has become a point of contention ahead of regional elections in {month2}.',
  'Officials stressed that outside {place}, most {group} in {region} had not been affected by {event}.',
  'The European Commission said it was ready to help {org} with {measure} if asked.',
  'Experts agreed that the coming weeks would be decisive for {measure}.',
  'Community leaders in {place} urged {group} to follow official guidance and avoid rumours.',
  'Officials in {place} said they had learned lessons from previous years and were better prepared.',
  'Data published by {org} showed the problem had been building for several years.',
  'The national audit office warned last year that {org} lacked the funding to deal with {event} on this scale.',
  'The regional governor described {event} as serious but under control.',
  'Many {group} said they were worried about what the coming months would bring.',
  'In {city2}, a dispute over {measure} last year led to a change in the law.',
  'A helpline for {group} set up by {org} received hundreds of calls on its first day.',
  'Religious and civic groups organised a vigil in the main square of {place} on {day2} night.',
  'Economists at a major bank estimated the direct cost of {event} at several hundred million euros.',
  'It is the second time in three years that {region} has faced such a situation.',
  'The minister responsible said a full report would be presented to parliament by {month2}.',
  'Trade associations in {place} asked for emergency loans for businesses hit by {event}.',
  'Observers noted that public trust in {org} had already been low before {event}.',
];

/** Attributions appended to a fact so that near-duplicates read differently. */
const ATTRIBUTIONS = [
  'officials said',
  'according to {org}',
  '{org} said',
  'local media reported',
  'authorities confirmed',
  'the agency said',
];

const GENERIC_SECTIONS = [
  'What happened',
  'Reaction',
  'Background',
  'What comes next',
  'The numbers',
  'Who is affected',
  'How we got here',
  'Political fallout',
  'A difficult week',
];

// ---------------------------------------------------------------------------
// Publishers: layout and the template blocks they repeat in every article.
// ---------------------------------------------------------------------------

/** A publisher's layout and its repeated boilerplate blocks. */
export interface Publisher {
  readonly slug: string;
  readonly name: string;
  readonly style: 'plain' | 'markdown' | 'wrapped';
  readonly crlf: boolean;
  readonly bullet: string;
  /** Whether key-fact bullets end with a full stop. */
  readonly bulletPeriod: boolean;
  readonly crumb: string;
  readonly newsletter: readonly string[];
  readonly appeal: readonly string[];
  readonly share: readonly string[];
  readonly footer: string;
}

function publisher(
  slug: string,
  name: string,
  style: Publisher['style'],
  crlf: boolean,
  bullet: string,
  bulletPeriod: boolean,
  section: string,
  variant: number,
): Publisher {
  const newsletters = [
    [
      'Get the morning briefing',
      `Sign up for the ${name.replace(/^The /u, '')} newsletter and get the day's top stories in your inbox every morning.`,
      'Enter your email address',
      'Subscribe',
    ],
    [
      'Never miss a story',
      `Subscribe to our free weekly newsletter from ${name}: the stories that matter, straight to your inbox.`,
      'Sign up now',
    ],
    [
      `${name} Daily`,
      'Our editors pick the most important stories of the day for you. Sign up for free.',
      'Your email address',
      'Sign up',
      'No thanks',
    ],
  ];
  const appeals = [
    [
      'Dear reader,',
      `Independent journalism costs money, and ${name} does not hide its reporting behind a paywall.`,
      'If you value what we do, please support us with a contribution, however small. It only takes a minute, and it helps us keep reporting for you.',
      'Support us',
      'Remind me later',
    ],
    [
      `A message from ${name}:`,
      'We rely on readers like you to fund our newsroom. Become a member today and help us keep our journalism free for everyone.',
      'Donate now',
      'Maybe later',
    ],
    [
      'Before you go',
      `You have read several articles from ${name} this month. We are a non-profit newsroom and your donation keeps us independent.`,
      'Give once or give monthly. Every contribution helps us report on the stories you care about.',
      'Donate',
      '×',
    ],
  ];
  const shares = [
    ['Share this article', 'Facebook', 'X', 'Email', 'Copy link'],
    ['Share this article'],
    ['Print this page', 'Share on social media'],
  ];
  return {
    slug,
    name,
    style,
    crlf,
    bullet,
    bulletPeriod,
    crumb: `Home › News › ${section}`,
    newsletter: newsletters[variant % newsletters.length]!,
    appeal: appeals[(variant + 1) % appeals.length]!,
    share: shares[variant % shares.length]!,
    footer: `© ${2024} ${name}. All rights reserved.`,
  };
}

/** The publishers of the synthetic corpus, with their layouts. */
export const PUBLISHERS: readonly Publisher[] = [
  publisher('northern-ledger', 'The Northern Ledger', 'plain', false, '•', false, 'World', 0),
  publisher('coastal-times', 'Coastal Times', 'plain', false, '-', true, 'Europe', 1),
  publisher('valley-herald', 'Valley Herald', 'markdown', false, '-', false, 'Region', 2),
  publisher('daily-meridian', 'Daily Meridian', 'wrapped', false, '*', true, 'National', 0),
  publisher('capital-post', 'Capital Post', 'plain', true, '•', false, 'Politics', 1),
  publisher('harbour-chronicle', 'Harbour Chronicle', 'markdown', false, '*', true, 'Local', 2),
  publisher('plains-observer', 'Plains Observer', 'plain', false, '1.', false, 'Economy', 0),
  publisher('highland-gazette', 'Highland Gazette', 'wrapped', false, '•', false, 'News', 1),
  publisher('river-courier', 'River Courier', 'plain', false, '–', true, 'World', 2),
  publisher('metro-dispatch', 'Metro Dispatch', 'markdown', true, '-', false, 'City', 0),
];

// ---------------------------------------------------------------------------
// Stories.
// ---------------------------------------------------------------------------

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

const HEDGES = ['about', 'nearly', 'more than', 'around', 'roughly', ''];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Fills `{slot}`, `{Slot}` (capitalised) and `{~slot}` (hedged number) from a story's values. */
function fill(frame: string, values: Readonly<Record<string, string>>, rng: Rng): string {
  return frame.replace(/\{(~?)([A-Za-z0-9]+)\}/gu, (_, hedge: string, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    let v = values[lower] ?? values[key] ?? key;
    if (hedge) {
      const h = rng.pick(HEDGES);
      v = h ? `${h} ${v}` : v;
    }
    return key.charAt(0) === key.charAt(0).toUpperCase() && /[A-Z]/u.test(key.charAt(0))
      ? capitalize(v)
      : v;
  });
}

/** A fact of a story as one article words it: hedged numbers, perhaps an attribution. */
function renderFact(
  frame: string,
  story: Story,
  vals: Readonly<Record<string, string>>,
  rng: Rng,
): string {
  let s = fill(frame, vals, rng);
  // Frames that open with a lower-case article ("the …") read as sentences once capitalised.
  s = capitalize(s);
  if (rng.chance(0.4) && s.endsWith('.'))
    s = `${s.slice(0, -1)}, ${fill(rng.pick(ATTRIBUTIONS), vals, rng)}.`;
  return s;
}

function renderQuote(q: string, vals: Readonly<Record<string, string>>, rng: Rng): string {
  const text = fill(q, vals, rng);
  const who = vals.person!;
  switch (rng.int(0, 2)) {
    case 0:
      return `“${text},” said ${who}, ${vals.role} at ${vals.org}.`;
    case 1:
      return `${who}, the ${vals.role} of ${vals.org}, told reporters: “${text}.”`;
    default:
      return `“${text},” ${who} said in a statement on ${vals.day}.`;
  }
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .split('-')
    .slice(0, 6)
    .join('-');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

/** Whitespace-separated words of a text. */
export function countWords(text: string): number {
  return text.match(/\S+/gu)?.length ?? 0;
}

// ---------------------------------------------------------------------------
// Articles.
// ---------------------------------------------------------------------------

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

type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'para'; text: string }
  | { kind: 'lines'; lines: readonly string[] }
  | { kind: 'bullets'; items: readonly string[] };

/** The nearest earlier story of the same kind (for "in a similar case…" background), if any. */
function earlierStory(seed: number, story: Story): Story | undefined {
  for (let k = story.index - 1; k >= Math.max(0, story.index - 400); k--) {
    if (STORY_TEMPLATES[hashParts(seed, 'template', k) % STORY_TEMPLATES.length] === story.template)
      return storyOf(seed, k);
  }
  return undefined;
}

const ANCHORS = [
  ' in {place}',
  ' this week in {place}',
  ', {person2} said',
  ' on {day}',
  ' in {region}',
];

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

const BACKGROUND_OPENERS = [
  'In a similar case in {year2}, ',
  'Earlier this year, ',
  'Last {month2}, ',
  'The events recall {year2}, when ',
];

/** The content of one story inside an article: paragraphs under sections, quotes, bullets. */
function storyBody(
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

function render(blocks: readonly Block[], pub: Publisher): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(pub.style === 'markdown' ? `${b.level === 1 ? '#' : '##'} ${b.text}` : b.text);
        break;
      case 'para':
        out.push(...(pub.style === 'wrapped' ? wrap(b.text, 72) : [b.text]));
        break;
      case 'lines':
        out.push(...b.lines);
        break;
      case 'bullets':
        out.push(
          ...b.items.map(
            (item, k) =>
              `${pub.bullet === '1.' ? `${k + 1}.` : pub.bullet} ${item}${pub.bulletPeriod ? '.' : ''}`,
          ),
        );
        break;
    }
    out.push('');
  }
  const text = `${out.join('\n').trimEnd()}\n`;
  return pub.crlf ? text.replace(/\n/gu, '\r\n') : text;
}

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
