import type { LineKind, LineReason } from '../../schemas/document.js';
import { BULLET, SENTENCE_END } from './line-shapes.js';
import { compareIds } from './load-corpus.js';
import type { SourceFile } from './source-file.js';

/** One line of a file with its extent and what the classifier made of it. */
export interface ClassifiedLine {
  /** 1-based line number. */
  readonly number: number;
  /** Offset of the first character (0-based, UTF-16). */
  readonly start: number;
  /** Offset just past the last character before the line break. */
  readonly end: number;
  readonly text: string;
  readonly kind: LineKind;
  readonly reason?: LineReason;
}

/** Classified lines of every file, by file id. */
export type LineTable = ReadonlyMap<string, readonly ClassifiedLine[]>;

// ---------------------------------------------------------------------------
// Shape features. Every rule looks at the form of a line (length, punctuation,
// person of address, generic web-UI vocabulary) or at repetition across files;
// none is tied to a particular site's wording.
// ---------------------------------------------------------------------------

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const MD_HEADING = /^\s{0,3}#{1,6}\s+\S/u;
const URL_LINE = /^(?:<?https?:\/\/\S+>?|www\.\S+|\/?[\w-]+(?:\/[\w.-]+)+\/?)$/iu;
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+){2,}(?:\.html?)?$/u;
const CROSS_PROMO =
  /^(?:also read|read also|read more\s*:|related(?:\s+(?:articles?|stories|coverage|content|reading|links?|posts?|guides?|topics|videos?))?\s*(?:[:|›»–—-]|$)|see also\b|recommended(?:\s+for you)?\b|more on this\b|more from\b|you (?:may|might) also (?:like|be interested)|most (?:read|popular|viewed|shared)\b|trending\b|further reading\b|editor'?s picks?\b|more stories\b|don'?t miss\b|(?:what to )?read next\b|up next\b|keep reading\b|in other news\s*(?::|$))/iu;
const PHOTO =
  /^(?:photo(?:graph)?s?|image|picture|illustration|credit|file photo|©|\(c\))\b|\b(?:getty images|shutterstock|afp|ap photo|reuters|tass|epa|via wikimedia commons)\b/iu;
const BYLINE =
  /^(?:[Bb]y|[Ww]ritten by|[Rr]eporting by|[Ee]diting by|[Ww]ords by|[Ss]tory by|[Cc]ompiled by)\s+\p{Lu}/u;
/** A caption's trailing credit: "… Photo: Jane Roe / Agency", "(Image by Agency)". */
const CAPTION_CREDIT =
  /(?:[Pp]hoto(?:graph)?s?|PHOTO|[Ii]mages?|[Pp]icture|[Ii]llustration|[Cc]redit|[Ff]ootage|[Vv]ideo)\s*(?::|by\s)\s*[\p{Lu}\p{N}©]/u;
/** A caption or media label opening a line: "Image: …", "Photo: …", "Watch: …". */
const MEDIA_LABEL =
  /^(?:image|photo(?:graph)?|picture|caption|illustration|gallery|graphic|slideshow)\s*:/iu;
