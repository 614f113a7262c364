/** Tables and target checks of the service benchmarks (tools/bench/service.ts, large-corpus.ts). */
import type { LargeResult } from './large-corpus.js';
import type { ServiceResult } from './service.js';
import { BEFORE_ISSUE_21 } from './startup.js';
import { fmtMs, fmtNum, fmtRatio, markdownTable, type TargetCheck } from './stats.js';

const ms = (x: number) => fmtMs(x);

/** The service tables: starts, health under load and during a reload, edit to reflect. */
export function serviceTables(results: readonly ServiceResult[], large?: LargeResult): string {
  const starts = markdownTable(
    [
      'articles',
      'workers',
      'first start (build): ready / healthy',
      'of which model',
      'restart (index): ready / healthy',
      'of which model',
      'restart / first',
      'peak RSS: first / restart',
    ],
    results.map((r) => [
      fmtNum(r.size),
      String(r.workers),
      `${ms(r.first.ms)} / ${ms(r.first.healthyMs)}`,
      ms(r.first.modelMs),
      `${ms(r.restart.ms)} / ${ms(r.restart.healthyMs)}`,
      ms(r.restart.modelMs),
      fmtRatio(r.restart.ratio),
      `${fmtNum(r.first.peakRssMb)} / ${fmtNum(r.restart.peakRssMb)} MiB`,
    ]),
  );
  const edits = markdownTable(
    [
      'articles',
      'edit → old citations stale',
      'edit → stories settled',
      'reload stages (load / build / write / publish)',
      'settle stages (build / write / publish)',
      '/healthz during reload: p50 / p99 / max (n)',
    ],
    results.map((r) => {
      const st = r.edit.reload?.stages as Record<string, number> | undefined;
      const se = r.edit.settle?.stages as Record<string, number> | undefined;
      const h = r.edit.health;
      return [
        fmtNum(r.size),
        ms(r.edit.reflectMs),
        ms(r.edit.settledMs),
        st ? `${ms(st.load!)} / ${ms(st.build!)} / ${ms(st.write!)} / ${ms(st.publish!)}` : '',
        se ? `${ms(se.build!)} / ${ms(se.write!)} / ${ms(se.publish!)}` : '(stories unchanged)',
        `${h.p50} / ${h.p99} / ${h.max} ms (${h.samples})`,
      ];
    }),
  );
  const loaded = results.filter((r) => r.underPosts);
  const posts = loaded.length
    ? markdownTable(
        [
          'articles',
          'POST /v1/summarize load',
          'answered (status: count)',
          'POST p50 / p99',
          '/healthz meanwhile: p50 / p99 / max (n)',
        ],
        loaded.map((r) => {
          const u = r.underPosts!;
          return [
            fmtNum(r.size),
            `${u.connections} connections × ${u.seconds} s, 10 articles each`,
            Object.entries(u.posts.statusCodes)
              .map(([k, v]) => `${k}: ${fmtNum(v)}`)
              .join(', '),
            `${ms(u.posts.p50)} / ${ms(u.posts.p99)}`,
            `${u.health.p50} / ${u.health.p99} / ${u.health.max} ms (${u.health.samples})`,
          ];
        }),
      )
    : '';
  const big = large
    ? markdownTable(
        [
          'articles',
          'npm run index: wall / CPU',
          'peak RSS',
          'heap limit',
          'start from the index',
          'peak RSS at start',
        ],
        [
          [
            fmtNum(large.articles),
            large.build.ok
              ? `${ms(large.build.ms)} / ${ms(large.build.cpuMs)}`
              : `failed after ${ms(large.build.ms)}: ${large.build.error ?? ''}`,
            `${fmtNum(large.build.peakRssMb)} MiB`,
            `${fmtNum(large.heapLimitMb)} MiB`,
            large.start ? ms(large.start.ms) : 'not started (no index)',
            large.start ? `${fmtNum(large.start.peakRssMb)} MiB` : '',
          ],
        ],
      )
    : '';
  return [starts, edits, posts, big].filter(Boolean).join('\n\n');
}

/** The done-when checks of issue 13 that the service benchmarks measure. */
export function serviceTargets(
  results: readonly ServiceResult[],
  large?: LargeResult,
): TargetCheck[] {
  const out: TargetCheck[] = [];
  const small = results.find((r) => r.underPosts);
  if (small) {
    const n = fmtNum(small.size);
    out.push({
      target: `/healthz p99 ≤ 100 ms while 100 concurrent POST /v1/summarize run (${n} articles)`,
      measured: `${small.underPosts!.health.p99} ms`,
      met: small.underPosts!.health.p99 <= 100,
    });
    out.push({
      target: `/healthz p99 ≤ 100 ms while a reload runs (${n} articles)`,
      measured: `${small.edit.health.p99} ms`,
      met: small.edit.health.p99 <= 100,
    });
    out.push({
      target: `an edited file reflected (old citations stale) within 2 s (${n} articles)`,
      measured: ms(small.edit.reflectMs),
      met: small.edit.reflectMs <= 2000,
    });
    out.push({
      target: `restart → healthy (/healthz 200) ≤ 1 s (${n} articles; before: ${BEFORE_ISSUE_21.restart500} at 500)`,
      measured: ms(small.restart.healthyMs),
      met: small.restart.healthyMs <= 1000,
    });
    out.push({
      target: `restart → ready (/readyz 200: corpus served, workers hold it) ≤ 1 s (${n} articles)`,
      measured: ms(small.restart.ms),
      met: small.restart.ms <= 1000,
    });
    out.push({
      target: `restart on the unchanged folder ≤ 0.35× the first start (${n} articles)`,
      measured: `${fmtRatio(small.restart.ratio)} (${ms(small.restart.ms)} / ${ms(small.first.ms)})`,
      met: small.restart.ratio <= 0.35,
    });
  }
  const mid = results.find((r) => r.size === 10_000);
  if (mid) {
    out.push({
      target: 'restart ≤ 3 s at 10,000 articles',
      measured: ms(mid.restart.ms),
      met: mid.restart.ms <= 3000,
    });
    out.push({
      target: 'a one-file edit reflected ≤ 1 s at 10,000 articles',
      measured: ms(mid.edit.reflectMs),
      met: mid.edit.reflectMs <= 1000,
    });
  }
  if (large)
    out.push({
      target: `${fmtNum(large.articles)} articles: the index builds on this machine`,
      measured: large.build.ok
        ? `${ms(large.build.ms)}, peak RSS ${fmtNum(large.build.peakRssMb)} MiB`
        : `failed (${large.build.error ?? 'no output'})`,
      met: large.build.ok,
    });
  return out;
}
