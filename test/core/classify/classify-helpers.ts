import { expect } from 'vitest';
import type { ClassifiedLine, LineTable } from '../../../src/core/classify/index.js';

/**
 * Helpers of the classifyLines tests (classify-lines-*.test.ts): a line of the table by file and
 * number, and expectations on the kind and reason of lines, shared so that every theme's file
 * reads its lines the same way.
 */

/** The integers `a..b`, both included (line numbers). */
export function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** The classified lines of `file` (throws when the table has none). */
export function linesOf(table: LineTable, file: string): readonly ClassifiedLine[] {
  const lines = table.get(file);
  if (!lines) throw new Error(`no lines for ${file}`);
  return lines;
}

/** Line `n` (1-based) of `file` (throws when there is none). */
export function line(table: LineTable, file: string, n: number): ClassifiedLine {
  const l = linesOf(table, file)[n - 1];
  if (!l) throw new Error(`${file} has no line ${n}`);
  return l;
}

/** Line numbers of a file that are neither content nor blank. */
export function nonContent(table: LineTable, file: string): number[] {
  return linesOf(table, file)
    .filter((l) => l.kind === 'heading' || l.kind === 'boilerplate')
    .map((l) => l.number);
}

/** Expects each of `numbers` of `file` to be content. */
export function expectContent(table: LineTable, file: string, numbers: number[]): void {
  for (const n of numbers)
    expect({ file, n, kind: line(table, file, n).kind }).toEqual({ file, n, kind: 'content' });
}

/** Expects each of `numbers` of `file` to be of `kind`, with one of `reasons` when given. */
export function expectKind(
  table: LineTable,
  file: string,
  numbers: number[],
  kind: string,
  reasons?: string[],
): void {
  for (const n of numbers) {
    const l = line(table, file, n);
    expect({ file, n, kind: l.kind }).toEqual({ file, n, kind });
    if (reasons) expect(reasons, `${file}:${n} "${l.text}" reason`).toContain(l.reason);
  }
}
