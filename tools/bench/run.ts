/**
 * npm run bench — speed, scale and memory, each measured against a reference in the same run.
 *
 *  1. Corpus scale: synthetic news corpora (tools/bench/generate-corpus.ts) of 100, 1,000 and
 *     10,000 articles; each size in its own child process (scale-child.ts): model build time,
 *     sentences/s, peak RSS, topic and query summary times, stage breakdown, and plain wink-nlp
 *     over the same texts as the throughput reference.
 *  2. HTTP: the real app on data/ (server-child.ts) under autocannon, 10 and 50 connections, on
 *     the read routes and on a trivial Hono route in the same process (the reference).
 *  3. Ad-hoc work: POST /v1/summarize with one MultiLing topic under 4 connections.
 *  4. Start-up: spawn to a healthy /healthz and a ready /readyz, compiled (as `npm start` runs)
 *     on a one-file folder, data/ and the 1,000-article corpus, through npm start and under tsx,
 *     next to a minimal Hono server run by Node.
 *  5. Markdown load: two Markdown folders (package READMEs, synthetic articles) loaded and built
 *     as Markdown and as the same bytes under a .txt name (markdown-load.ts).
 *  6. Service (tools/bench/service.ts): the real server process on generated folders of 500 and
 *     10,000 articles: first start and restart from the persisted index, /healthz latency while
 *     100 connections post summaries (500) and while a reload runs, edit → old citations stale.
 *  7. Large (full run only, tools/bench/large-corpus.ts): 100,000 articles, `npm run index` time
 *     and peak RSS, then start-up from that index.
 *  8. Hostile files (hostile-bench.ts): the five files of issue 24 (absurd nesting, megabyte
 *     lines) built in fresh processes, and a run-on line against the same words in paragraphs.
 *
 * Prints the tables, writes bench-out/bench.json and bench-out/bench.md (BENCH_OUT to change).
 * BENCH_QUICK=1: sizes 50/200/1,000, 3 s loads, service on 200 and 1,000 articles, no large
 * corpus, for a smoke test. BENCH_ONLY=scale,markdown,http,startup,service,large,hostile picks sections. Loopback only.
 * Exit status 0 even when targets are missed (it is a measurement, not a test); 1 on failure.
 *
 * This file is the driver: it generates the corpora and runs the sections in order. The HTTP
 * section is in http-bench.ts (autocannon in http-load.ts), start-up in startup.ts, the settings
 * read from the environment in bench-config.ts, and bench.md is written by report-markdown.ts
 * from the tables of report-tables.ts and the checks of targets.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { solverReady } from '../../src/core/index.js';
import { LOAD_SECONDS, MARKDOWN, OUT, QUICK, ROOT, ROUNDS, SEED, SIZES } from './bench-config.js';
import { log } from './bench-log.js';
import { forkTs } from './child-processes.js';
import { benchQuery, writeCorpus } from './generate-corpus.js';
import { benchHostile, type HostileResult, hostileTargets } from './hostile-bench.js';
import { benchHttp } from './http-bench.js';
import { benchLarge, type LargeResult } from './large-corpus.js';
import { machine } from './machine.js';
import { benchMarkdownLoad, type MarkdownLoadRow } from './markdown-load.js';
import { benchMarkdown, type GeneratedCorpus } from './report-markdown.js';
import type { ScaleResult } from './scale-child.js';
import { serviceTargets } from './service-report.js';
import { benchService, type ServiceResult } from './service.js';
import { benchStartup, startupTargets } from './startup.js';
import { fmtMs, fmtNum, fmtRatio, round } from './stats.js';
import { targets } from './targets.js';

/** Runs the scale section on one corpus size in a child of its own (scale-child.ts). */
async function runScale(size: number, dir: string, query: string): Promise<ScaleResult> {
  const { first } = forkTs<ScaleResult>(
    'scale-child.ts',
    [dir, String(size), query],
    { ...process.env },
    ['--expose-gc'],
  );
  return first;
}