const MEDIA_PROMPT = /^(?:watch|video|listen|audio|podcast|live(?:\s+updates?)?)\s*:/iu;
/** A caption's credit in parentheses after its last sentence: "… on Monday. (Jane Roe/Agency)". */
const PAREN_CREDIT = /[.!?]["'”’]?\s*\((?:\p{Lu}[\p{L}.'’-]*\s*){1,4}\/\s*\p{Lu}[^()]{0,60}\)$/u;
/** Legal notices that are not the story: disclaimers, "not investment advice". */
const LEGAL =
  /^disclaimer\b|\bnot (?:intended as )?(?:investment|financial|legal|tax|medical) advice\b|\bfor information(?:al)? purposes only\b/iu;
/** A credit line of a wire story: "(Reporting by …; Editing by …)", "X contributed to this report." */
const CREDIT_LINE =
  /^\(?(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Rr]esearch|[Gg]raphics|[Pp]roduction)\s+by\s+\p{Lu}|\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\b/u;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
/** A price per period: "$5 a month", "NOK 590 per month", "1.99 a week". */
const PRICE_PER_PERIOD =
  /\d(?:[\d.,]*\d)?\s*(?:[$€£¥]|[A-Z]{3})?\s*(?:a|per|\/|each)\s*(?:month|week|year|day|mo)\b/iu;
/** Verbs that open a publisher's prompt to the reader when they start a sentence. */
const PROMPT_VERB =
  /^(?:subscribe|sign (?:up|in)|log ?in|click|tap|follow|download|install|donate|join|register|upgrade|become|listen|watch|read|share|support|get|try|open|create|unlock|claim|gift|cancel|compare|discover|explore|enter|reach)\b(?![-’'])/iu;
/** Copyright and rights notices. */
const RIGHTS = /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b/iu;
/** A news dateline standing alone: "OSLO, May 8 -", "LONDON (Reuters) —". */
const NEWS_DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]*\p{Lu},?\s*(.*?)\s*(?:\([^)]*\))?\s*[-–—:]*\s*$/u;
/** Separators of a breadcrumb or section trail ("Home › World", "Site | Section"). */
const CRUMB_SEPARATOR = /\s+[|›»>·•]\s+|\s*[›»]\s*/u;
const WEEKDAY_OR_MONTH =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;
/** A sentence ending inside a line ("… will act. These are"): such a line is running text, not a title. */
const INNER_SENTENCE_END = /\p{Ll}{3,}[.!?]["'”’)]?\s+\p{Lu}/u;
const SALUTATION = /^(?:dear|hi|hello|greetings)\b[^.!?]{0,40}[,:!]?$/iu;

/** Generic web-UI vocabulary (buttons, prompts, paywalls, consent boxes, sharing widgets). */
const UI_PHRASES =
  /\b(?:this (?:article|story|page|guide|post|newsletter)\b|\d+\s*min(?:ute)?s?\s+(?:read|listen)|free trial|cancel any ?time|(?:open|create) (?:an? |your )?(?:free )?account|unlimited (?:digital )?access|affiliate links?|mailing list|read more|continue reading|learn more|click here|tap here|sign up|sign in|log in|log out|subscribe|unsubscribe|newsletter|inbox|cookies?|consent|privacy policy|terms of (?:use|service)|share (?:this|on|via)|follow us|download (?:the|our) app|advert(?:isement|ising)?s?|ad-free|ads\b|support us|remind me|not now|no thanks|maybe later|accept all|manage preferences|back to top|skip to (?:main )?content|paywall|email address|print this|comments?\b)/iu;
/** Words of a publisher's appeal; they mark a line only in the publisher's voice (we → you). */
const APPEAL_WORDS =
  /\b(?:support|donat(?:e|ion|ions)|contribut(?:e|ion|ions)|membership|premium|help)\b/iu;
/** Verbs that open buttons and prompts when they start a short line. */
const UI_IMPERATIVE =
  /^(?:read|share|subscribe|sign|click|tap|follow|download|support|donate|join|continue|remind|learn|watch|listen|accept|reject|close|register|log|like|comment|print|email|send|upgrade|start|contact|visit|become|give|enter|get|try|see|view|show|hide|load|open|next|previous|back|skip|menu|home|search|tweet|save|copy)\b/iu;

const FIRST_PLURAL = /\b(?:we|we're|we’re|we've|we’ve|our|ours|us)\b/iu;
const SECOND_PERSON = /\b(?:you|your|yours|yourself|you're|you’re|you've|you’ve|you'll|you’ll)\b/iu;

/** Removes quoted passages so the person of address is that of the writer, not of a quoted speaker. */
function unquoted(text: string): string {
  return text.replace(/“[^”]*”?|"[^"]*"?|«[^»]*»?/gu, ' ');
}

function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Lowercased, whitespace-collapsed, NFKC form used to detect lines repeated across files. */
export function normalizeLine(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

function hasLetters(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Appeal voice: the writer (we/our) addresses the reader (you/your) outside quotes. */
function isAppealVoice(text: string): boolean {
  const t = unquoted(text);
  return (
    SECOND_PERSON.test(t) && (FIRST_PLURAL.test(t) || UI_PHRASES.test(t) || APPEAL_WORDS.test(t))
  );
}

/** Short prompt or button: few words and UI vocabulary or an opening UI verb. */
function isUiPrompt(text: string, words: number): boolean {
  const t = text.trim();
  if (words <= 12 && UI_PHRASES.test(t)) return true;
  if (words <= 4 && !SENTENCE_END.test(t.replace(/[.]$/u, '')) && UI_IMPERATIVE.test(t))
    return true;
  return false;
}

function isHeadingShape(text: string, words: number): boolean {
  const t = text.trim();
  if (MD_HEADING.test(t)) return true;
  if (words === 0 || words > 20) return false;
  // A long title has no sentence punctuation at all.
  if (words > 14 && /[.!?…;,]/u.test(t)) return false;
  if (t.endsWith(':') && words <= 10) return true;
  if (SENTENCE_END.test(t) || /[,;]$/u.test(t) || INNER_SENTENCE_END.test(t)) return false;
  return /^[\p{Lu}\p{N}"'“‘«(]/u.test(t);
}

const DATE_WORDS =
  /\b(?:published|updated|posted|last|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmpa][sd]?t|bst|cet|cest|eet|eest|msk|ist|aest|jst|local|time)(?![\p{L}\p{N}])/giu;

/** A line that is only a date or time stamp (weekday, month, numbers, "updated", time zones). */
function isDateline(text: string, words: number): boolean {
  const t = text.trim();
  if (words === 0 || words > 20) return false;
  const hasDate =
    WEEKDAY_OR_MONTH.test(t) ||
    /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/u.test(t);
  if (!hasDate) return false;
  const rest = t
    .replace(new RegExp(WEEKDAY_OR_MONTH.source, 'giu'), ' ')
    .replace(DATE_WORDS, ' ')
    .replace(/\d+(?:st|nd|rd|th)?/gu, ' ');
  return wordCount(rest) === 0;
}

/** A dateline on its own line: an upper-case place name, a date, perhaps an agency, a dash. */
function isNewsDateline(text: string, words: number): boolean {
  if (words === 0 || words > 10) return false;
  const m = NEWS_DATELINE.exec(text);
  if (!m) return false;
  const rest = m[1] ?? '';
  return rest === '' ? /[-–—]\s*$/u.test(text) : isDateline(rest, wordCount(rest));
}

/** A breadcrumb or section trail: two or more short segments joined by separators, no sentence. */
function isCrumbTrail(text: string): boolean {
  if (SENTENCE_END.test(text)) return false;
  const parts = text
    .split(new RegExp(CRUMB_SEPARATOR.source, 'gu'))
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 && parts.every((p) => wordCount(p) <= 4);
}

function isPhotoCredit(text: string, words: number): boolean {
  const t = text.trim();
  // A caption whose last few words credit the photographer or agency.
  const credit = CAPTION_CREDIT.exec(t);
  if (credit && words <= 45 && wordCount(t.slice(credit.index)) <= 9 && !/[.!?…]$/u.test(t))
    return true;
  if (words > 10 || SENTENCE_END.test(t)) return false;
  if (/^!\[[^\]]*\]\([^)]*\)$/u.test(t)) return true;
  if (
    /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*\/\s*[\p{Lu}][\p{L}\p{N} .&'’-]*$/u.test(t)
  )
    return true;
  return PHOTO.test(t);
}

const MD_LINK = /!?\[([^\]]*)\]\([^)]*\)/gu;
/** The text a reader sees in a Markdown line: emphasis markers, block-quote marks and link targets dropped. */
function readerText(text: string): string {
  return text
    .replace(/^\s*(?:>\s*)+/u, '')
    .replace(MD_LINK, '$1')
    .replace(/(\*{1,3}|_{1,3})(?=\S)([^*_]*?\S)\1(?![\p{L}\p{N}])/gu, '$2')
    .replace(/^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$/gu, '')
    .trim();
}

/** Sentences of a line, roughly (for prompts hidden in a paragraph). */
function roughSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…:])\s+(?=[\p{Lu}\p{N}"“'‘])/u)
    .map((x) => x.replace(/^[^\p{L}\p{N}]+/u, '').trim())
    .filter(Boolean);
}

/**
 * A publisher's prompt inside a line: a sentence that opens with a prompt verb and speaks to
 * the reader or of the publisher (you/your/our), names web-UI things or a price per period.
 */
function hasReaderPrompt(text: string): boolean {
  return roughSentences(unquoted(text)).some(
    (x) =>
      PROMPT_VERB.test(x) &&
      (SECOND_PERSON.test(x) ||
        FIRST_PLURAL.test(x) ||
        UI_PHRASES.test(x) ||
        PRICE_PER_PERIOD.test(x) ||
        /\bapp\b|\balerts?\b|\bmember(?:ship)?\b/iu.test(x)),
  );
}

/** A question standing alone as a line: an explainer's sub-heading ("What does this mean for me?"). */
function isQuestionHeading(text: string, words: number): boolean {
  return (
    words > 0 &&
    words <= 12 &&
    /\?$/u.test(text) &&
    !/[.!;]\s/u.test(text) &&
    !/["“”«»]/u.test(text) &&
    /^[\p{Lu}]/u.test(text)
  );
}

/** Whether the line is all capitals (a masthead, section label or kicker), with no sentence end. */
function isAllCaps(text: string, words: number): boolean {
  return (
    words > 0 &&
    words <= 8 &&
    /\p{Lu}.*\p{Lu}/u.test(text) &&
    !/\p{Ll}/u.test(text) &&
    !SENTENCE_END.test(text)
  );
}

/** Reason a single line is not content judged by its own shape alone, or undefined. */
function shapeReason(
  raw: string,
  isFirstBlock: boolean,
  standalone: boolean,
  isolated = false,
): { kind: LineKind; reason: LineReason } | undefined {
  const md = raw.trim();
  // A Markdown image, or a line that is nothing but links (share buttons, link lists).
  if (/^!\[[^\]]*\]\([^)]*\)$/u.test(md)) return { kind: 'boilerplate', reason: 'photo-credit' };
  if (/\]\(/u.test(md) && !hasLetters(md.replace(MD_LINK, ' ')))
    return { kind: 'boilerplate', reason: 'navigation' };
  const t = readerText(md);
  const words = wordCount(t);
  if (!hasLetters(t)) return { kind: 'boilerplate', reason: 'navigation' };
  if (MEDIA_LABEL.test(t) && words <= 40) return { kind: 'boilerplate', reason: 'photo-credit' };
  if (MEDIA_PROMPT.test(t) && words <= 40) return { kind: 'boilerplate', reason: 'call-to-action' };
  if (PAREN_CREDIT.test(t) && words <= 45) return { kind: 'boilerplate', reason: 'photo-credit' };
  if (CREDIT_LINE.test(t) && words <= 30) return { kind: 'boilerplate', reason: 'byline' };
  if (LEGAL.test(t) && words <= 40) return { kind: 'boilerplate', reason: 'navigation' };
  if (EMAIL.test(t) && words <= 25) return { kind: 'boilerplate', reason: 'call-to-action' };
  if (URL_LINE.test(t) || SLUG.test(t)) return { kind: 'boilerplate', reason: 'url' };
  if (CROSS_PROMO.test(t)) return { kind: 'boilerplate', reason: 'cross-promotion' };
  if (SALUTATION.test(t) && words <= 5) return { kind: 'boilerplate', reason: 'call-to-action' };
  if (isUiPrompt(t, words))
    return {
      kind: 'boilerplate',
      reason: words <= 4 && !UI_PHRASES.test(t) ? 'navigation' : 'call-to-action',
    };
  if (isAppealVoice(t)) return { kind: 'boilerplate', reason: 'call-to-action' };
  if (words <= 50 && hasReaderPrompt(t)) return { kind: 'boilerplate', reason: 'call-to-action' };
  if (BYLINE.test(t) && words <= 10 && !SENTENCE_END.test(t))
    return { kind: 'boilerplate', reason: 'byline' };
  if (isPhotoCredit(t, words)) return { kind: 'boilerplate', reason: 'photo-credit' };
  if (isDateline(t, words) || isNewsDateline(t, words))
    return { kind: 'boilerplate', reason: 'dateline' };
  if (RIGHTS.test(t) && words <= 20) return { kind: 'boilerplate', reason: 'navigation' };
  if (isCrumbTrail(t)) return { kind: 'boilerplate', reason: 'navigation' };
  if (MD_HEADING.test(md) || (standalone && isHeadingShape(t, words)))
    return { kind: 'heading', reason: 'heading' };
  if (isAllCaps(t, words)) return { kind: 'heading', reason: 'heading' };
  // A question on a line of its own between blank lines; one inside a block of prompts is a prompt.
  if (isolated && isQuestionHeading(t, words)) return { kind: 'heading', reason: 'heading' };
  // A file's title: a short first paragraph set off by a blank line, even when it ends in a period.
  // (A title ends in at most one full stop: two sentences are a paragraph.)
  if (
    isFirstBlock &&
    standalone &&
    words <= 20 &&
    !/[,;:]$/u.test(t) &&
    !INNER_SENTENCE_END.test(t)
  )
    return { kind: 'heading', reason: 'heading' };
  if (words <= 3 && /^\p{Ll}/u.test(t) && !SENTENCE_END.test(t))
    return { kind: 'boilerplate', reason: 'navigation' };
  return undefined;
}

