/**
 * Escaping text for CommonMark (and the GFM extensions the answers use: footnotes, strikethrough,
 * autolinks), escaping only what a parser would otherwise read as markup, so that the answer reads
 * as written and parses back to the same text: `__proto__` is `\_\_proto\_\_` (strong emphasis
 * otherwise), `snake_case` stays as it is (an underscore inside a word never delimits), `2 * 3`
 * stays (a lone star between spaces delimits nothing). CommonMark 0.31 §2.4 (backslash escapes),
 * §6.2 (emphasis: left- and right-flanking delimiter runs), §4 (block starts).
 */

/** Unicode punctuation as CommonMark counts it for flanking: general categories P and S. */
const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;
/** ASCII punctuation: the characters a backslash escapes. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/u;
/** A character or entity reference, which a parser would decode (`&amp;`, `&#35;`, `&#x1F600;`). */
const REFERENCE = /^&(?:#\d{1,7};|#[xX][\dA-Fa-f]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/u;

type Side = 'space' | 'punct' | 'other';

function side(ch: string | undefined): Side {
  if (ch === undefined || SPACE.test(ch)) return 'space';
  return PUNCTUATION.test(ch) ? 'punct' : 'other';
}

/**
 * Whether a run of `*`, `_` or `~` between `before` and `after` can open or close emphasis
 * (strikethrough): it is left- or right-flanking, and for `_` not inside a word.
 */
function delimits(char: string, before: string | undefined, after: string | undefined): boolean {
  const b = side(before);
  const a = side(after);
  const left = a !== 'space' && (a !== 'punct' || b !== 'other');
  const right = b !== 'space' && (b !== 'punct' || a !== 'other');
  if (char === '_')
    return (left && (!right || b === 'punct')) || (right && (!left || a === 'punct'));
  return left || right;
}

/** Escapes the inline constructs of one line of text (see the module comment). */
function escapeInline(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '*' || c === '_' || c === '~') {
      let j = i;
      while (text[j] === c) j++;
      const run = text.slice(i, j);
      out += delimits(c, text[i - 1], text[j]) ? run.replaceAll(c, `\\${c}`) : run;
      i = j;
      continue;
    }
    if (c === '\\') {
      // A backslash escapes the ASCII punctuation after it (and ends a line as a hard break).
      const next = text[i + 1];
      out += next === undefined || ASCII_PUNCTUATION.test(next) ? '\\\\' : '\\';
    } else if (c === '`' || c === '[') out += `\\${c}`;
    else if (c === '<') out += /[A-Za-z/!?]/u.test(text[i + 1] ?? '') ? '\\<' : '<';
    else if (c === '&') out += REFERENCE.test(text.slice(i)) ? '\\&' : '&';
    else out += c;
    i++;
  }
  return out;
}

/**
 * Escapes what would open a block at the start of a line: an ATX heading (`# `), a block quote
 * (`>`), a list item (`- `, `+ `, `* `, `1. `, `1) `), a thematic break (`---`), a code fence.
 */
function escapeLineStart(line: string): string {
  if (/^#{1,6}(?:\s|$)/u.test(line) || /^[>+*-](?:\s|$)/u.test(line)) return `\\${line}`;
  if (/^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|~{3,}.*)$/u.test(line))
    return `\\${line}`;
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/u.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return line;
}

/**
 * Text as one line of CommonMark that renders as the text: whitespace collapsed, then escaped
 * where a parser would read markup. `heading`: the line follows `# `, where a trailing run of `#`
 * after a space would close the heading.
 * @example
 * escapeMarkdown('Avoid __proto__ keys in snake_case maps') // 'Avoid \\_\\_proto\\_\\_ keys in snake_case maps'
 */
export function escapeMarkdown(text: string, heading = false): string {
  const line = escapeLineStart(escapeInline(text.replace(/\s+/gu, ' ').trim()));
  return heading ? line.replace(/(^|\s)(#+)$/u, '$1\\$2') : line;
}
