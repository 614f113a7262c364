import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultIndexDir } from '../src/store/index-dir.js';
import { describe, expect, it } from 'vitest';
import { freePort } from './e2e/start-server.js';

/**
 * LOG_LEVEL, as the real server applies it (issue 14): the server spawned as `npm start` runs it,
 * with what it prints on stdout and stderr read whole.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('log levels', () => {
  /** Runs the real server with `env` until it answers, sends a few requests, stops it: all it printed. */
  async function runQuietly(env: Record<string, string>) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'citesum-quiet-'));
    await cp(path.join(ROOT, 'data'), dataDir, { recursive: true });
    // A skipped file: a warning at start-up, when warnings are printed.
    await writeFile(path.join(dataDir, 'broken.txt'), Buffer.from([0x41, 0x00, 0x42]));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        const ok = await fetch(`${url}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (i > 400 || child.exitCode !== null) throw new Error(`not up:\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await fetch(`${url}/v1/topics`)).status).toBe(200);
      expect((await fetch(`${url}/v1/summary?maxSentences=0`)).status).toBe(400);
      expect((await fetch(`${url}/nowhere`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
      // The server writes its index until it stops: its folders are removed once it exited.
      await exited;
      await rm(dataDir, { recursive: true, force: true });
      await rm(defaultIndexDir(dataDir), { recursive: true, force: true });
    }
    return { code: await exited, stdout, stderr };
  }

  it('LOG_LEVEL=error prints nothing when nothing fails: no start-up, request, warning or shutdown lines', async () => {
    const run = await runQuietly({ LOG_LEVEL: 'error' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
  }, 60_000);

  it('LOG=off (deprecated) still silences everything, start-up lines included', async () => {
    const run = await runQuietly({ LOG: 'off' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
  }, 60_000);

  it('LOG_LEVEL=warn prints the skipped file and nothing at info', async () => {
    const run = await runQuietly({ LOG_LEVEL: 'warn' });
    const records = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(records.map((r) => [r.level, r.msg])).toEqual([['warn', 'skipped file']]);
  }, 60_000);
});
