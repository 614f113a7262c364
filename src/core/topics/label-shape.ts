/**
 * What a label a reader would write is not: a comma list of keywords, a version number (alone or
 * with a word: a headline may name one, "Vite 4.3 is out"), a code
 * token (`app.HTTP_METHOD`, `src/index.ts`, `x86_64-unknown-linux-gnu`, `isMatch`), a licence
 * word ("MIT", "SOFTWARE"), a lone all-caps word ("URL") or an abbreviation stub ("b. Eg"). Read
 * from the label's tokens alone: punctuation inside a word, letter case, numbers; the few words
 * named are the closed vocabulary of licences and Latin abbreviations, not topic words.
 */

/** Punctuation that only code puts inside a word (paths, members, templates, calls, flags). */
const CODE_PUNCTUATION = /[_/\\{}()<>=$#`@|~^*[\]]|::/u;
/** A version: "v0.8.0", "12.20", "2.0.0-beta.1". */
const VERSION = /^v?\d+(?:\.\d+)+(?:[-+][\p{L}\p{N}.-]*)?$/iu;
/** Licence names, and the words a licence text shouts ("THE SOFTWARE IS PROVIDED AS IS"). */
const LICENCE_NAME =
  /^(?:MIT|ISC|BSD|[AL]?GPL(?:v?\d(?:\.\d)?)?|MPL|CC0|CC-BY|SOFTWARE|WARRANTY|WARRANTIES|LICEN[CS]E|COPYRIGHT|MERCHANTABILITY)$/u;
/** Words of licences: a label made only of them names a licence ("License", "Copyright"). */
const LICENCE_WORD = /^(?:licen[cs]e[sd]?|copyright|warrant(?:y|ies)|unlicen[cs]e|software)$/iu;
/** Honorifics and titles abbreviated before a name (a closed class of English). */
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Dr|St|Mt|Jr|Sr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|Hon|Fr|Pres)\.$/u;
/** Latin abbreviations of running text: "e.g.", "i.e.", "etc.", "vs.", "cf.". */
const LATIN = /^(?:e\.?g|i\.?e|etc|vs|cf|viz|n\.?b)\.?$/iu;

/** Whether one token reads as code rather than as a word of prose. */
export function isCodeToken(token: string): boolean {
  return (
    CODE_PUNCTUATION.test(token) ||
    // A member, a file or a host written in lower case: "app.get", "module.js", "github.com".
    /^\p{Ll}[\p{L}\p{N}-]*\.\p{L}/u.test(token) ||
    // camelCase: "isMatch", "readFileSync".
    /^\p{Ll}+\p{Lu}/u.test(token) ||
    // A command-line flag.
    /^--?\p{L}/u.test(token) ||
    // A slug or a package name of three or more hyphenated parts ("mdast-util-gfm",
    // "russia-intensifies-internet-crackdown"): an identifier, not words.
    /[\p{L}\p{N}]+-[\p{L}\p{N}]+-[\p{L}\p{N}]/u.test(token)
  );
}

/**
 * True when a label is none of the kinds above, so a reader could have written it.
 * @example
 * isReaderLabel('Terminal string styling') // true
 * isReaderLabel('chalk, world, underline') // false
 * isReaderLabel('v0.8.0') // false
 */
export function isReaderLabel(label: string): boolean {
  const t = label.trim();
  if (!/\p{L}/u.test(t)) return false;
  const parts = t.split(/\s*,\s*/u);
  if (parts.length >= 3 || (parts.length === 2 && parts.every((p) => !/\s/u.test(p)))) return false;
  const tokens = t
    .split(/\s+/u)
    .map((w) => w.replace(/^["'“‘(]+|["'”’),;:!?]+$/gu, ''))
    .filter(Boolean);
  if (tokens.some((w) => isCodeToken(w) || LICENCE_NAME.test(w) || LATIN.test(w))) return false;
  // A version is a label only within a headline that says something of it ("Vite 4.3 is out"),
  // never alone or with one word ("v0.8.0", "Node.js 12.20").
  const versions = tokens.filter((w) => VERSION.test(w)).length;
  if (versions > 0 && tokens.length - versions < 3) return false;
  if (tokens.every((w) => LICENCE_WORD.test(w))) return false;
  // Capitals alone: a lone acronym ("URL"), or a licence's or a banner's shouting.
  if (/\p{Lu}.*\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t)) return false;
  if (tokens.length <= 2 && tokens.some((w) => /^\p{L}{1,2}\.$/u.test(w))) return false;
  // A word ending a sentence inside the label ("No. SQLite files"): a phrase cut across two
  // sentences. Initialisms ("U.S.") and honorifics before a name ("Dr. Okafor") end none.
  const words = t.split(/\s+/u);
  if (words.slice(0, -1).some((w) => /^\p{L}+\.$/u.test(w) && !HONORIFIC.test(w))) return false;
  return true;
}
