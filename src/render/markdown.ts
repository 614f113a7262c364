import type { Citation } from '../../schemas/citation.js';
import type { StorySummary, Summary } from '../../schemas/summary.js';
import { escapeMarkdown } from './markdown-escape.js';

/**
 * Markdown rendering of summaries, shared by the CLI and the HTTP `text/markdown` answers.
 *
 * Each sentence is its own paragraph (a blank line apart), followed by footnote markers, one per
 * citation. Paragraphs, not a list and not one sentence per line: GitHub renders a single line
 * break inside a paragraph as a space in files (and as `<br>` only in comments), so consecutive
 * lines run together; a blank line separates them the same way in every CommonMark renderer,
 * and the summary stays prose, as it reads in the JSON and on the page, rather than bullet points.
 *
 * There is one footnote per distinct citation (file, lines, offsets and quote): identical
 * citations share a footnote, so a fact stated in two files shows two markers and each source
 * once, while two different quotes from one line get two footnotes. A footnote names
 * `file:lines`, the offsets and the quote, so each tells its source apart and can be checked.
 */
/** `file:line` or `file:start-end`: how a citation is named in footnotes and on the spot-check page's markers. */
export function citationLabel(c: Pick<Citation, 'file' | 'lines'>): string {
  return c.lines.start === c.lines.end
    ? `${c.file}:${c.lines.start}`
    : `${c.file}:${c.lines.start}-${c.lines.end}`;
}

/** Collapses whitespace (sentences may span lines) and escapes only what Markdown would misread. */
const inline = (text: string): string => escapeMarkdown(text);

/**
 * The text of a citation's footnote: `file:lines, offsets start–end: “quote”`.
 *
 * @example
 * footnoteText(c) // 'a.txt:3, offsets 10–31: “The ferry runs daily.”'
 */
export function footnoteText(c: Citation): string {
  return `${inline(citationLabel(c))}, offsets ${c.offsets.start}–${c.offsets.end}: “${inline(c.quote)}”`;
}

/** Numbers footnotes across everything rendered into one document, one per distinct citation. */
class Footnotes {
  readonly #numbers = new Map<string, number>();
  readonly #lines: string[] = [];

  marker(c: Citation): string {
    const key = JSON.stringify([
      c.file,
      c.lines.start,
      c.lines.end,
      c.offsets.start,
      c.offsets.end,
      c.quote,
    ]);
    let n = this.#numbers.get(key);
    if (n === undefined) {
      n = this.#numbers.size + 1;
      this.#numbers.set(key, n);
      this.#lines.push(`[^${n}]: ${footnoteText(c)}`);
    }
    return `[^${n}]`;
  }

  render(): string {
    return this.#lines.join('\n');
  }
}

function summaryTitle(summary: Summary): string {
  if (summary.topic) return summary.topic.label;
  if (summary.query) return `Summary for “${summary.query}”`;
  return 'Summary';
}

function summaryBody(summary: Summary, notes: Footnotes): string {
  if (summary.sentences.length === 0) return '_No sentences to summarize._';
  return summary.sentences
    .map((s) => inline(s.text) + s.citations.map((c) => notes.marker(c)).join(''))
    .join('\n\n');
}

/** Options of the Markdown renderers. */
export interface MarkdownOptions {
  /** Level of the summary headings (default 1 for one summary, 2 under a document title). */
  headingLevel?: number;
}

/**
 * One summary as Markdown: a heading (the topic label, the query, or "Summary"), one
 * paragraph per sentence with its footnote markers, and the footnotes.
 *
 * @example
 * renderSummaryMarkdown(summary)
 * // # calls on WhatsApp and Telegram restricted
 * //
 * // Russia restricted calls on WhatsApp and Telegram.[^1][^2]
 * //
 * // The watchdog cited criminal activity.[^3]
 * //
 * // [^1]: 003_2772de2c2eaa7074.txt:3, offsets 0–50: “Russia restricted calls on WhatsApp and Telegram.”
 * // …
 */
export function renderSummaryMarkdown(summary: Summary, options: MarkdownOptions = {}): string {
  const notes = new Footnotes();
  const hashes = '#'.repeat(options.headingLevel ?? 1);
  const body = summaryBody(summary, notes);
  const footnotes = notes.render();
  return `${hashes} ${escapeMarkdown(summaryTitle(summary), true)}\n\n${body}\n${footnotes ? `\n${footnotes}\n` : ''}`;
}

/**
 * Stories with their facets as one Markdown document: a title, optionally a lead summary (e.g. of
 * all the documents), then each story under a second-level heading with its summary and each of
 * its facets under a third-level heading; footnotes numbered across the document, at the end.
 */
export function renderStoriesMarkdown(
  stories: readonly StorySummary[],
  title: string,
  lead?: Summary,
): string {
  const notes = new Footnotes();
  const parts: string[] = [`# ${escapeMarkdown(title, true)}`];
  if (lead) parts.push(summaryBody(lead, notes));
  if (stories.length === 0) parts.push('_No stories found._');
  for (const story of stories) {
    parts.push(`## ${escapeMarkdown(summaryTitle(story), true)}\n\n${summaryBody(story, notes)}`);
    for (const facet of story.facets)
      parts.push(
        `### ${escapeMarkdown(summaryTitle(facet), true)}\n\n${summaryBody(facet, notes)}`,
      );
  }
  const footnotes = notes.render();
  if (footnotes) parts.push(footnotes);
  return parts.join('\n\n') + '\n';
}
