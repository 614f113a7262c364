import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { chromiumCheck, inCi } from './chromium.js';

/** Without its browser, the page's end-to-end suites must fail in CI and skip (saying why) elsewhere. */

const absent = () => false;
const present = () => true;

describe('the browser suites without /usr/bin/chromium', () => {
  test('fail when CI is set, naming the missing browser and how to install it', () => {
    const check = chromiumCheck('/usr/bin/chromium', { CI: 'true' }, absent);
    expect(check.mode).toBe('fail');
    expect(check.mode !== 'run' && check.message).toMatch(
      /CI is set but \/usr\/bin\/chromium is absent; install it with `apt-get install -y chromium`/,
    );
    expect(chromiumCheck('/usr/bin/chromium', { CI: '1' }, absent).mode).toBe('fail');
  });

  test('are skipped with the reason when CI is unset, empty, 0 or false', () => {
    for (const env of [{}, { CI: '' }, { CI: '0' }, { CI: 'false' }]) {
      const check = chromiumCheck('/usr/bin/chromium', env, absent);
      expect(check, JSON.stringify(env)).toEqual({
        mode: 'skip',
        message:
          'SKIPPED: /usr/bin/chromium is absent; install it with `apt-get install -y chromium`',
      });
      expect(inCi(env)).toBe(false);
    }
  });

  test('run whenever the browser is there, in CI or not', () => {
    expect(chromiumCheck('/usr/bin/chromium', { CI: 'true' }, present)).toEqual({ mode: 'run' });
    expect(chromiumCheck('/usr/bin/chromium', {}, present)).toEqual({ mode: 'run' });
  });

  /** Runs the page's browser test files in their own vitest with the browser path pointing nowhere. */
  function runPageSuite(ci: string | undefined) {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env))
      if (!k.startsWith('VITEST') && k !== 'CI') env[k] = v;
    if (ci !== undefined) env.CI = ci;
    env.CITESUM_CHROMIUM = '/nonexistent/chromium';
    const files = ['page-navigation', 'page-citations', 'page-crlf-files'].map(
      (name) => `test/e2e/${name}.test.ts`,
    );
    const run = spawnSync('npx', ['vitest', 'run', ...files, '--reporter=verbose'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  }

  test('make the page test file fail in CI and pass with skipped suites elsewhere, end to end', () => {
    const inCiRun = runPageSuite('true');
    expect(inCiRun.status, inCiRun.output).toBe(1);
    expect(inCiRun.output).toContain('CI is set but /nonexistent/chromium is absent');
    const localRun = runPageSuite(undefined);
    expect(localRun.status, localRun.output).toBe(0);
    expect(localRun.output).toContain('SKIPPED: /nonexistent/chromium is absent');
    expect(localRun.output).toMatch(/skipped/i);
  }, 240_000);
});
