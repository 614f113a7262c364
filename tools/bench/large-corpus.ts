/**
 * The largest corpus of `npm run bench` (full run only, 100,000 articles by default): the index
 * built once by `npm run index` in its own process (wall time, CPU time, peak RSS), then the
 * service started from that index (time to a healthy /healthz, peak RSS). The build runs under
 * a heap limit (`BENCH_LARGE_HEAP_MB`, default 16 GiB: the build peaks at about 17.6 GiB of RSS on
 * this 23.5 GB machine, measured) so that a model too large for the machine
 * fails in its own process, reported as such, instead of pressing the whole (shared) machine.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startService } from './service-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the large-corpus step measured. */
export interface LargeResult {
  readonly articles: number;
  readonly heapLimitMb: number;
  readonly build: {
    readonly ok: boolean;
    readonly ms: number;
    readonly cpuMs: number;
    readonly peakRssMb: number;
    /** The last lines the build printed on stderr when it failed. */
    readonly error?: string;
  };
  readonly start?: { readonly ms: number; readonly modelMs: number; readonly peakRssMb: number };
}

function procStat(pid: number): { cpuMs: number; hwmMb: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(stat[11]) + Number(stat[12]);
    const hwm = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuMs: ticks * 10, hwmMb: hwm ? Number(hwm[1]) / 1024 : 0 };
  } catch {
    return { cpuMs: 0, hwmMb: 0 };
  }
}

/** Builds the index of `dataDir` with `npm run index`'s script, sampling its CPU time and RSS. */
async function buildIndex(dataDir: string, indexDir: string, heapMb: number) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--import', 'tsx', 'src/build-index.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, INDEX_DIR: indexDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
  let last = { cpuMs: 0, hwmMb: 0 };
  const sampler = setInterval(() => {
    const s = procStat(child.pid!);
    if (s.hwmMb > 0) last = s;
  }, 500);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  return {
    ok: code === 0,
    ms: Math.round(performance.now() - started),
    cpuMs: last.cpuMs,
    peakRssMb: Math.round(last.hwmMb),
    ...(code === 0 ? {} : { error: stderr.trim().split('\n').slice(-3).join(' | ') }),
  };
}

/** Builds the index of a large folder, then starts the service from it. */
export async function benchLarge(
  dataDir: string,
  indexDir: string,
  articles: number,
): Promise<LargeResult> {
  const heapLimitMb = Number(process.env.BENCH_LARGE_HEAP_MB ?? 16_384);
  const build = await buildIndex(dataDir, indexDir, heapLimitMb);
  if (!build.ok) return { articles, heapLimitMb, build };
  const service = await startService({
    DATA_DIR: dataDir,
    INDEX_DIR: indexDir,
    NODE_OPTIONS: `--max-old-space-size=${heapLimitMb}`,
  });
  await service.stop();
  const loaded = service.logs.find((r) => r.msg === 'corpus loaded');
  return {
    articles,
    heapLimitMb,
    build,
    start: {
      ms: Math.round(service.startMs),
      modelMs: Number(loaded?.ms ?? 0),
      peakRssMb: Math.round(service.peakRssMb()),
    },
  };
}
