/** Small statistics and formatting helpers of the benchmark (no I/O). */

/** Median of a list (the mean of the two middle values for an even count); 0 when empty. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Times `fn` after `warmup` untimed calls: the median and all samples of `runs` timed calls, in
 * milliseconds.
 */
export function timeMedian<T>(
  fn: () => T,
  runs: number,
  warmup = 2,
): { ms: number; samples: number[] } {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return { ms: median(samples), samples };
}

/** Async variant of {@link timeMedian}. */
export async function timeMedianAsync<T>(
  fn: () => Promise<T>,
  runs: number,
  warmup = 2,
): Promise<{ ms: number; samples: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return { ms: median(samples), samples };
}

/** Rounds to `digits` decimals (for JSON output that stays readable). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A number with thousands separators and at most `digits` decimals. */
export function fmtNum(x: number, digits = 0): string {
  return x.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/** Milliseconds for people: "850 ms", "12.3 s". */
export function fmtMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** A ratio as "0.53×". */
export function fmtRatio(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a';
}

/** Megabytes from bytes. */
export function mb(bytes: number): number {
  return bytes / (1024 * 1024);
}

/** A Markdown table (GitHub style) from a header row and data rows. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** A target check: met or not, with what was measured against what was required. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}
