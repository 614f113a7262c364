/** The benchmark's child processes: a TypeScript script forked under tsx with IPC, and its stop. */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './bench-config.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Forks a TypeScript script under tsx with IPC; resolves with its first message. */
export function forkTs<T>(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  extraExecArgv: string[] = [],
): { child: ChildProcess; first: Promise<T> } {
  const child = fork(path.join(HERE, script), args, {
    cwd: ROOT,
    execArgv: [...extraExecArgv, '--import', 'tsx'],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const first = new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code, signal) =>
      reject(new Error(`${script} exited (${code ?? signal}) before reporting`)),
    );
    child.once('error', reject);
  });
  return { child, first };
}

/** SIGTERM to a child (SIGKILL after 5 s); resolves once it has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
