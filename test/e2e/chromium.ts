import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe, test } from 'vitest';

/** The browser the page's end-to-end tests drive: Debian's Chromium, never a downloaded one (`CITESUM_CHROMIUM` overrides the path). */
export const CHROMIUM = process.env.CITESUM_CHROMIUM || '/usr/bin/chromium';

/** Whether the browser suites run, fail (CI without the browser) or are skipped (with why). */
export type ChromiumCheck =
  { readonly mode: 'run' } | { readonly mode: 'fail' | 'skip'; readonly message: string };

/** True when `CI` is set to anything but an empty string, `0` or `false`. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * Decides what the browser suites do. A missing browser in CI is a failure, not a skip: a
 * skipped check in CI passes without checking anything. Elsewhere the suites are skipped and
 * say why and how to install the browser.
 *
 * @example
 * chromiumCheck('/usr/bin/chromium', { CI: 'true' }, () => false).mode // 'fail'
 */
export function chromiumCheck(
  path: string,
  env: NodeJS.ProcessEnv,
  exists: (path: string) => boolean = existsSync,
): ChromiumCheck {
  if (exists(path)) return { mode: 'run' };
  const missing = `${path} is absent; install it with \`apt-get install -y chromium\``;
  return inCi(env)
    ? {
        mode: 'fail',
        message: `CI is set but ${missing}: the spot-check page's browser tests cannot run, and in CI they must`,
      }
    : { mode: 'skip', message: `SKIPPED: ${missing}` };
}

/** Flags of headless Chromium in the end-to-end suites: no sandbox (containers), no GPU, no calls home. */
export const CHROMIUM_ARGS: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A suite that needs the browser: runs, fails in CI without it (one failing test naming what is
 * missing), or is skipped elsewhere with the reason (also printed as a warning).
 *
 * @example
 * browserSuite('the page in headless Chromium', () => { test('…', async () => {}) })
 */
export function browserSuite(name: string, body: () => void): void {
  const check = chromiumCheck(CHROMIUM, process.env);
  if (check.mode === 'run') describe(name, body);
  else if (check.mode === 'skip') {
    console.warn(`${name}: ${check.message}`);
    describe.skip(`${name} (${check.message})`, body);
  } else {
    const { message } = check;
    describe(name, () => {
      test('has the browser it needs, as CI must provide', () => {
        throw new Error(message);
      });
    });
  }
}

/** Launches headless Debian Chromium with the suites' flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