// ---------------------------------------------------------------------------
// Repetition across files.
// ---------------------------------------------------------------------------

/**
 * A line that reads as reported fact: a full sentence of some length in the third person
 * (no we/our/you outside quotes) and without web-UI vocabulary. Two articles that reprint the
 * same wire paragraph share such lines; a publisher's template does not consist of them.
 */
function isReportedFact(text: string): boolean {
  const t = text.trim();
  if (wordCount(t) < 8 || !SENTENCE_END.test(t)) return false;
  const u = unquoted(t);
  return !FIRST_PLURAL.test(u) && !SECOND_PERSON.test(u) && !UI_PHRASES.test(u);
}

/**
 * A line that can show two files are copies of one article: a reported fact, or a long line of
 * third-person running prose (the lines of a hard-wrapped paragraph do not end sentences).
 * Each outlet's own chrome (headlines, bylines, menus, appeals) is not fact-like, so it does
 * not dilute the measure of how much of the story two files share.
 */
function isFactLike(text: string): boolean {
  if (isReportedFact(text)) return true;
  const words = text.match(WORD) ?? [];
  if (words.length < 12) return false;
  const u = unquoted(text);
  if (FIRST_PLURAL.test(u) || SECOND_PERSON.test(u) || UI_PHRASES.test(u)) return false;
  // Running prose is mostly lower-case words; a menu or a title-cased headline is not.
  let lower = 0;
  for (const w of words) if (/^\p{Ll}/u.test(w)) lower++;
  return lower * 2 >= words.length;
}

