import type { TokenTable } from './analyze.js';
import { endsWithColon, isDefinitionFragment } from './clause.js';

/**
 * What a sentence needs around it to be read on its own, from part-of-speech tags and token
 * shapes (no topic vocabulary): the readability flags of the summarizer, one bit each.
 */
export const SHAPE = {
  /** Opens with a discourse connective ("However,", "But", "In contrast,", "Besides,"). */
  connective: 1,
  /** Opens with a third-person or demonstrative pronoun ("He", "Its", "This", "After that,"). */
  pronoun: 2,
  /** Not a sentence on its own: no verb, no verb outside quotation marks, a lower-case or participle opening. */
  fragment: 4,
  /** Its quotation marks do not pair up. */
  unbalancedQuotes: 8,
  /** Uses relative time ("today", "last year", "on this day", "two weeks ago") with no date beside it. */
  relativeTime: 16,
  /** Ends with a colon: it introduces what follows (a code block, a list, a table, a quotation). */
  intro: 32,
  /** A definition-list item (`term - explanation`) whose explanation is no sentence of its own. */
  definition: 64,
} as const;

/** The names of the flags. */
export type ShapeFlag = keyof typeof SHAPE;

/** True when `shape` has the flag. */
export function hasShape(shape: number, flag: ShapeFlag): boolean {
  return (shape & SHAPE[flag]) !== 0;
}

// Closed grammatical classes of English, not topic words: third-person and demonstrative
// pronouns, the deictic time words, calendar units and names, the indefinite articles.
const ANAPHORIC = new Set(
  'he him his she her hers it its they them their theirs this that these those'.split(' '),
);
const DEMONSTRATIVE_NEAR = new Set(['this', 'these']);
const DEICTIC_DAY = new Set(['today', 'yesterday', 'tomorrow', 'tonight']);
const RELATIVE_MODIFIER = new Set(['this', 'last', 'next', 'past', 'coming', 'previous']);
const MONTHS =
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday';
const MONTH = new Set(MONTHS.split(' '));
const TIME_UNIT = new Set(
  `day days week weeks weekend month months year years morning afternoon evening night decade century season spring summer autumn fall winter ${WEEKDAYS} ${MONTHS}`.split(
    ' ',
  ),
);
const INDEFINITE = new Set(['a', 'an']);
/**
 * Adverbial discourse connectives that point back to what came before even without a comma
 * ("Then an HTTP server will be launched.", "Instead the council voted …"): the adverbials of
 * the Penn Discourse Treebank's explicit connectives (Prasad et al. 2008) that open a sentence.
 */
const CONNECTIVE_ADVERBS = new Set(
  'accordingly additionally afterward afterwards again also besides consequently conversely finally furthermore hence however instead likewise meanwhile moreover nevertheless nonetheless otherwise similarly still subsequently then thereafter thereby therefore thus'.split(
    ' ',
  ),
);
/** Quotation marks that open, close, or do either (straight double quote). */
const OPEN_QUOTE = new Set(['“', '«', '„']);
const CLOSE_QUOTE = new Set(['”', '»']);

const isWord = (t: TokenTable, i: number) => t.types[i] === 'word' || t.types[i] === 'number';
const lower = (t: TokenTable, i: number) => t.values[i]!.toLowerCase().replace(/\.$/u, '');
const isVerb = (p: string) => p === 'VERB' || p === 'AUX';

