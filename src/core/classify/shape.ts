import type { LineKind, LinePointer, LineReason } from '../../../schemas/document.js';
import { SENTENCE_END } from './line-shapes.js';
import {
  BYLINE,
  CAPTION_CREDIT,
  CREDIT_LINE,
  CROSS_PROMO,
  CRUMB_SEPARATOR,
  EMAIL,
  hasLetters,
  INNER_SENTENCE_END,
  LEGAL,
  lineWordCount,
  MD_HEADING,
  MEDIA_LABEL,
  MEDIA_PROMPT,
  NEWS_DATELINE,
  PAREN_CREDIT,
  PHOTO,
  RIGHTS,
  SALUTATION,
  SLUG,
  STAMP_BYLINE,
  UI_IMPERATIVE,
  UI_PHRASES,
  URL_LINE,
  WEEKDAY_OR_MONTH,
} from './vocabulary.js';
import { hasReaderPrompt, isAppealVoice, isShortLine } from './appeals.js';

/**
 * Shape rules: what a single line is, judged by its own form (length, punctuation, person of
 * address, web-UI vocabulary, Markdown marks), before repetition and neighbours are considered.
 */

/** A line's verdict: its kind and, unless content, why (and, for a duplicate, its original). */
export interface Verdict {
  kind: LineKind;
  reason?: LineReason;
  original?: LinePointer;
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
  return lineWordCount(rest) === 0;
}

/** A dateline on its own line: an upper-case place name, a date, perhaps an agency, a dash. */
function isNewsDateline(text: string, words: number): boolean {
  if (words === 0 || words > 10) return false;
  const m = NEWS_DATELINE.exec(text);
  if (!m) return false;
  const rest = m[1] ?? '';
  return rest === '' ? /[-–—]\s*$/u.test(text) : isDateline(rest, lineWordCount(rest));
}

/** A breadcrumb or section trail: two or more short segments joined by separators, no sentence. */
function isCrumbTrail(text: string): boolean {
  if (SENTENCE_END.test(text)) return false;
  const parts = text
    .split(new RegExp(CRUMB_SEPARATOR.source, 'gu'))
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 && parts.every((p) => lineWordCount(p) <= 4);
}

function isPhotoCredit(text: string, words: number): boolean {
  const t = text.trim();
  // A caption whose last few words credit the photographer or agency.
  const credit = CAPTION_CREDIT.exec(t);
  if (credit && words <= 45 && lineWordCount(t.slice(credit.index)) <= 9 && !/[.!?…]$/u.test(t))
    return true;
  if (words > 10 || SENTENCE_END.test(t)) return false;
  if (/^!\[[^\]]*\]\([^)]*\)$/u.test(t)) return true;
  if (
    /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*\/\s*[\p{Lu}][\p{L}\p{N} .&'’-]*$/u.test(t)
  )
    return true;
  return PHOTO.test(t);
}