/**
 * Whether a line repeated in `groups` unrelated file groups (of `corpusGroups` in the corpus)
 * is template text rather than a shared fact.
 */
function isTemplateRepeat(text: string, groups: number, corpusGroups: number): boolean {
  // Anything that does not read as a reported fact (appeals, buttons, footers in the
  // publisher's voice) is a template as soon as two unrelated files share it.
  if (!isReportedFact(text)) return true;
  // A fact-like sentence shared by a few unrelated files is more likely quoted or reprinted copy
  // (a wire paragraph) than a template: it is a template only when it runs through about half
  // the corpus or more, and through at least three unrelated groups.
  return groups >= 3 && groups * 2 >= corpusGroups;
}

/** A file's lines, sliced and normalized once, for the repetition pass and the per-file pass. */
interface FileLines {
  readonly file: SourceFile;
  readonly texts: readonly string[];
  /** `normalizeLine` of each of `texts`. */
  readonly norms: readonly string[];
}

function fileLines(file: SourceFile): FileLines {
  const texts: string[] = [];
  const norms: string[] = [];
  for (const e of file.lineIndex.lines) {
    const t = file.text.slice(e.start, e.end);
    texts.push(t);
    norms.push(normalizeLine(t));
  }
  return { file, texts, norms };
}

/** Lines repeated across unrelated files. */
interface Repetition {
  /** Normalized lines that occur in two or more unrelated file groups, with the number of groups. */
  readonly groups: ReadonlyMap<string, number>;
  /** Unrelated file groups in the corpus (near-duplicate copies of one article count once). */
  readonly corpusGroups: number;
}

