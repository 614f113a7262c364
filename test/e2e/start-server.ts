import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultIndexDir, isInside } from '../../src/store/index-dir.js';

/** A citesum server started as its own process, as `npm start` would run it. */
export interface SpawnedServer {
  readonly url: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /**
   * SIGTERM to the process group, then waits for it to exit (SIGKILL after 5 s); removes the
   * index of a temporary data folder.
   */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asks the kernel for one, then releases it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `npx tsx src/main.ts` (the service from its sources) on a free port with
 * `HOST=127.0.0.1` and the given data folder, and resolves once `/readyz` answers 200 (`env` adds
 * variables, e.g. `API_KEY`). Rejects with the server's output when it exits early
 * or is not up within `timeoutMs`.
 */
export async function startServer(
  dataDir: string,
  timeoutMs = 60_000,
  env: Record<string, string> = {},
): Promise<SpawnedServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('npx', ['tsx', 'src/main.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let gone = false;
  void exited.then(() => (gone = true));

  const stop = async () => {
    if (gone || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
    if (isInside(dataDir, tmpdir()) && path.resolve(dataDir) !== path.resolve(tmpdir()))
      rmSync(defaultIndexDir(dataDir), { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the server exited before it was ready:\n${out}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return { url, output: () => out, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`the server was not ready (/readyz) within ${timeoutMs} ms:\n${out}`);
}
