/**
 * The Porter (1980) stemmer as embedded in ROUGE-1.5.5.pl, with Chin-Yew Lin's change to step 4:
 * what ROUGE's `-m` runs on a token that is not in WordNet's exception lists. Kept apart from the
 * scorer (rouge.ts) because it is a self-contained algorithm with its own tables and regexes.
 */

const STEP2: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};
const STEP3: Record<string, string> = {
  icate: 'ic',
  ative: '',
  alize: 'al',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
};
const c = '[^aeiou]'; // consonant
const v = '[aeiouy]'; // vowel
const C = `${c}[^aeiouy]*`; // consonant sequence
const V = `${v}[aeiou]*`; // vowel sequence
const MGR0 = new RegExp(`^(${C})?${V}${C}`); // [C]VC... is m>0
const MEQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`); // [C]VC[V] is m=1
const MGR1 = new RegExp(`^(${C})?${V}${C}${V}${C}`); // [C]VCVC... is m>1
const HAS_V = new RegExp(`^(${C})?${v}`); // vowel in stem
const CVC = new RegExp(`^${C}${v}[^aeiouwxy]$`);
const RE_STEP2 = new RegExp(`(${Object.keys(STEP2).join('|')})$`);
const RE_STEP3 = new RegExp(`(${Object.keys(STEP3).join('|')})$`);
const RE_STEP4 = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/;

/**
 * The Porter (1980) stemmer exactly as embedded in ROUGE-1.5.5.pl, which is what `-m` runs
 * (Lin 2004). It differs from the published algorithm (and from the `stemmer` npm package) in step 4,
 * where Chin-Yew Lin's 2004 change tries `-ement`, then `-ment`, then `-ent` one after the other on the
 * shrinking word instead of only the longest suffix: `document → docum`, `agreement → agreem`.
 * The input is expected in lower case; `-m` calls it through {@link rougeMorphStem}.
 */
export function rougePorterStem(word: string): string {
  if (word.length < 3) return word;
  let w = word;
  const initialY = w[0] === 'y';
  if (initialY) w = 'Y' + w.slice(1);
  let m: RegExpExecArray | null;
  let stem: string;

  // Step 1a
  if ((m = /(ss|i)es$/.exec(w))) w = w.slice(0, m.index) + m[1];
  else if ((m = /([^s])s$/.exec(w))) w = w.slice(0, m.index) + m[1];
  // Step 1b
  if ((m = /eed$/.exec(w))) {
    if (MGR0.test(w.slice(0, m.index))) w = w.slice(0, -1);
  } else if ((m = /(ed|ing)$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (HAS_V.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (CVC.test(w)) w += 'e';
    }
  }
  // Step 1c
  if ((m = /y$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (HAS_V.test(stem)) w = stem + 'i';
  }
  // Step 2
  if ((m = RE_STEP2.exec(w))) {
    stem = w.slice(0, m.index);
    if (MGR0.test(stem)) w = stem + STEP2[m[1]!];
  }
  // Step 3
  if ((m = RE_STEP3.exec(w))) {
    stem = w.slice(0, m.index);
    if (MGR0.test(stem)) w = stem + STEP3[m[1]!];
  }
  // Step 4 (ROUGE's version: -ement, then -ment, then -ent, each on the current word)
  if ((m = RE_STEP4.exec(w))) {
    stem = w.slice(0, m.index);
    if (MGR1.test(stem)) w = stem;
  }
  if ((m = /ment$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (MGR1.test(stem)) w = stem;
  }
  if ((m = /ent$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (MGR1.test(stem)) w = stem;
  } else if ((m = /(s|t)(ion)$/.exec(w))) {
    stem = w.slice(0, m.index) + m[1];
    if (MGR1.test(stem)) w = stem;
  }
  // Step 5
  if ((m = /e$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (MGR1.test(stem) || (MEQ1.test(stem) && !CVC.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && MGR1.test(w)) w = w.slice(0, -1);

  if (initialY) w = 'y' + w.slice(1);
  return w;
}
