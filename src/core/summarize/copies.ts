import type { Citation } from '../../../schemas/citation.js';
import type { DocumentInfo } from '../../../schemas/document.js';
import type { ClassifiedLine, LineTable } from '../classify/index.js';
import type { SourceFile } from '../corpus/index.js';
import type { HrefFor } from '../hrefs.js';
import type { Sentence } from '../segment/index.js';

/** What finding the copies of a sentence reads of a model. */
export interface CopyContext {
  readonly byId: ReadonlyMap<string, SourceFile>;
  readonly lines: LineTable;
  readonly documentsById: ReadonlyMap<string, DocumentInfo>;
  readonly hrefFor: HrefFor;
}

/**
 * The citations of a sentence's copies: in each file that copies the sentence's lines (`copies`
 * of its document), the duplicate lines that point to them, in corpus order. Where the copied
 * lines are the same text as the original's, the citation is the sentence's exact span in the
 * copy; where they differ in case or spacing only, it is the copied lines whole. Either way the
 * quote is exactly the copy's text between the offsets, so every citation re-checks.
 */
export function copyCitations(s: Sentence, ctx: CopyContext): Citation[] {
  const copies = ctx.documentsById.get(s.file)?.copies;
  if (!copies || copies.length === 0) return [];
  const original = ctx.lines.get(s.file);
  if (!original) return [];
  const out: Citation[] = [];
  for (const file of copies) {
    const source = ctx.byId.get(file);
    const lines = ctx.lines.get(file);
    if (!source || !lines) continue;
    const at = copiedLines(lines, s);
    if (!at) continue;
    const first = lines[at.start - 1]!;
    const last = lines[at.end - 1]!;
    const o1 = original[s.lines.start - 1]!;
    const o2 = original[s.lines.end - 1]!;
    let start = first.start;
    let end = last.end;
    if (first.text === o1.text && last.text === o2.text) {
      const a = first.start + (s.offsets.start - o1.start);
      const b = last.start + (s.offsets.end - o2.start);
      if (source.text.slice(a, b) === s.quote) [start, end] = [a, b];
    }
    out.push({
      file,
      sha256: source.sha256,
      lines: at,
      offsets: { start, end },
      quote: source.text.slice(start, end),
      href: ctx.hrefFor(file, at),
    });
  }
  return out;
}

/**
 * The lines of a copy that hold the sentence: one duplicate line pointing to each of the
 * sentence's original lines that holds text, in the same order. Undefined when the copy lacks one.
 */
function copiedLines(
  lines: readonly ClassifiedLine[],
  s: Sentence,
): { start: number; end: number } | undefined {
  const at = new Map<number, number>();
  for (const l of lines)
    if (l.kind === 'duplicate' && l.original?.file === s.file && !at.has(l.original.line))
      at.set(l.original.line, l.number);
  const first = at.get(s.lines.start);
  const last = at.get(s.lines.end);
  if (first === undefined || last === undefined || last < first) return undefined;
  return { start: first, end: last };
}
