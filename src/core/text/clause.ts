import type { TokenTable } from './analyze.js';

/**
 * Sentences that introduce or define rather than state, read from part-of-speech tags and token
 * shapes (closed classes of English, no topic words): an intro that ends with a colon, and a
 * definition-list item (`term - explanation`, `` `option`: explanation ``, `"array" - in addition
 * to …`) whose explanation is no sentence of its own.
 */

/** Words that open a subordinate or relative clause: a verb after them is not the main verb. */
const SUBORDINATORS = new Set(
  'which that who whom whose where when while if because although though as since unless until whether after before once whereas'.split(
    ' ',
  ),
);
const OPENERS = new Set(['"', '“', '‘', "'", '«', '(', '[', '{', '`']);
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']', '}', '`']);
const DASHES = new Set(['-', '–', '—']);
/** Most words a term before its separator may have. */
const TERM_WORDS = 6;

const isWord = (t: TokenTable, i: number) => t.types[i] === 'word' || t.types[i] === 'number';

/** True when the sentence ends with a colon, closing quotes and brackets aside (`):` is one token). */
export function endsWithColon(t: TokenTable, first: number, last: number): boolean {
  let i = last;
  while (i > first && CLOSERS.has(t.values[i]!)) i--;
  return /^[)\]}"'”’»]*:$/u.test(t.values[i]!);
}

/**
 * Whether tokens `from..last` hold a main clause: a subject (a noun, name, pronoun or number that
 * is not the object of a preposition) and then a finite verb. A subordinate or relative clause
 * ("which are ignored", "when true") and a phrase opened by a verb with no subject ("coerce …",
 * "using …") run to the next comma and hold no main verb; a bare `-ing` form without an auxiliary
 * modifies a noun, and a verb after "to" is an infinitive.
 * @example
 * hasMainClause(analyze('When true, the parser rejects unknown keys.'), 0, 9) // true
 */
export function hasMainClause(t: TokenTable, from: number, last: number): boolean {
  let subject = false;
  let aux = false;
  let aside = false;
  let pp = false;
  for (let k = from; k <= last; k++) {
    const v = t.values[k]!;
    const p = t.pos[k]!;
    if (v === ',') {
      if (aside) subject = aux = aside = false;
      pp = false;
      continue;
    }
    if (aside) continue;
    if (p === 'SCONJ' || (isWord(t, k) && SUBORDINATORS.has(v.toLowerCase()))) {
      aside = true;
      subject = aux = false;
    } else if (p === 'ADP') pp = true;
    else if (p === 'NOUN' || p === 'PROPN' || p === 'PRON' || p === 'NUM') {
      if (!pp) subject = true;
    } else if (p === 'AUX') {
      if (subject) return true;
      aux = true;
    } else if (p === 'VERB') {
      pp = false;
      if (!subject) aside = true;
      else if ((aux || !/ing$/iu.test(v)) && t.values[k - 1]?.toLowerCase() !== 'to') return true;
    } else if (p !== 'DET' && p !== 'ADJ' && p !== 'ADV' && p !== 'PUNCT') pp = false;
  }
  return false;
}

/**
 * True when tokens `first..last` are a definition-list item whose explanation is no sentence: a
 * term of at most six words (quoted, bracketed or bare, not opened by a determiner or pronoun, and
 * without a verb after a subject: "Note", "Please note", "`start`" are terms, "Police said" is
 * not), a separator (a spaced hyphen, an en or em dash, or a colon and a space), then an
 * explanation that is not a sentence: one that does not open in capitals with a main clause
 * ("Note: this is …" leans on what is noted; "Update: The bridge reopened." stands). A pair of
 * dashes around an aside ("Mr Smith – the former minister – said …") is no definition.
 */
export function isDefinitionFragment(t: TokenTable, first: number, last: number): boolean {
  let i = first;
  while (i <= last && OPENERS.has(t.values[i]!)) i++;
  // A determiner or pronoun opens a sentence, not a term, unless the term is quoted (`"all" - …`).
  if (i > last || (i === first && (t.pos[i] === 'DET' || t.pos[i] === 'PRON'))) return false;
  let words = 0;
  let subject = false;
  let predicate = false;
  let depth = 0;
  let sep = -1;
  for (let k = i; k <= last && words <= TERM_WORDS; k++) {
    const v = t.values[k]!;
    if (k > first && depth === 0 && isSeparator(t, k)) {
      sep = k;
      break;
    }
    if (OPENERS.has(v) && !CLOSERS.has(v)) depth++;
    else if (CLOSERS.has(v) && !OPENERS.has(v)) depth = Math.max(0, depth - 1);
    if (isWord(t, k)) {
      words++;
      const p = t.pos[k]!;
      // A verb after a subject makes a clause ("Police said"), not a participle ("named exports").
      if (
        depth === 0 &&
        subject &&
        (p === 'AUX' || (p === 'VERB' && !/(?:ed|ing)$/iu.test(t.values[k]!)))
      )
        predicate = true;
      if (p === 'NOUN' || p === 'PROPN' || p === 'PRON' || p === 'NUM') subject = true;
    }
  }
  if (sep < 0 || words === 0 || predicate) return false;
  const dash = t.values[sep]!;
  if (DASHES.has(dash))
    for (let k = sep + 1; k <= last; k++)
      if (t.values[k] === dash && isSeparator(t, k)) return false;
  let e = sep + 1;
  while (e <= last && OPENERS.has(t.values[e]!)) e++;
  return e <= last && !(/^[\p{Lu}\p{N}]/u.test(t.values[e]!) && hasMainClause(t, e, last));
}

/** A separator between a term and its explanation at token `k`. */
function isSeparator(t: TokenTable, k: number): boolean {
  const v = t.values[k]!;
  const spacedAfter = (t.spaces[k + 1] ?? '') !== '';
  if (v === ':') return spacedAfter;
  if (v === '-') return t.spaces[k] !== '' && spacedAfter;
  return v === '–' || v === '—';
}