async function main(): Promise<void> {
  await solverReady;
  // The start-up and service sections run the compiled service, as `npm start` does.
  execFileSync(process.execPath, ['tools/build.mjs', '--if-stale'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const began = new Date();
  const startMachine = machine();
  log(
    `${QUICK ? 'QUICK mode: ' : ''}sizes ${SIZES.join(', ')}; loads ${LOAD_SECONDS} s; seed ${SEED}; ${startMachine.cores} cores, ${startMachine.cpu}`,
  );
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'citesum-bench-'));
  const only = (
    process.env.BENCH_ONLY ?? 'scale,markdown,http,startup,service,large,hostile'
  ).split(',');
  try {
    const query = benchQuery(SEED);
    const scale: ScaleResult[] = [];
    const corpora = new Map<number, GeneratedCorpus>();
    const needDirs = only.includes('scale') ? SIZES : only.includes('startup') ? [1000] : [];
    for (const size of needDirs) {
      const dir = path.join(tmp, `n${size}`);
      const t = performance.now();
      const w = writeCorpus(dir, { count: size, seed: SEED });
      corpora.set(size, { dir, bytes: w.bytes, words: w.words, ms: performance.now() - t });
      log(
        `generated ${fmtNum(size)} articles (${(w.bytes / 2 ** 20).toFixed(1)} MB, ${fmtNum(w.words / size)} words/article) in ${fmtMs(performance.now() - t)}`,
      );
    }
    if (only.includes('scale'))
      for (const size of SIZES) {
        log(`scale ${fmtNum(size)} articles…`);
        const r = await runScale(size, corpora.get(size)!.dir, query);
        log(
          `scale ${fmtNum(size)}: build ${fmtMs(r.totalBuildMs)}, ${fmtNum(r.sentencesPerSec)} sentences/s, peak RSS ${fmtNum(r.buildPeakRssMb)} MiB (${fmtNum(r.peakRssMb)} MiB with summaries), wink ratio ${fmtRatio(r.throughputRatio)}`,
        );
        scale.push(r);
      }
    let markdownLoad: MarkdownLoadRow[] = [];
    if (only.includes('markdown')) {
      log('Markdown load vs plain text of the same bytes…');
      markdownLoad = await benchMarkdownLoad(tmp, MARKDOWN);
      for (const r of markdownLoad)
        log(`markdown ${r.corpus}: ${fmtRatio(r.ratio)} the plain-text load time`);
    }
    const web = only.includes('http') ? await benchHttp() : undefined;
    const startup = only.includes('startup') ? await benchStartup(corpora.get(1000)?.dir) : [];
    const service: ServiceResult[] = [];
    if (only.includes('service'))
      for (const size of QUICK ? [200, 1000] : [500, 10_000]) {
        // A folder of its own: the benchmark edits it.
        const dir = path.join(tmp, `service-${size}`);
        writeCorpus(dir, { count: size, seed: SEED });
        log(`service on ${fmtNum(size)} articles…`);
        const posts =
          size === (QUICK ? 200 : 500)
            ? { posts: { seconds: QUICK ? 3 : 10, connections: 100 } }
            : {};
        // Successive edits at the largest size: the RSS must stay flat (no generation leaks).
        const edits = size === (QUICK ? 1000 : 10_000) ? Number(process.env.BENCH_EDITS ?? 20) : 1;
        const r = await benchService(dir, size, { ...posts, edits });
        if (r.edits)
          log(
            `service ${fmtNum(size)}: ${r.edits.count} edits, stale ${r.edits.reflectMs.map(fmtMs).join(' ')}; settled ${r.edits.settledMs.map(fmtMs).join(' ')}; RSS after each ${r.edits.rssMb.join(' ')} MiB, peak ${fmtNum(r.edits.peakRssMb)} MiB`,
          );
        log(
          `service ${fmtNum(size)}: first start ${fmtMs(r.first.ms)}, restart ${fmtMs(r.restart.ms)} (${fmtRatio(r.restart.ratio)}), edit → stale ${fmtMs(r.edit.reflectMs)}, settled ${fmtMs(r.edit.settledMs)}, /healthz p99 during reload ${r.edit.health.p99} ms${r.underPosts ? `, under ${r.underPosts.connections} POSTs ${r.underPosts.health.p99} ms` : ''}`,
        );
        service.push(r);
        rmSync(dir, { recursive: true, force: true });
      }
    let large: LargeResult | undefined;
    if (!QUICK && only.includes('large')) {
      const articles = Number(process.env.BENCH_LARGE ?? 100_000);
      const dir = path.join(tmp, `large-${articles}`);
      const t = performance.now();
      writeCorpus(dir, { count: articles, seed: SEED });
      log(
        `generated ${fmtNum(articles)} articles in ${fmtMs(performance.now() - t)}; npm run index…`,
      );
      large = await benchLarge(dir, path.join(tmp, `large-index`), articles);
      log(
        `large: ${large.build.ok ? `index built in ${fmtMs(large.build.ms)}, peak RSS ${fmtNum(large.build.peakRssMb)} MiB` : `build failed: ${large.build.error}`}${large.start ? `; start from the index ${fmtMs(large.start.ms)}` : ''}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
    let hostile: HostileResult | undefined;
    if (only.includes('hostile')) {
      log('hostile files (issue 24)…');
      hostile = await benchHostile(tmp, ROUNDS);
      log(
        `hostile: five files ${fmtMs(hostile.rows[0]!.ms)}, the three small ones ${fmtMs(hostile.rows[1]!.ms)}, run-on / paragraphs ${fmtRatio(hostile.runOnRatio)}`,
      );
    }
    const checks = [
      ...targets(scale, web),
      ...startupTargets(startup),
      ...serviceTargets(service, large),
    ];
    if (hostile) checks.push(...hostileTargets(hostile));
    for (const r of markdownLoad)
      checks.push({
        target: `Markdown load within 2× of plain text of the same size (${r.corpus})`,
        measured: fmtRatio(r.ratio),
        met: r.ratio <= 2,
      });

    const endMachine = machine();
    const text = benchMarkdown({
      began,
      startMachine,
      endMachine,
      corpora,
      query,
      scale,
      markdownLoad,
      web,
      startup,
      service,
      large,
      hostile,
      checks,
    });

    mkdirSync(OUT, { recursive: true });
    const json = {
      began: began.toISOString(),
      quick: QUICK,
      seed: SEED,
      machine: { ...endMachine, loadavgStart: startMachine.loadavg },
      corpora: Object.fromEntries(
        [...corpora].map(([n, c]) => [
          n,
          { bytes: c.bytes, words: c.words, generateMs: round(c.ms, 0) },
        ]),
      ),
      scale,
      markdownLoad,
      http: web,
      startup,
      service,
      large,
      hostile,
      targets: checks,
    };
    writeFileSync(path.join(OUT, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(path.join(OUT, 'bench.md'), text);
    process.stdout.write(`${text}\n`);
    log(`wrote ${path.relative(ROOT, path.join(OUT, 'bench.json'))} and bench.md`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(
    `bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
