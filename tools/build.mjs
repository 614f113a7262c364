/**
 * `npm run build` (and npm install's `prepare`): compiles src/ and schemas/ with `tsc` into dist/
 * (incremental), copies the spot-check page's browser files beside the compiled page, and stores
 * the digest of the compiled sources (src/store/pipeline-version.ts) so the compiled service keys
 * its index as the sources run by tsx do. Plain JavaScript: it runs before anything is compiled.
 *
 * `--if-stale` (npm start's `prestart`): does nothing when dist/ is newer than every input (a few
 * milliseconds of `stat`s), so `npm start` never runs code older than the sources.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
/** Written last by a successful build: its time is the build's. */
const STAMP = path.join(DIST, '.build-stamp');
/** Files and folders whose change makes dist/ stale. */
const INPUTS = [
  'src',
  'schemas',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
  'tools/build.mjs',
];
/** Browser files the page serves as they are (read at run time next to the compiled page). */
const COPIED = ['src/http/page/client'];

/** The newest modification time (ms) under `p`, 0 when it does not exist. */
function newest(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
  return max;
}

/** True when dist/ was built after the last change to any input. */
function fresh() {
  const built = newest(STAMP);
  return built > 0 && INPUTS.every((p) => newest(path.join(ROOT, p)) <= built);
}

/** The TypeScript compiler's entry, or undefined when dev dependencies are not installed. */
function tscPath() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

async function build() {
  const tsc = tscPath();
  if (!tsc) {
    if (existsSync(STAMP)) {
      process.stderr.write(
        'citesum build: typescript is not installed (dev dependencies omitted); keeping the existing dist/\n',
      );
      return;
    }
    process.stderr.write(
      'citesum build: typescript is not installed: run `npm install` (with dev dependencies) to compile dist/\n',
    );
    process.exit(1);
  }
  const started = performance.now();
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  for (const dir of COPIED) {
    mkdirSync(path.join(DIST, dir), { recursive: true });
    cpSync(path.join(ROOT, dir), path.join(DIST, dir), { recursive: true });
  }
  const versionModule = path.join(DIST, 'src/store/pipeline-version.js');
  const { sourceDigest, PIPELINE_VERSION_FILE } = await import(pathToFileURL(versionModule).href);
  writeFileSync(
    path.join(path.dirname(versionModule), PIPELINE_VERSION_FILE),
    `${JSON.stringify({ pipeline: sourceDigest(ROOT) })}\n`,
  );
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.stderr.write(
    `citesum build: compiled to dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

if (!(process.argv.includes('--if-stale') && fresh())) await build();
