import type { Citation } from '../../schemas/citation.js';
import type { StorySummary, Summary } from '../../schemas/summary.js';

/**
 * Markdown rendering of summaries, shared by the CLI and the HTTP `text/markdown` answers:
 * each sentence is followed by footnote markers, one per citation, and the footnotes name
 * `file:lines` (`file:3` for one line, `file:3-5` for a range). Identical citations share
 * one footnote, so a fact stated in two files shows two markers and each source once.
 */

/** `file:line` or `file:start-end`: how a citation is named in footnotes and on the spot-check page's markers. */
export function citationLabel(c: Pick<Citation, 'file' | 'lines'>): string {
  return c.lines.start === c.lines.end
    ? `${c.file}:${c.lines.start}`
    : `${c.file}:${c.lines.start}-${c.lines.end}`;
}

/** Collapses whitespace (sentences may span lines) and escapes what Markdown would misread. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*[\]<>])/g, '\\$1')
    .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\\_'))
    .replace(/^([#>+-]|\d+\.)(\s)/, '\\$1$2');
}

/** Numbers footnotes across everything rendered into one document. */
class Footnotes {
  readonly #numbers = new Map<string, number>();
  readonly #lines: string[] = [];

  marker(c: Citation): string {
    const key = citationLabel(c);
    let n = this.#numbers.get(key);
    if (n === undefined) {
      n = this.#numbers.size + 1;
      this.#numbers.set(key, n);
      this.#lines.push(`[^${n}]: ${inline(key)}`);
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
    .join('\n');
}

/** Options of the Markdown renderers. */
export interface MarkdownOptions {
  /** Level of the summary headings (default 1 for one summary, 2 under a document title). */
  headingLevel?: number;
}

/**
 * One summary as Markdown: a heading (the topic label, the query, or "Summary"), one
 * sentence per line with its footnote markers, and the footnotes.
 *
 * @example
 * renderSummaryMarkdown(summary)
 * // # calls on WhatsApp and Telegram restricted
 * //
 * // Russia restricted calls on WhatsApp and Telegram.[^1][^2]
 * //
 * // [^1]: 003_2772de2c2eaa7074.txt:3
 * // [^2]: 002_90d0f9c44a687009.txt:5
 */
export function renderSummaryMarkdown(summary: Summary, options: MarkdownOptions = {}): string {
  const notes = new Footnotes();
  const hashes = '#'.repeat(options.headingLevel ?? 1);
  const body = summaryBody(summary, notes);
  const footnotes = notes.render();
  return `${hashes} ${inline(summaryTitle(summary))}\n\n${body}\n${footnotes ? `\n${footnotes}\n` : ''}`;
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
  const parts: string[] = [`# ${inline(title)}`];
  if (lead) parts.push(summaryBody(lead, notes));
  if (stories.length === 0) parts.push('_No stories found._');
  for (const story of stories) {
    parts.push(`## ${inline(summaryTitle(story))}\n\n${summaryBody(story, notes)}`);
    for (const facet of story.facets)
      parts.push(`### ${inline(summaryTitle(facet))}\n\n${summaryBody(facet, notes)}`);
  }
  const footnotes = notes.render();
  if (footnotes) parts.push(footnotes);
  return parts.join('\n\n') + '\n';
}
