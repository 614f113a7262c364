import type { Verdict } from './shape.js';

/**
 * One file's lines as the classifier's passes see them. The texts are read-only; each pass
 * reads the verdicts earlier passes left and may revise them, in a fixed order.
 */
export interface FileState {
  /** Line texts without their breaks. */
  readonly texts: readonly string[];
  /** `normalizeLine` of each text (the key of the repetition rule). */
  readonly norms: readonly string[];
  /** Whether each line is empty or whitespace only. */
  readonly blank: readonly boolean[];
  /** The current verdict of each line. */
  readonly verdicts: Verdict[];
}
