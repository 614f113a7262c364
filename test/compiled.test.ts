import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexBuilder } from '../src/store/index-builder.js';
import { pipelineVersion } from '../src/store/pipeline-version.js';

/**
 * `npm start` runs the `tsc` output (issue 21): dist/ is built by npm install's `prepare` (and
 * again by `prestart` when a source changed), no thread compiles TypeScript, the page's browser
 * files are there, and the compiled service keys its index as the sources do, so an index built
 * by `npm run index` (tsx) is read, not rebuilt.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const root = mkdtempSync(path.join(tmpdir(), 'citesum-compiled-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(() => {
  // A no-op when dist/ is newer than every source (CI: built by `npm ci`'s prepare).
  execFileSync(process.execPath, ['tools/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'pipe' });
}, 600_000);

describe('the build', () => {
  it('compiles src/ and schemas/ into dist/, with the page’s browser files beside the compiled page', () => {
    for (const file of [
      'src/main.js',
      'src/workers/compute-worker.js',
      'src/workers/builder-worker.js',
      'schemas/api.js',
      'src/http/page/client/app.js',
      'src/http/page/client/app.css',
    ])
      expect(existsSync(path.join(DIST, file)), file).toBe(true);
    expect(readFileSync(path.join(DIST, 'src/http/page/client/app.js'), 'utf8')).toBe(
      readFileSync(path.join(ROOT, 'src/http/page/client/app.js'), 'utf8'),
    );
  });

  it('stores the digest of the sources it compiled, the one the sources compute', () => {
    const stored = JSON.parse(
      readFileSync(path.join(DIST, 'src/store/pipeline-version.json'), 'utf8'),
    ) as { pipeline: string };
    expect(stored.pipeline).toBe(pipelineVersion());
  });

  it('does nothing when dist/ is newer than every source (npm start’s prestart)', () => {
    const started = performance.now();
    execFileSync(process.execPath, ['tools/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'pipe' });
    // A build runs tsc (seconds); the check only reads modification times.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('the compiled service', () => {
  const dataDir = path.join(root, 'one');
  const indexDir = path.join(root, 'index');
  let child: ChildProcess;
  let stderr = '';
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    mkdirSync(dataDir);
    writeFileSync(
      path.join(dataDir, 'harbour.txt'),
      'Harbour budget approved\n\nThe city council approved the harbour budget on Monday after a long debate.\nThe vote was nine to two, the council said in a statement.\nWork on the new quay starts in March.\n',
    );
    // The index, built by the sources (as `npm run index` does).
    await new IndexBuilder({ dataDir, indexDir }).open();
    child = spawn(
      process.execPath,
      ['--import', './test/compiled/forbid-typescript.mjs', 'dist/src/main.js'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: '0',
          DATA_DIR: dataDir,
          INDEX_DIR: indexDir,
          WORKERS: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    let pending = '';
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => {
        pending += b.toString();
        for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
          const line = JSON.parse(pending.slice(0, nl)) as Record<string, unknown>;
          pending = pending.slice(nl + 1);
          lines.push(line);
          if (line.msg === 'ready') resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    await ready;
  }, 120_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const url = () => lines.find((l) => l.msg === 'listening')!.url as string;

  it('runs compiled, under a guard that fails any TypeScript module resolved at run time', () => {
    expect(lines[0]).toMatchObject({ msg: 'listening', compiled: true });
    expect(stderr).toContain('forbid-typescript: on');
    expect(stderr).not.toMatch(/TypeScript resolved at run time/);
  });

  it('reads the index the sources built instead of rebuilding it', () => {
    expect(lines.find((l) => l.msg === 'corpus loaded')).toMatchObject({ source: 'index' });
  });

  it('answers through its compiled worker threads: a summary of the folder and a posted one', async () => {
    const summary = await fetch(`${url()}/v1/summary?maxSentences=2`);
    expect(summary.status).toBe(200);
    const body = (await summary.json()) as { sentences: { citations: { file: string }[] }[] };
    expect(body.sentences[0]!.citations[0]!.file).toBe('harbour.txt');
    const posted = await fetch(`${url()}/v1/summarize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        documents: [{ file: 'a.txt', text: 'The council approved the budget on Monday.' }],
      }),
    });
    expect(posted.status).toBe(200);
    expect((await fetch(`${url()}/`)).status).toBe(200);
    expect((await fetch(`${url()}/docs`)).status).toBe(200);
  });

  it('stops on SIGTERM with exit 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/TypeScript resolved at run time/);
  });
});
