import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The service's version, `version` of the project's package.json: the one place it is written
 * (the OpenAPI document's `info.version` reads it). Found by walking up from this module to the
 * nearest package.json named `citesum`, so it is the same file whether the sources run through
 * tsx or as compiled JavaScript in another folder.
 */
export const SERVICE_VERSION: string = readServiceVersion(
  path.dirname(fileURLToPath(import.meta.url)),
);

function readServiceVersion(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'citesum' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir)
      throw new Error(`no package.json of citesum above ${from}: cannot tell the service version`);
  }
}
