/**
 * The vocabulary of the line classifier's shape rules. Every rule looks at the form of a line
 * (length, punctuation, person of address, generic web-UI vocabulary) or at repetition across
 * files; none is tied to a particular site's wording.
 */

export const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
export const MD_HEADING = /^\s{0,3}#{1,6}\s+\S/u;
export const URL_LINE = /^(?:<?https?:\/\/\S+>?|www\.\S+|\/?[\w-]+(?:\/[\w.-]+)+\/?)$/iu;
export const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+){2,}(?:\.html?)?$/u;
export const CROSS_PROMO =
  /^(?:also read|read also|read more\s*:|related(?:\s+(?:articles?|stories|coverage|content|reading|links?|posts?|guides?|topics|videos?))?\s*(?:[:|›»–—-]|$)|see also\b|recommended(?:\s+for you)?\b|more on this\b|more from\b|you (?:may|might) also (?:like|be interested)|most (?:read|popular|viewed|shared)\b|trending\b|further reading\b|editor'?s picks?\b|more stories\b|don'?t miss\b|(?:what to )?read next\b|up next\b|keep reading\b|in other news\s*(?::|$))/iu;
export const PHOTO =
  /^(?:photo(?:graph)?s?|image|picture|illustration|credit|file photo|©|\(c\))\b|\b(?:getty images|shutterstock|afp|ap photo|reuters|tass|epa|via wikimedia commons)\b/iu;
export const BYLINE =
  /^(?:[Bb]y|[Ww]ritten by|[Rr]eporting by|[Ee]diting by|[Ww]ords by|[Ss]tory by|[Cc]ompiled by)\s+\p{Lu}/u;
/** A date stamp with its author: "Posted on 21 May 2024 by Sigrid", "Published March 3 by Jane Roe". */
export const STAMP_BYLINE =
  /^(?:[Pp]osted|[Pp]ublished|[Ww]ritten|[Uu]pdated|[Ll]ast updated)\b.*\bby\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;
/** A caption's trailing credit: "… Photo: Jane Roe / Agency", "(Image by Agency)". */
export const CAPTION_CREDIT =
  /(?:[Pp]hoto(?:graph)?s?|PHOTO|[Ii]mages?|[Pp]icture|[Ii]llustration|[Cc]redit|[Ff]ootage|[Vv]ideo)\s*(?::|by\s)\s*[\p{Lu}\p{N}©]/u;
/** A caption or media label opening a line: "Image: …", "Photo: …", "Watch: …". */
export const MEDIA_LABEL =
  /^(?:image|photo(?:graph)?|picture|caption|illustration|gallery|graphic|slideshow)\s*:/iu;
