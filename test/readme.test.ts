import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineReasonSchema } from '../schemas/document.js';

/** The README's promises that are lists of what the code can answer, kept in sync with it. */
const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe('README.md', () => {
  it('lists every reason a line can be given, in the pipeline’s classify step', () => {
    const step = /^2\. \*\*Classify lines\*\*[\s\S]*?(?=^3\. )/mu.exec(README)?.[0] ?? '';
    expect(step).not.toBe('');
    const missing = LineReasonSchema.options.filter((r) => !step.includes(`\`${r}\``));
    expect(missing).toEqual([]);
  });
});
