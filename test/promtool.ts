import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, test } from 'vitest';
import { inCi } from './e2e/chromium.js';

/** Prometheus' own checker (Debian's `prometheus` package); `CITESUM_PROMTOOL` overrides the path. */
export const PROMTOOL = process.env.CITESUM_PROMTOOL || '/usr/bin/promtool';

/** `promtool check metrics` on an exposition text: its exit status and what it printed. */
export function promtoolCheck(text: string): { status: number | null; output: string } {
  const r = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/**
 * A suite that needs promtool: runs; fails in CI without it (a skipped check checks nothing, and
 * .ci/run installs it); elsewhere is skipped, saying how to install it.
 */
export function promtoolSuite(name: string, body: () => void): void {
  if (existsSync(PROMTOOL)) {
    describe(name, body);
    return;
  }
  const missing = `${PROMTOOL} is absent; install it with \`apt-get install -y prometheus\``;
  if (!inCi(process.env)) {
    console.warn(`${name}: SKIPPED: ${missing}`);
    describe.skip(`${name} (${missing})`, body);
    return;
  }
  describe(name, () => {
    test('has promtool, as CI must provide', () => {
      throw new Error(
        `CI is set but ${missing}: the metrics cannot be checked, and in CI they must`,
      );
    });
  });
}