/**
 * Normalized lines that occur in two or more unrelated files, with the number of unrelated
 * file groups they occur in. Files that share much of their fact-like text are near-duplicate
 * copies of one article (republished wire copy), not a template; their shared lines are facts,
 * so such files count once (union-find over near-duplicate pairs). Copying is measured over
 * fact-like lines only: the headers, menus and footers each outlet wraps around the story
 * would otherwise dilute it.
 */
function repeatedLines(files: readonly FileLines[]): Repetition {
  const byLine = new Map<string, number[]>();
  const factLike = new Map<string, boolean>();
  const factCount: number[] = [];
  files.forEach((f, fi) => {
    const seen = new Set<string>();
    let facts = 0;
    for (let k = 0; k < f.norms.length; k++) {
      const n = f.norms[k]!;
      if (!n || seen.has(n) || !hasLetters(n)) continue;
      seen.add(n);
      let list = byLine.get(n);
      if (!list) byLine.set(n, (list = []));
      list.push(fi);
      let fact = factLike.get(n);
      if (fact === undefined) factLike.set(n, (fact = isFactLike(f.texts[k]!.trim())));
      if (fact) facts++;
    }
    factCount[fi] = facts;
  });
  // Fact-like lines shared per file pair, from lines shared by few files (a line shared by many
  // files says nothing about two of them being copies).
  const shared = new Map<string, number>();
  for (const [n, list] of byLine) {
    if (list.length < 2 || list.length > 8 || !factLike.get(n)) continue;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]}:${list[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
  }
  const parent = files.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (const [key, n] of shared) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    // Copies: three or more fact-like lines in common, or most of the smaller file's.
    if (n >= 3 || n / Math.max(1, Math.min(factCount[a]!, factCount[b]!)) > 0.6)
      parent[find(a)] = find(b);
  }
  const groups = new Map<string, number>();
  for (const [n, list] of byLine) {
    if (list.length < 2) continue;
    const g = new Set(list.map(find));
    if (g.size >= 2) groups.set(n, g.size);
  }
  return { groups, corpusGroups: new Set(files.map((_, i) => find(i))).size };
}

// ---------------------------------------------------------------------------
// Per-file pass.
// ---------------------------------------------------------------------------

/**
 * A file's line width: a high percentile (p90) of its non-empty line lengths, so one long URL
 * line does not set it. Lines near it may have been broken for width.
 */
