/**
 * One build of a folder of hostile files (hostile-bench.ts), in a process of its own so that each
 * measurement starts cold and its peak RSS is its own. Started with `fork` (IPC): loadCorpus +
 * buildModel (the server's first build, stories included), then one message and exit. Counts what
 * the build logged (console.warn and console.error) and whether any of it holds a stack trace.
 */
import { buildModel, loadCorpus } from '../../src/core/index.js';

/** What one build of a hostile folder measured. */
export interface HostileBuild {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly files: number;
  readonly bytes: number;
  readonly sentences: number;
  /** Files read as stripped text instead of by their parser, and why. */
  readonly fallbacks: readonly string[];
  readonly skipped: number;
  /** Lines the build logged, and how many of them were stack traces. */
  readonly logged: number;
  readonly stackTraces: number;
}

async function main(): Promise<void> {
  const dir = process.argv[2]!;
  const logged: string[] = [];
  const capture = (...args: unknown[]): void => {
    logged.push(
      args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '),
    );
  };
  console.warn = capture;
  console.error = capture;
  const t = performance.now();
  const model = buildModel(await loadCorpus(dir));
  const ms = performance.now() - t;
  const result: HostileBuild = {
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    files: model.files.length,
    bytes: model.files.reduce((n, f) => n + f.bytes, 0),
    sentences: model.sentences.length,
    fallbacks: model.documents.flatMap((d) => (d.fallback ? [`${d.file}: ${d.fallback}`] : [])),
    skipped: model.skipped.length,
    logged: logged.length,
    stackTraces: logged.filter((l) => /\n\s+at /u.test(l)).length,
  };
  process.send!(result, () => process.exit(0));
}

main().catch((err) => {
  process.stderr.write(
    `hostile-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
