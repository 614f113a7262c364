/** The targets of the scale and HTTP sections, each checked against what was measured. */
import type { HttpSection } from './http-bench.js';
import type { ScaleResult } from './scale-child.js';
import { fmtMs, fmtNum, fmtRatio, type TargetCheck } from './stats.js';

/** Allowed growth for a corpus `n1 → n2` if the cost is n log n: (n2/n1)·log n2 / log n1 (10× from 1k ≈ 13.3×). */
function nLogNGrowth(n1: number, n2: number): number {
  return (n2 / n1) * (Math.log(n2) / Math.log(n1));
}

/** Build time, memory, growth with corpus size, throughput vs wink-nlp and HTTP ratios, met or not. */
export function targets(
  scale: readonly ScaleResult[],
  web: HttpSection | undefined,
): TargetCheck[] {
  const out: TargetCheck[] = [];
  const largest = scale[scale.length - 1];
  const tenK = scale.find((r) => r.size === 10_000);
  if (tenK) {
    out.push({
      target: '10,000 articles indexed in ≤ 60 s',
      measured: fmtMs(tenK.totalBuildMs),
      met: tenK.totalBuildMs <= 60_000,
    });
    out.push({
      target: '10,000 articles indexed with peak RSS < 2 GiB',
      measured: `${fmtNum(tenK.buildPeakRssMb)} MiB`,
      met: tenK.buildPeakRssMb < 2048,
    });
    out.push({
      target: '10,000 articles: peak RSS < 2 GiB including the first topic and query summaries',
      measured: `${fmtNum(tenK.peakRssMb)} MiB`,
      met: tenK.peakRssMb < 2048,
    });
  } else if (largest) {
    out.push({
      target: '10,000 articles indexed in ≤ 60 s',
      measured: `not measured (quick mode; ${fmtNum(largest.size)} took ${fmtMs(largest.totalBuildMs)})`,
      met: false,
    });
  }
  if (scale.length >= 2) {
    const a = scale[scale.length - 2]!;
    const b = scale[scale.length - 1]!;
    const allowed = nLogNGrowth(a.size, b.size);
    const g = b.totalBuildMs / a.totalBuildMs;
    out.push({
      target: `build growth ${fmtNum(a.size)}→${fmtNum(b.size)} ≤ n log n (${allowed.toFixed(1)}×)`,
      measured: fmtRatio(g),
      met: g <= allowed,
    });
    const tg = b.cachedTopicSummaryMs / a.cachedTopicSummaryMs;
    const qg = b.cachedQueryMs / a.cachedQueryMs;
    out.push({
      target: `served topic-summary read does not grow with corpus (${fmtNum(a.size)}→${fmtNum(b.size)}, ≤ 1.5×)`,
      measured: fmtRatio(tg),
      met: tg <= 1.5,
    });
    out.push({
      target: `served repeated-query read does not grow with corpus (≤ 1.5×)`,
      measured: fmtRatio(qg),
      met: qg <= 1.5,
    });
    const ct = b.topicSummaryMs / a.topicSummaryMs;
    const cq = b.querySummaryMs / a.querySummaryMs;
    out.push({
      target: 'computing a topic summary (first request) does not grow with corpus (≤ 1.5×)',
      measured: `${fmtRatio(ct)} (${fmtMs(a.topicSummaryMs)} → ${fmtMs(b.topicSummaryMs)})`,
      met: ct <= 1.5,
    });
    out.push({
      target: 'computing a query summary (new query) does not grow with corpus (≤ 1.5×)',
      measured: `${fmtRatio(cq)} (${fmtMs(a.querySummaryMs)} → ${fmtMs(b.querySummaryMs)})`,
      met: cq <= 1.5,
    });
  }
  for (const r of scale)
    out.push({
      target: `pipeline ≥ 0.5× raw wink-nlp throughput (${fmtNum(r.size)} articles)`,
      measured: fmtRatio(r.throughputRatio),
      met: r.throughputRatio >= 0.5,
    });
  if (web) {
    for (const r of web.runs) {
      if (r.route.startsWith('reference') || r.route.startsWith('calibration')) continue;
      const need = r.route.includes('query') ? 0.3 : 0.8;
      out.push({
        target: `${r.route} c=${r.connections} ≥ ${need}× reference`,
        measured: fmtRatio(r.ratio ?? 0),
        met: (r.ratio ?? 0) >= need,
      });
    }
    const bad = web.runs.filter((r) => r.errors + r.timeouts + r.unexpected > 0);
    out.push({
      target: 'zero errors, timeouts and unexpected statuses under load',
      measured: bad.length
        ? bad
            .map(
              (r) =>
                `${r.route} c=${r.connections}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.unexpected} unexpected`,
            )
            .join('; ')
        : '0',
      met: bad.length === 0,
    });
    const four = web.summarize.runs.find((r) => r.connections === 4);
    if (four)
      out.push({
        target: 'POST /v1/summarize (one MultiLing topic) p50 < 100 ms at 4 connections',
        measured: `p50 ${four.p50} ms, p99 ${four.p99} ms`,
        met: four.p50 < 100,
      });
  }
  return out;
}
