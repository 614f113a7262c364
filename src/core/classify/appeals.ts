import { unquoted } from './quotes.js';
import {
  APPEAL_WORDS,
  FIRST_PLURAL,
  PLEA,
  PRICE_PER_PERIOD,
  PROMPT_VERB,
  SECOND_PERSON,
  UI_PHRASES,
} from './vocabulary.js';

/**
 * Appeals and prompts are short and addressed to the reader: when a line is short enough for the
 * vocabulary rules to judge it, and what in its words makes it an appeal (the person of address
 * read outside quotations, `quotes.ts`).
 */

/**
 * Appeal voice: the writer asks the reader (you/your, outside quotations) for something: support,
 * a donation, a subscription (appeal words), or to use the page (web-UI vocabulary), or thanks
 * them in the publisher's voice; a plea for support needs no "you"; in a short line, the
 * publisher's "we" speaking to "you" is enough. Quoted speech is
 * the speaker's, and a reviewer telling readers what "you" will find asks nothing of them.
 */
export function isAppealVoice(text: string, words: number): boolean {
  const t = unquoted(text);
  // "Please support our journalism", "Thank you for your donation": a plea for support.
  if (PLEA.test(t) && APPEAL_WORDS.test(t)) return true;
  if (!SECOND_PERSON.test(t)) return false;
  if (APPEAL_WORDS.test(t) || UI_PHRASES.test(t)) return true;
  // Thanks or a "please" from the publisher ("Thank you for standing with us"); a "please" alone
  // is as often a reported appeal ("If you have information, please call the hotline").
  if (PLEA.test(t) && FIRST_PLURAL.test(t)) return true;
  // The publisher speaking to the reader (we → you) in a line too short to be a paragraph.
  return words <= SHORT_LINE_WORDS && FIRST_PLURAL.test(t);
}

/**
 * Most words of a line the vocabulary rules (appeals, prompts, promotions, notices) may judge on
 * their own: Kohlschütter et al. (2010) find text blocks of more than 16 words are content unless
 * their neighbourhood is boilerplate, and of more than 40 words content whatever their neighbours.
 * A paragraph of prose is never boilerplate by its vocabulary alone.
 */
export const SHORT_LINE_WORDS = 16;
/**
 * Most words of a line the vocabulary rules judge when it is one sentence (an appeal or a prompt
 * addressed to the reader is one), or when a line next to it is boilerplate.
 */
export const SHORT_LINE_MAX_WORDS = 40;

/**
 * Most words per sentence, on average, of a line of several sentences that is still a notice, a
 * box of labels and prompts ("You have read 2 of your 3 free articles. Subscribe now …", "Get the
 * Briefing. … in your inbox. Sign me up"), not prose: sentence length is one of Kohlschütter et
 * al.'s (2010) shallow text features, and news prose averages about twice this (20–25 words).
 */
export const SHORT_SENTENCE_WORDS = 12;

/**
 * Whether a line is short enough for the vocabulary rules: at most {@link SHORT_LINE_WORDS}
 * words, or at most {@link SHORT_LINE_MAX_WORDS} when it is one sentence, a run of short
 * sentences, or stands next to boilerplate. A paragraph of several sentences past that is prose,
 * whatever its words.
 */
export function isShortLine(text: string, words: number, nearBoilerplate: boolean): boolean {
  if (words <= SHORT_LINE_WORDS) return true;
  if (words > SHORT_LINE_MAX_WORDS) return false;
  if (nearBoilerplate) return true;
  const sentences = roughSentences(text).length;
  return sentences <= 1 || words <= SHORT_SENTENCE_WORDS * sentences;
}

/** Sentences of a line, roughly (for prompts hidden in a paragraph). */
function roughSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…:])\s+(?=[\p{Lu}\p{N}"“'‘])/u)
    .map((x) => x.replace(/^[^\p{L}\p{N}]+/u, '').trim())
    .filter(Boolean);
}

/**
 * A publisher's prompt inside a line: a sentence that opens with a prompt verb and speaks of the
 * publisher (us/our), names web-UI things, a price per period or an app, alerts or membership. An
 * imperative that only speaks to the reader ("Explore the area and you will find …") is advice,
 * not a prompt.
 */
export function hasReaderPrompt(text: string): boolean {
  return roughSentences(unquoted(text)).some(
    (x) =>
      PROMPT_VERB.test(x) &&
      (FIRST_PLURAL.test(x) ||
        UI_PHRASES.test(x) ||
        PRICE_PER_PERIOD.test(x) ||
        /\bapp\b|\balerts?\b|\bmember(?:ship)?\b/iu.test(x)),
  );
}
