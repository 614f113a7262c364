import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * A clean install prints no warnings (issue 14): every package of the lockfile accepts the Node
 * version the project is tested on, and npm's `allowScripts` answers for every package with an
 * install script. Read from package.json and package-lock.json, so no install is needed to check.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface LockEntry {
  version?: string;
  engines?: Record<string, string> | string[];
  hasInstallScript?: boolean;
  optional?: boolean;
}

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  engines?: { node?: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as {
  packages: Record<string, LockEntry>;
};

/** The package name of a lockfile key: `node_modules/a/node_modules/@b/c` → `@b/c`. */
function nameOf(key: string): string {
  return key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** The Node versions the README says are tested: this machine's 20.x. */
const TESTED_NODE = [...new Set(['20.20.0', process.versions.node])];

describe('package.json and the lockfile', () => {
  it('are tested on Node 20, which package.json accepts', () => {
    expect(process.versions.node.split('.')[0]).toBe('20');
    for (const v of TESTED_NODE) expect(semver.satisfies(v, pkg.engines!.node!), v).toBe(true);
  });

  it('hold no package whose engines refuse the tested Node versions (npm would print EBADENGINE)', () => {
    const refused: string[] = [];
    for (const [key, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!key || !range) continue;
      const failing = TESTED_NODE.filter((v) => !semver.satisfies(v, range));
      if (failing.length > 0)
        refused.push(
          `${nameOf(key)}@${entry.version}: node ${range} refuses ${failing.join(', ')}`,
        );
    }
    expect(refused).toEqual([]);
  });

  it('answer npm’s allowScripts for every package with an install script, by name', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([key, entry]) => key && entry.hasInstallScript)
      .map(([key]) => nameOf(key));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts)
      expect(pkg.allowScripts?.[name], `allowScripts.${name}`).toBeTypeOf('boolean');
  });

  it('deny the install scripts nothing needs: esbuild (tsx uses its JS API) and @scarf/scarf (install analytics)', () => {
    expect(pkg.allowScripts).toEqual({ esbuild: false, '@scarf/scarf': false });
  });
});
