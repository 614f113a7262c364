import type { LineReason } from '../../../schemas/document.js';
import type { SourceFile } from '../corpus/index.js';
import { type LineLabel, lineKinds, type ParsedDocument } from '../parse/index.js';
import { blockUnits, unitVerdicts } from './block-verdicts.js';
import type { FileLines } from './repetition.js';
import type { Verdict } from './shape.js';
import { normalizeLine } from './vocabulary.js';

/**
 * How the line rules read a Markdown or HTML file. A line that holds text of a content block
 * (prose: paragraphs, list items, block quotes, an article's text) is judged by the same shape,
 * repetition and neighbour rules as a line of plain text, on what a reader sees on it: its
 * rendered text, markup removed (a list item's first line keeps a `- ` marker, so the rules that
 * know list items read it as one). Every other line takes its verdict from the block it belongs
 * to (code, table, badge, heading, script, cookie banner, …) and is shown to the rules as a
 * blank line: a boundary between paragraphs, never a line to judge or to count as repeated.
 *
 * Structure decides (`block-verdicts.ts`): a content line is never judged by its own shape. Its
 * shape verdict is its block's, judged on the whole block's text (between hard breaks): a line is
 * boilerplate by what it says only when all the text on it is; repetition across files still
 * reads each line.
 */

/**
 * A line that marks an admonition rather than saying anything: a container directive's fence
 * (`:::tip Note`, `::: warning`, `:::` — Docusaurus, VitePress and the generic directives
 * proposal) or a GitHub alert's marker (`> [!NOTE]`). CommonMark reads them as paragraph text; a
 * reader sees a box and its title, not a sentence.
 */
const ADMONITION_MARKER =
  /^ {0,3}(?::{3,}[ \t]*(?:[\w-]+(?:[ \t[{].*)?)?|(?:>[ \t]*)+\[![A-Za-z]+\])[ \t]*$/u;

/** A rendered unit a reader sees as a character (not whitespace). */
function isVisible(code: number): boolean {
  return code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 0xa0;
}

/** The parse's reasons are line reasons (the schema's enum lists every one). */
function lineReason(reason: NonNullable<LineLabel['reason']>): LineReason {
  return reason;
}

/** The verdict of a line from the block covering most of it (as `lineKinds` labels it). */
function verdictOf(label: LineLabel): Verdict {
  if (label.kind === 'blank') return { kind: 'blank', reason: 'blank' };
  // A line inside a content block that shows none of its text (`<p>` alone on a line).
  if (label.kind === 'content') return { kind: 'boilerplate', reason: 'markup' };
  return { kind: label.kind, reason: lineReason(label.reason ?? 'markup') };
}

/**
 * The rendered text of every line that holds content (`''` elsewhere), and the verdict the
 * blocks give every other line.
 */
function renderedLines(
  file: SourceFile,
  doc: ParsedDocument,
): {
  texts: string[];
  fixed: (Verdict | undefined)[];
  shapes: (Verdict | undefined)[];
  runs: number[];
} {
  const extents = file.lineIndex.lines;
  const parts: string[][] = extents.map(() => []);
  const visible = new Array<boolean>(extents.length).fill(false);
  // Per line: the verdict of the first block judged boilerplate on it, and whether a block
  // judged content shows text on it (which keeps the line content).
  const said = new Array<Verdict | undefined>(extents.length);
  const prose = new Array<boolean>(extents.length).fill(false);
  // Per line: the unit (a block's text between hard breaks) its first visible character belongs
  // to, numbered across the file; lines of one unit are one paragraph to the repetition rule.
  const unitOfLine = new Array<number>(extents.length).fill(-1);
  let units = 0;
  let line = 0;
  for (const block of doc.blocks) {
    if (!block.content) continue;
    const { text, sourceStart } = block;
    const verdictAt = unitVerdicts(block);
    const { ends } = blockUnits(block);
    let u = 0;
    let last = -1;
    for (let k = 0; k < text.length; k++) {
      const at = sourceStart[k]!;
      while (line + 1 < extents.length && extents[line]!.next <= at) line++;
      const code = text.charCodeAt(k);
      const out = parts[line]!;
      if (last !== line) {
        // A new block, or the block's text moved on to the next line.
        if (out.length > 0) out.push(' ');
        if (k === 0 && block.kind === 'list-item') out.push('- ');
        last = line;
      }
      // Hard breaks and tabs read as spaces: a line's text never holds a line break.
      out.push(code === 10 || code === 9 || code === 13 ? ' ' : text[k]!);
      while (u + 1 < ends.length && ends[u]! <= k) u++;
      if (isVisible(code)) {
        if (unitOfLine[line] === -1) unitOfLine[line] = units + u;
        visible[line] = true;
        const verdict = verdictAt(k);
        if (!verdict) prose[line] = true;
        else said[line] ??= verdict;
      }
    }
    units += ends.length;
  }
  const labels = lineKinds(
    file.text,
    doc.blocks,
    extents.map((e) => e.start),
  );
  const texts: string[] = [];
  const fixed: (Verdict | undefined)[] = [];
  const shapes = said.map((v, i) => (prose[i] ? undefined : v));
  const runs = unitOfLine.map((_, i) => i);
  for (let i = 1; i < runs.length; i++)
    if (unitOfLine[i]! >= 0 && unitOfLine[i] === unitOfLine[i - 1]) runs[i] = runs[i - 1]!;
  extents.forEach((e, i) => {
    const raw = file.text.slice(e.start, e.end);
    const blank = raw.trim() === '';
    if (visible[i] && !blank && ADMONITION_MARKER.test(raw)) {
      texts.push('');
      fixed.push({ kind: 'boilerplate', reason: 'markup' });
    } else if (visible[i] && !blank) {
      texts.push(parts[i]!.join('').trimEnd());
      fixed.push(undefined);
    } else {
      texts.push('');
      fixed.push(blank ? { kind: 'blank', reason: 'blank' } : verdictOf(labels[i]!));
    }
  });
  return { texts, fixed, shapes, runs };
}

/**
 * A Markdown or HTML file's lines as the classifier's passes read them (see the module comment):
 * rendered text on content lines, `''` on the others, whose verdicts are `fixed`. `titled` when
 * the document marks its own headings, so the plain-text rule that takes a short first paragraph
 * for the title does not apply.
 */
export function markupLines(file: SourceFile, doc: ParsedDocument): FileLines {
  const { texts, fixed, shapes, runs } = renderedLines(file, doc);
  const lines: FileLines = {
    file,
    texts,
    norms: texts.map(normalizeLine),
    fixed,
    shapes,
    runs,
    titled: doc.blocks.some((b) => b.kind === 'heading'),
  };
  return doc.fallback === undefined ? lines : { ...lines, fallback: doc.fallback };
}