function lineWidth(texts: readonly string[]): number {
  const lengths: number[] = [];
  for (const t of texts) {
    const n = t.trimEnd().length;
    if (n > 0) lengths.push(n);
  }
  lengths.sort((x, y) => x - y);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

/** True when most paragraphs of a file are hard-wrapped over several lines. */
function isHardWrapped(texts: readonly string[], width: number): boolean {
  let joins = 0;
  let breaks = 0;
  // Only lines near the file's line width can have been broken for width: short runs of chrome
  // (menus, link lists, table rows) in a file of long paragraphs are not wrapped text.
  for (let i = 0; i + 1 < texts.length; i++) {
    const a = texts[i]!.trim();
    const b = texts[i + 1]!.trim();
    if (
      !a ||
      !b ||
      a.length < 30 ||
      a.length < width * 0.6 ||
      BULLET.test(texts[i + 1]!) ||
      /^\|/u.test(a)
    )
      continue;
    breaks++;
    if (!SENTENCE_END.test(a) && !a.endsWith(':')) joins++;
  }
  return breaks >= 3 && joins / breaks >= 0.4;
}

/**
 * In a hard-wrapped file, the runs of lines that are one wrapped paragraph: a line continues the
 * one before it when that one is long (it was broken for width) and it does not open a bullet.
 * Returns, for every line, the index of the first line of its run.
 */
function wrapRuns(texts: readonly string[], blank: readonly boolean[], width: number): number[] {
  const head = texts.map((_, i) => i);
  for (let i = 1; i < texts.length; i++) {
    if (
      blank[i] ||
      blank[i - 1] ||
      BULLET.test(texts[i]!) ||
      MD_HEADING.test(texts[i]!) ||
      MD_HEADING.test(texts[i - 1]!)
    )
      continue;
    if (texts[i - 1]!.trimEnd().length >= width * 0.6) head[i] = head[i - 1]!;
  }
  return head;
}

function classifyFile(lines: FileLines, repetition: Repetition): ClassifiedLine[] {
  const { file, texts, norms } = lines;
  const { groups: repeated, corpusGroups } = repetition;
  const extents = file.lineIndex.lines;
  const width = lineWidth(texts);
  const wrapped = isHardWrapped(texts, width);
  const blank = texts.map((t) => t.trim() === '');
  const firstNonBlank = blank.indexOf(false);
  const lastNonBlank = blank.lastIndexOf(false);
  const result: { kind: LineKind; reason?: LineReason }[] = texts.map(() => ({ kind: 'content' }));

  // Hard-wrapped paragraphs are judged as a whole: a line of a wrapped sentence is a fragment
  // whose words ("comments.", a quote cut in half) say nothing about it on their own.
  const inRun = new Array<boolean>(texts.length).fill(false);
  if (wrapped) {
    const head = wrapRuns(texts, blank, width);
    for (let i = 0; i < texts.length;) {
      let j = i + 1;
      while (j < texts.length && head[j] === i) j++;
      if (j - i >= 2) {
        const joined = texts
          .slice(i, j)
          .map((t) => t.trim())
          .join(' ');
        const shape = shapeReason(joined.replace(BULLET, ''), false, false);
        let rep = 0;
        let most = 0;
        for (let k = i; k < j; k++) {
          const g = repeated.get(norms[k]!) ?? 0;
          if (g > 0) rep++;
          if (g > most) most = g;
        }
        let r: { kind: LineKind; reason?: LineReason } = { kind: 'content' };
        const runStandalone = (i === 0 || blank[i - 1]!) && (j === texts.length || blank[j]!);
        if (rep * 2 >= j - i && isTemplateRepeat(joined, most, corpusGroups))
          r = { kind: 'boilerplate', reason: 'repeated-across-files' };
        else if (shape && shape.kind === 'boilerplate') r = shape;
        // A title wrapped over two or three lines: set off by blank lines, no sentence end anywhere.
        else if (
          runStandalone &&
          j - i <= 3 &&
          wordCount(joined) <= 24 &&
          !/[.!?…]/u.test(joined.replace(/\b(?:\p{L}\.)+/gu, '')) &&
          /^[\p{Lu}\p{N}"'“‘]/u.test(joined)
        )
          r = { kind: 'heading', reason: 'heading' };
        for (let k = i; k < j; k++) {
          result[k] = r;
          inRun[k] = true;
        }
      }
      i = j;
    }
  }

  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (blank[i]) {
      result[i] = { kind: 'blank', reason: 'blank' };
      continue;
    }
    if (inRun[i]) continue;
    const prevBlank = i === 0 || blank[i - 1]!;
    const nextBlank = i === texts.length - 1 || blank[i + 1]!;
    // In a hard-wrapped file a line inside a paragraph is never a heading on its own.
    // A line that runs on into a next line starting in lower case is the first part of a
    // wrapped sentence, never a heading on its own.
    const runsOn = !nextBlank && !BULLET.test(texts[i + 1]!) && /^\s*\p{Ll}/u.test(texts[i + 1]!);
    const standalone = (wrapped ? prevBlank && nextBlank : true) && !runsOn;
    // The title rule needs a body after the title: a file that is one short paragraph is content.
    const isFirstBlock = i === firstNonBlank && nextBlank && i < lastNonBlank;
    const bullet = BULLET.test(t);
    const shape = shapeReason(
      t.replace(BULLET, ''),
      isFirstBlock && !bullet,
      standalone && !bullet,
      prevBlank && nextBlank && !bullet,
    );
    const groups = repeated.get(norms[i]!) ?? 0;
    if (
      groups >= 2 &&
      isTemplateRepeat(t, groups, corpusGroups) &&
      (!shape || shape.kind !== 'heading' || wordCount(t) > 3)
    ) {
      result[i] = { kind: 'boilerplate', reason: 'repeated-across-files' };
    } else if (shape) {
      result[i] = shape;
    }
  }

  // Runs of three or more very short lines without sentence punctuation are menus or option lists.
  for (let i = 0; i < texts.length;) {
    let j = i;
    while (
      j < texts.length &&
      !blank[j] &&
      wordCount(texts[j]!) <= 3 &&
      !SENTENCE_END.test(texts[j]!.trim())
    )
      j++;
    if (j - i >= 3)
      for (let k = i; k < j; k++)
        if (result[k]!.kind !== 'boilerplate')
          result[k] = { kind: 'boilerplate', reason: 'navigation' };
    i = Math.max(j, i + 1);
  }

  // Indented short lines after a paragraph that runs on into them ("… These are" / "  mitigation")
  // are the items of a list that finishes the sentence, not a menu.
  for (let i = 0; i < texts.length;) {
    if (
      blank[i] ||
      !/^\s+\S/u.test(texts[i]!) ||
      (i > 0 && !blank[i - 1] && /^\s+\S/u.test(texts[i - 1]!))
    ) {
      i++;
      continue;
    }
    let j = i;
    while (j < texts.length && !blank[j] && /^\s+\S/u.test(texts[j]!)) j++;
    let p = i - 1;
    while (p >= 0 && blank[p]) p--;
    const lead = p >= 0 ? texts[p]!.trim() : '';
    if (
      p >= 0 &&
      p >= i - 2 &&
      result[p]!.kind === 'content' &&
      wordCount(lead) > 8 &&
      (lead.endsWith(':') || !SENTENCE_END.test(lead))
    )
      for (let k = i; k < j; k++)
        if (result[k]!.reason === 'navigation') result[k] = { kind: 'content' };
    i = j;
  }

  // A short line inside a block of boilerplate lines (no blank line between) belongs to that block.
  for (let i = 1; i + 1 < texts.length; i++) {
    if (result[i]!.kind !== 'content' || wordCount(texts[i]!) > 8) continue;
    const before = result[i - 1]!;
    const after = result[i + 1]!;
    if (before.kind === 'boilerplate' && after.kind === 'boilerplate')
      result[i] = {
        kind: 'boilerplate',
        reason: before.reason === 'navigation' ? 'navigation' : 'call-to-action',
      };
  }

  // A cross-promotion label ("Related:") carries the link list under it.
  for (let i = 0; i < texts.length; i++) {
    if (result[i]!.reason !== 'cross-promotion') continue;
    for (let k = i + 1; k < texts.length && !blank[k]; k++) {
      const t = readerText(texts[k]!.replace(BULLET, ''));
      if (wordCount(t) > 16 || /[.!…]["'”’)]*$/u.test(t)) break;
      result[k] = { kind: 'boilerplate', reason: 'cross-promotion' };
    }
  }

  // The author's bio: a paragraph about a person the header bylines ("By Jane Roe", "Jane Roe,
  // Correspondent"), or the paragraph under an "About the author" label.
  const firstBody = texts.findIndex(
    (t, k) => result[k]!.kind === 'content' && wordCount(t) >= 12 && SENTENCE_END.test(t.trim()),
  );
  const authors = new Set<string>();
  for (let k = 0; k < (firstBody < 0 ? texts.length : firstBody); k++) {
    if (blank[k]) continue;
    const t = readerText(texts[k]!).replace(/^(?:by|written by|words by|story by)\s+/iu, '');
    const head = t.split(/\s*(?:[|,·•—–]|\s-\s|\bin\b|\band\b)\s*/u)[0] ?? '';
    const names = head.match(
      /^(?:\p{Lu}[\p{Ll}'’-]+\s+){0,1}(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)$/u,
    );
    if (names && wordCount(t) <= 12) authors.add(names[1]!.toLowerCase());
  }
  const BIO_VERB =
    /^(?:is|was|writes|covers|reports|reported|has|joined|previously|served|works|worked)\b/iu;
  for (let k = 0; k < texts.length; k++) {
    if (result[k]!.kind !== 'content') continue;
    const t = readerText(texts[k]!);
    const m = /^(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)\s+(.*)$/u.exec(t);
    if (!m || !authors.has(m[1]!.toLowerCase()) || !BIO_VERB.test(m[2]!) || wordCount(t) > 60)
      continue;
    for (let q = k; q < texts.length && !blank[q] && result[q]!.kind === 'content'; q++)
      result[q] = { kind: 'boilerplate', reason: 'byline' };
  }
  for (let k = 0; k < texts.length; k++) {
    if (
      blank[k] ||
      !/^about the (?:authors?|writers?|reporters?|contributors?)\s*:?$/iu.test(
        readerText(texts[k]!),
      )
    )
      continue;
    result[k] = { kind: 'boilerplate', reason: 'byline' };
    let q = k + 1;
    while (q < texts.length && blank[q]) q++;
    for (; q < texts.length && !blank[q] && wordCount(texts[q]!) <= 80; q++)
      result[q] = { kind: 'boilerplate', reason: 'byline' };
  }

  // Paragraphs enclosed by appeal lines that speak in the publisher's voice are part of the appeal.
  const isAppealish = (k: number) => {
    const r = result[k]!;
    return (
      r.kind === 'boilerplate' &&
      (r.reason === 'call-to-action' || r.reason === 'repeated-across-files')
    );
  };
  const nonBlank = texts.map((_, k) => k).filter((k) => !blank[k]);
  for (let a = 0; a < nonBlank.length; a++) {
    if (!isAppealish(nonBlank[a]!)) continue;
    let b = a + 1;
    while (b < nonBlank.length && result[nonBlank[b]!]!.kind === 'content') b++;
    if (b === a + 1 || b >= nonBlank.length || !isAppealish(nonBlank[b]!)) continue;
    const run = nonBlank.slice(a + 1, b);
    const voiced = run.filter(
      (k) => FIRST_PLURAL.test(unquoted(texts[k]!)) || SECOND_PERSON.test(unquoted(texts[k]!)),
    ).length;
    if (voiced * 2 >= run.length)
      for (const k of run) result[k] = { kind: 'boilerplate', reason: 'call-to-action' };
  }

  return extents.map((e, i) => {
    const r = result[i]!;
    const line: ClassifiedLine = {
      number: i + 1,
      start: e.start,
      end: e.end,
      text: texts[i]!,
      kind: r.kind,
    };
    return r.reason && r.kind !== 'content' ? { ...line, reason: r.reason } : line;
  });
}

/**
 * Classifies every line of every file as content, heading, boilerplate or blank, with a reason
 * for each non-content line. Uses the line's shape and repetition across files (boilerplate
 * detection in the spirit of Kohlschütter et al., "Boilerplate Detection using Shallow Text
 * Features", WSDM 2010: short lines, link/UI vocabulary and template repetition mark boilerplate).
 */
export function classifyLines(files: readonly SourceFile[]): LineTable {
  const prepared = files.map(fileLines);
  const repetition = repeatedLines(prepared);
  const table = new Map<string, readonly ClassifiedLine[]>();
  for (const f of [...prepared].sort((a, b) => compareIds(a.file.id, b.file.id))) {
    let lines: ClassifiedLine[];
    try {
      lines = classifyFile(f, repetition);
    } catch (error) {
      // One file the rules cannot handle must not take the corpus (or the service) down: it is
      // kept, with its lines unjudged and out of summaries, and the failure is reported.
      console.warn(
        `citesum: could not classify the lines of ${f.file.id}; its lines are left out of summaries:`,
        error,
      );
      lines = unjudgedLines(f);
    }
    table.set(f.file.id, lines);
  }
  return table;
}

/** A file's lines when classification failed: blank lines blank, every other line kept out of summaries. */
function unjudgedLines({ file, texts }: FileLines): ClassifiedLine[] {
  return file.lineIndex.lines.map((e, i) => {
    const text = texts[i]!;
    return text.trim() === ''
      ? { number: i + 1, start: e.start, end: e.end, text, kind: 'blank', reason: 'blank' }
      : {
          number: i + 1,
          start: e.start,
          end: e.end,
          text,
          kind: 'boilerplate',
          reason: 'fragment',
        };
  });
}
