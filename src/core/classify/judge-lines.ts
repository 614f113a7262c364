import type { FileState } from './file-state.js';
import { BULLET } from './line-shapes.js';
import { isTemplate, type Repetition } from './repetition.js';
import { shapeReason, type Verdict } from './shape.js';
import { lineWordCount } from './vocabulary.js';

/** How the per-line pass reads a file: whether it is hard-wrapped, and which lines runs covered. */
export interface LinePassContext {
  readonly repetition: Repetition;
  readonly wrapped: boolean;
  /** Lines already judged as part of a wrapped paragraph. */
  readonly inRun: readonly boolean[];
  /** The document marks its headings (Markdown, HTML): the first paragraph is not taken for a title. */
  readonly titled?: boolean;
  /** Markdown and HTML: each line's shape verdict, given by its blocks (structure decides). */
  readonly shapes?: readonly (Verdict | undefined)[];
}

/**
 * The per-line pass: blank lines are blank; every other line (outside wrapped runs) is a template
 * when the repetition stage says files that otherwise differ share it (`isTemplate`), else it gets
 * its shape verdict. A short heading shared by files ("Key facts") stays a heading.
 */
export function judgeLines(
  state: FileState,
  { repetition, wrapped, inRun, titled = false, shapes }: LinePassContext,
): void {
  const { texts, norms, blank, verdicts } = state;
  const firstNonBlank = blank.indexOf(false);
  const lastNonBlank = blank.lastIndexOf(false);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (blank[i]) {
      verdicts[i] = { kind: 'blank', reason: 'blank' };
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
    const isFirstBlock = !titled && i === firstNonBlank && nextBlank && i < lastNonBlank;
    const bullet = BULLET.test(t);
    let before = i - 1;
    while (before >= 0 && blank[before]) before--;
    const shape = shapes
      ? shapes[i]
      : shapeReason(t.replace(BULLET, ''), {
          firstBlock: isFirstBlock && !bullet,
          standalone: standalone && !bullet,
          isolated: prevBlank && nextBlank && !bullet,
          nearBoilerplate: before >= 0 && verdicts[before]!.kind === 'boilerplate',
        });
    const groups = repetition.groups.get(norms[i]!) ?? 0;
    if (
      isTemplate(t, groups, repetition) &&
      (!shape || shape.kind !== 'heading' || lineWordCount(t) > 3)
    ) {
      verdicts[i] = { kind: 'boilerplate', reason: 'template' };
    } else if (shape) {
      verdicts[i] = shape;
    }
  }
}