/** A Markdown link or image: `[text](target)`, `![alt](src)`. */
export const MD_LINK = /!?\[([^\]]*)\]\([^)]*\)/gu;
/** The text a reader sees in a Markdown line: emphasis markers, block-quote marks and link targets dropped. */
export function readerText(text: string): string {
  return text
    .replace(/^\s*(?:>\s*)+/u, '')
    .replace(MD_LINK, '$1')
    .replace(/(\*{1,3}|_{1,3})(?=\S)([^*_]*?\S)\1(?![\p{L}\p{N}])/gu, '$2')
    .replace(/^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$/gu, '')
    .trim();
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

/** Where a line stands, as the shape rules read it. */
export interface LinePlace {
  /** The file's first paragraph (a title candidate). */
  readonly firstBlock?: boolean;
  /** Not part of a wrapped paragraph. */
  readonly standalone?: boolean;
  /** Blank lines on both sides. */
  readonly isolated?: boolean;
  /** A line next to it (blank lines skipped) is boilerplate. */
  readonly nearBoilerplate?: boolean;
}

/**
 * Why a passage is not content, judged by what it says: credits, legal and rights notices,
 * e-mail and URL lines, cross-promotion, salutations, web-UI prompts, appeals in the publisher's
 * voice, bylines, photo credits and datelines. `t` is the text a reader sees (`readerText`),
 * `words` its word count, `short` whether it is short enough for the rules of notices, promotions
 * and appeals (`isShortLine`: a paragraph of several sentences past that is prose). These rules
 * read a line of plain text and a whole block of Markdown or HTML alike; the rules of form (a
 * heading's shape, capitals, a short first paragraph) read plain text only, since a marked-up
 * document says what its headings are.
 */
export function vocabularyReason(
  t: string,
  words: number,
  short: boolean,
): Required<Omit<Verdict, 'original'>> | undefined {
  if (MEDIA_LABEL.test(t) && words <= 40) return { kind: 'boilerplate', reason: 'photo-credit' };
  if (MEDIA_PROMPT.test(t) && words <= 40) return { kind: 'boilerplate', reason: 'call-to-action' };
  if (PAREN_CREDIT.test(t) && words <= 45) return { kind: 'boilerplate', reason: 'photo-credit' };
  if (CREDIT_LINE.test(t) && words <= 30) return { kind: 'boilerplate', reason: 'byline' };
  if (LEGAL.test(t) && short) return { kind: 'boilerplate', reason: 'navigation' };
  if (EMAIL.test(t) && words <= 25) return { kind: 'boilerplate', reason: 'call-to-action' };
  if (URL_LINE.test(t) || SLUG.test(t)) return { kind: 'boilerplate', reason: 'url' };
  if (CROSS_PROMO.test(t) && short) return { kind: 'boilerplate', reason: 'cross-promotion' };
  if (SALUTATION.test(t) && words <= 5) return { kind: 'boilerplate', reason: 'call-to-action' };
  if (isUiPrompt(t, words))
    return {
      kind: 'boilerplate',
      reason: words <= 4 && !UI_PHRASES.test(t) ? 'navigation' : 'call-to-action',
    };
  if (short && (isAppealVoice(t, words) || hasReaderPrompt(t)))
    return { kind: 'boilerplate', reason: 'call-to-action' };
  if (
    ((BYLINE.test(t) && words <= 10) || (STAMP_BYLINE.test(t) && words <= 12)) &&
    !SENTENCE_END.test(t)
  )
    return { kind: 'boilerplate', reason: 'byline' };
  if (isPhotoCredit(t, words)) return { kind: 'boilerplate', reason: 'photo-credit' };
  if (isDateline(t, words) || isNewsDateline(t, words))
    return { kind: 'boilerplate', reason: 'dateline' };
  if (RIGHTS.test(t) && words <= 20) return { kind: 'boilerplate', reason: 'navigation' };
  if (isCrumbTrail(t)) return { kind: 'boilerplate', reason: 'navigation' };
  return undefined;
}

/**
 * Why a single line is not content, judged by its own shape alone, or undefined (content). The
 * vocabulary rules (appeals, prompts, promotions, notices) judge short lines only, and read the
 * person of address outside quotations.
 */
export function shapeReason(
  raw: string,
  place: LinePlace = {},
): Required<Omit<Verdict, 'original'>> | undefined {
  const {
    firstBlock: isFirstBlock = false,
    standalone = false,
    isolated = false,
    nearBoilerplate = false,
  } = place;
  const md = raw.trim();
  // A Markdown image, or a line that is nothing but links (share buttons, link lists).
  if (/^!\[[^\]]*\]\([^)]*\)$/u.test(md)) return { kind: 'boilerplate', reason: 'photo-credit' };
  if (/\]\(/u.test(md) && !hasLetters(md.replace(MD_LINK, ' ')))
    return { kind: 'boilerplate', reason: 'navigation' };
  const t = readerText(md);
  const words = lineWordCount(t);
  const short = isShortLine(t, words, nearBoilerplate);
  if (!hasLetters(t)) return { kind: 'boilerplate', reason: 'navigation' };
  const said = vocabularyReason(t, words, short);
  if (said) return said;
  if (MD_HEADING.test(md) || (standalone && isHeadingShape(t, words)))
    return { kind: 'heading', reason: 'heading' };
  if (isAllCaps(t, words)) return { kind: 'heading', reason: 'heading' };
  // A question on a line of its own between blank lines; one inside a block of prompts is a prompt.
  if (isolated && isQuestionHeading(t, words)) return { kind: 'heading', reason: 'heading' };
  // A file's title: a short first paragraph set off by a blank line, starting in lower case or
  // ending in initials ("… in the U.S."). One that ends a sentence is the lead of an article saved
  // without its headline: a sentence the reader wrote, kept.
  if (
    isFirstBlock &&
    standalone &&
    words <= 20 &&
    !/[,;:]$/u.test(t) &&
    !INNER_SENTENCE_END.test(t) &&
    !SENTENCE_END.test(t.replace(/(?:\b\p{Lu}\.)+$/u, ''))
  )
    return { kind: 'heading', reason: 'heading' };
  if (words <= 3 && /^\p{Ll}/u.test(t) && !SENTENCE_END.test(t))
    return { kind: 'boilerplate', reason: 'navigation' };
  return undefined;
}