export const MEDIA_PROMPT = /^(?:watch|video|listen|audio|podcast|live(?:\s+updates?)?)\s*:/iu;
/** A caption's credit in parentheses after its last sentence: "… on Monday. (Jane Roe/Agency)". */
export const PAREN_CREDIT =
  /[.!?]["'”’]?\s*\((?:\p{Lu}[\p{L}.'’-]*\s*){1,4}\/\s*\p{Lu}[^()]{0,60}\)$/u;
/** Legal notices that are not the story: disclaimers, "not investment advice". */
export const LEGAL =
  /^disclaimer\b|\bnot (?:intended as )?(?:investment|financial|legal|tax|medical) advice\b|\bfor information(?:al)? purposes only\b/iu;
/** A credit line of a wire story: "(Reporting by …; Editing by …)", "X contributed to this report." */
export const CREDIT_LINE =
  /^\(?(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Rr]esearch|[Gg]raphics|[Pp]roduction)\s+by\s+\p{Lu}|\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\b/u;
export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
/** A price per period: "$5 a month", "NOK 590 per month", "1.99 a week". */
export const PRICE_PER_PERIOD =
  /\d(?:[\d.,]*\d)?\s*(?:[$€£¥]|[A-Z]{3})?\s*(?:a|per|\/|each)\s*(?:month|week|year|day|mo)\b/iu;
/** Verbs that open a publisher's prompt to the reader when they start a sentence. */
export const PROMPT_VERB =
  /^(?:subscribe|sign (?:up|in)|log ?in|click|tap|follow|download|install|donate|join|register|upgrade|become|listen|watch|read|share|support|get|try|open|create|unlock|claim|gift|cancel|compare|discover|explore|enter|reach)\b(?![-’'])/iu;
/** Copyright and rights notices. */
export const RIGHTS = /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b/iu;
/** A news dateline standing alone: "OSLO, May 8 -", "LONDON (Reuters) —". */
export const NEWS_DATELINE =
  /^\p{Lu}[\p{Lu}\s.'’-]*\p{Lu},?\s*(.*?)\s*(?:\([^)]*\))?\s*[-–—:]*\s*$/u;
/** Separators of a breadcrumb or section trail ("Home › World", "Site | Section"). */
export const CRUMB_SEPARATOR = /\s+[|›»>·•]\s+|\s*[›»]\s*/u;
export const WEEKDAY_OR_MONTH =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;
/** A sentence ending inside a line ("… will act. These are"): such a line is running text, not a title. */
export const INNER_SENTENCE_END = /\p{Ll}{3,}[.!?]["'”’)]?\s+\p{Lu}/u;
export const SALUTATION = /^(?:dear|hi|hello|greetings)\b[^.!?]{0,40}[,:!]?$/iu;

/** Generic web-UI vocabulary (buttons, prompts, paywalls, consent boxes, sharing widgets). */
export const UI_PHRASES =
  /\b(?:this (?:article|story|page|guide|post|newsletter)\b|\d+\s*min(?:ute)?s?\s+(?:read|listen)|free trial|cancel any ?time|(?:open|create) (?:an? |your )?(?:free )?account|unlimited (?:digital )?access|affiliate links?|mailing list|read more|continue reading|learn more|click here|tap here|sign up|sign in|log in|log out|subscribe|unsubscribe|newsletter|inbox|cookies?|consent|privacy policy|terms of (?:use|service)|share (?:this|on|via)|follow us|download (?:the|our) app|advert(?:isement|ising)?s?\b|ad-free|ads\b|support us|remind me|not now|no thanks|maybe later|accept all|manage preferences|back to top|skip to (?:main )?content|paywall|email address|print this|(?:leave|add|post|write|view|show|hide|load|read|see)\s+(?:a\s+|the\s+|all\s+)?comments?\b|\d+\s+comments?\b|^comments?\b)/iu;
/**
 * Words of a publisher's appeal to the reader: asking for support, help, money or a subscription
 * ("your support", "help us", "donate", "membership"); they mark a line only where the reader is
 * addressed outside quotations.
 */
export const APPEAL_WORDS =
  /\b(?:(?:your|their)\s+(?:support|help|donations?|contributions?|generosity)|(?:support|help|join|fund|back)\s+us|support(?:ing)?\s+(?:independent|our|the)\b|donat(?:e|es|ed|ing|ion|ions)|contribut(?:e|ion|ions)|membership|premium)\b/iu;
/** A plea or thanks addressed to the reader. */
export const PLEA = /\b(?:please|thank(?:s| you))\b/iu;
/** Verbs that open buttons and prompts when they start a short line. */
export const UI_IMPERATIVE =
  /^(?:read|share|subscribe|sign|click|tap|follow|download|support|donate|join|continue|remind|learn|watch|listen|accept|reject|close|register|log|like|comment|print|email|send|upgrade|start|contact|visit|become|give|enter|get|try|see|view|show|hide|load|open|next|previous|back|skip|menu|home|search|tweet|save|copy)\b/iu;

export const FIRST_PLURAL = /\b(?:we|we're|we’re|we've|we’ve|our|ours|us)\b/iu;
export const SECOND_PERSON =
  /\b(?:you|your|yours|yourself|you're|you’re|you've|you’ve|you'll|you’ll)\b/iu;

/**
 * Words of a line as the shape rules count them: runs that start with a letter or digit
 * (a dash or a bullet is not a word). Summary budgets count whitespace-separated words instead
 * (`countWords` in `text/`): a different question, so a different unit.
 */
export function lineWordCount(text: string): number {
  // The matches of WORD, counted in one pass without building them (every rule asks for it).
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The second half of a surrogate pair was read with the first.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) continue;
    }
    if (isLetterOrDigit(text, i, c)) {
      if (!inWord) count++;
      inWord = true;
    } else if (!inWord || !WORD_TAIL.has(c)) inWord = false;
  }
  return count;
}

/** Characters that continue a word of WORD besides letters and digits: ' ’ . - */
const WORD_TAIL = new Set([0x27, 0x2019, 0x2e, 0x2d]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the character at `i` (code unit `c`) is a letter or a digit (`\p{L}`, `\p{N}`). */
function isLetterOrDigit(text: string, i: number, c: number): boolean {
  if (c < 0x80)
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  const cp = text.codePointAt(i)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** Lowercased, whitespace-collapsed, NFKC form used to detect lines repeated across files. */
export function normalizeLine(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** True when the text has a letter or a digit. */
export function hasLetters(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
