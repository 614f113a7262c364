/**
 * `npm run openapi`: writes the OpenAPI 3.1 contract generated from the routes to
 * schemas/openapi.json (pretty-printed, deterministic). `--check` exits 1 when the committed
 * file differs from what the code generates.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiJson } from '../src/http/openapi.js';

const target = fileURLToPath(new URL('../schemas/openapi.json', import.meta.url));
const json = openApiJson();
if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== json) {
    process.stderr.write('schemas/openapi.json is out of date: run `npm run openapi`\n');
    process.exit(1);
  }
  process.stdout.write('schemas/openapi.json is up to date\n');
} else {
  await writeFile(target, json);
  process.stdout.write(`wrote ${target}\n`);
}