/** Per token of `first..last`: whether it stands inside quotation marks. */
function quoted(
  t: TokenTable,
  first: number,
  last: number,
): { inside: boolean[]; balanced: boolean } {
  const inside: boolean[] = [];
  let depth = 0;
  let straight = false;
  let curly = 0;
  let latex = 0;
  let single = 0;
  const hasOpenSingle = t.values.slice(first, last + 1).includes('‘');
  for (let i = first; i <= last; i++) {
    const v = t.values[i]!;
    const flush = i > first && t.starts[i] === t.starts[i - 1]! + t.values[i - 1]!.length;
    if (OPEN_QUOTE.has(v)) curly++;
    else if (CLOSE_QUOTE.has(v)) curly--;
    else if (v === '"') straight = !straight;
    else if (v === '`' && flush && t.values[i - 1] === '`') latex++;
    else if (v === "'" && flush && t.values[i - 1] === "'") latex--;
    else if (v === '‘') single++;
    else if (v === '’' && hasOpenSingle && single > 0) single--;
    depth = curly + (straight ? 1 : 0) + latex + single;
    inside.push(depth > 0 && !/^["“”«»„`'‘’]$/u.test(v));
  }
  return { inside, balanced: curly === 0 && !straight && latex === 0 && single === 0 };
}

/** A relative time expression among the words, and whether a calendar date anchors it. */
function relativeTime(t: TokenTable, first: number, last: number): boolean {
  let relative = false;
  let anchored = false;
  for (let i = first; i <= last; i++) {
    if (!isWord(t, i)) continue;
    const w = lower(t, i);
    const next = i < last ? lower(t, i + 1) : '';
    if (DEICTIC_DAY.has(w) || w === 'ago') relative = true;
    if (RELATIVE_MODIFIER.has(w) && TIME_UNIT.has(next)) relative = true;
    if (MONTH.has(w) && /^\d{1,2}(?:st|nd|rd|th)?$/u.test(next)) anchored = true;
    if (/^\d{1,2}$/u.test(w) && MONTH.has(next)) anchored = true;
  }
  return relative && !anchored;
}

/** Whether token `i` is a third-person or demonstrative pronoun (not "this week": a time). */
function anaphoric(t: TokenTable, i: number, last: number): boolean {
  const p = t.pos[i];
  if (p !== 'PRON' && p !== 'DET') return false;
  const w = lower(t, i);
  if (!ANAPHORIC.has(w)) return false;
  if (DEMONSTRATIVE_NEAR.has(w) && i < last && TIME_UNIT.has(lower(t, i + 1))) return false;
  if (w === 'it') {
    // The expletive "it" of "It is expected that …", "It is believed the men …", "It is unclear
    // whether …": be, a participle or adjective, then a clause rather than a preposition or stop.
    let k = i + 1;
    if (t.pos[k] !== 'AUX') return true;
    k++;
    while (k <= last && t.pos[k] === 'ADV') k++;
    if (k > last || (t.pos[k] !== 'VERB' && t.pos[k] !== 'ADJ')) return true;
    const next = t.pos[k + 1];
    return k + 1 > last || next === 'ADP' || next === 'PUNCT' || next === 'CCONJ';
  }
  return true;
}

/**
 * The readability flags of tokens `first..last` (one sentence), as a bit set of `SHAPE`.
 * Openings are read after any opening quotation marks or brackets; an opening phrase is what
 * comes before the first comma when it is short (≤ 6 words) and has no verb.
 */
export function shapeOf(t: TokenTable, first: number, last: number): number {
  let shape = 0;
  const words: number[] = [];
  for (let i = first; i <= last; i++) if (isWord(t, i)) words.push(i);
  const o = words[0];
  const { inside, balanced } = quoted(t, first, last);
  if (!balanced) shape |= SHAPE.unbalancedQuotes;
  if (relativeTime(t, first, last)) shape |= SHAPE.relativeTime;
  if (endsWithColon(t, first, last)) shape |= SHAPE.intro;
  if (o === undefined) return shape | SHAPE.fragment;
  if (isDefinitionFragment(t, first, last)) shape |= SHAPE.definition;

  // Fragments: no verb outside quotation marks (or none at all), a lower-case opening, or a
  // participle clause with no main clause after it ("Saying the app “defies …”", "Initially
  // thought to have been …"; not "Speaking to reporters, the minister said …").
  let verbOutside = false;
  for (let i = first; i <= last; i++)
    if (isVerb(t.pos[i]!) && !inside[i - first]) verbOutside = true;
  if (!verbOutside) shape |= SHAPE.fragment;
  else if (!inside[o - first]) {
    const initial = t.values[o]!;
    if (/^\p{Ll}/u.test(initial) && !/^\p{Ll}\p{Lu}/u.test(initial)) shape |= SHAPE.fragment;
    const v = t.pos[o] === 'ADV' ? words[1] : o;
    const after = v === undefined ? undefined : words[words.indexOf(v) + 1];
    // A participle followed by a noun modifies it ("Promised funds have doubled"): no clause.
    if (
      v !== undefined &&
      t.pos[v] === 'VERB' &&
      (after === undefined || !/^(?:NOUN|PROPN)$/u.test(t.pos[after]!))
    ) {
      let main = false;
      let comma = false;
      for (let i = v + 1; i <= last; i++) {
        if (t.values[i] === ',' && !inside[i - first]) comma = true;
        else if (comma && isVerb(t.pos[i]!) && !inside[i - first]) main = true;
      }
      if (!main) shape |= SHAPE.fragment;
    }
  }

  // The opening phrase: words before the first comma, when few and verbless.
  let comma = -1;
  for (let i = o; i <= last && i - o <= 7; i++) {
    if (t.values[i] === ',') {
      comma = i;
      break;
    }
    if (isVerb(t.pos[i]!)) break;
  }
  const phrase = comma > o ? words.filter((i) => i < comma) : [];
  // The subject: after the opening phrase; after an opening quotation, its speaker ("“…,” he said").
  let subject = comma > o ? words.find((i) => i > comma) : o;
  if (inside[o - first]) subject = words.find((i) => i > o && !inside[i - first]);
  const opener = t.pos[o];
  if (opener === 'CCONJ' && phrase.length <= 1) shape |= SHAPE.connective;
  if (!inside[o - first] && opener !== 'ADJ' && CONNECTIVE_ADVERBS.has(lower(t, o)))
    shape |= SHAPE.connective;
  if (phrase.length > 0 && phrase.length <= 6) {
    if (phrase.some((i) => anaphoric(t, i, last))) shape |= SHAPE.pronoun;
    else if (!phrase.some((i) => t.pos[i] === 'PROPN' || t.pos[i] === 'NUM')) {
      const time = phrase.some((i) => TIME_UNIT.has(lower(t, i)) || DEICTIC_DAY.has(lower(t, i)));
      // "However," "Besides," "In contrast," "At the same time," — not "In a statement,".
      if (opener === 'ADV' && !time) shape |= SHAPE.connective;
      if (opener === 'ADP' && !time && !phrase.some((i) => INDEFINITE.has(lower(t, i))))
        shape |= SHAPE.connective;
      if (opener === 'CCONJ') shape |= SHAPE.connective;
    }
  }
  if (subject !== undefined && anaphoric(t, subject, last)) shape |= SHAPE.pronoun;
  return shape;
}
