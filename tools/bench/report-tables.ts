/** The Markdown tables of the scale, HTTP and start-up sections of the bench report. */
import type { LoadResult } from './http-load.js';
import type { ScaleResult } from './scale-child.js';
import type { StartupRow } from './startup.js';
import { fmtMs, fmtNum, fmtRatio, markdownTable } from './stats.js';

/** The corpus-scale table and its stage breakdown. */
export function scaleTables(results: readonly ScaleResult[]): string {
  const main = markdownTable(
    [
      'articles',
      'MB',
      'sentences',
      'stories / facets',
      'build (load→topics)',
      'sentences/s',
      'peak RSS (MiB): build / +summaries',
      'wink readDoc+split (2 passes)',
      'throughput vs wink',
      'topic summary',
      'query summary',
      'cached topic summary (app)',
      'cached query (app)',
      'body: topics / topic summary / query',
    ],
    results.map((r) => [
      fmtNum(r.size),
      (r.bytes / 2 ** 20).toFixed(1),
      fmtNum(r.sentences),
      `${fmtNum(r.topics)} / ${fmtNum(r.facets)}`,
      fmtMs(r.totalBuildMs),
      fmtNum(r.sentencesPerSec),
      `${fmtNum(r.buildPeakRssMb)} / ${fmtNum(r.peakRssMb)}`,
      r.wink.passesMs.map((x) => fmtMs(x)).join(', '),
      fmtRatio(r.throughputRatio),
      fmtMs(r.topicSummaryMs),
      fmtMs(r.querySummaryMs),
      fmtMs(r.cachedTopicSummaryMs),
      fmtMs(r.cachedQueryMs),
      `${fmtNum(r.topicsBodyBytes / 1024, 0)} / ${fmtNum(r.topicSummaryBytes / 1024, 0)} / ${fmtNum(r.queryBytes / 1024, 0)} KB`,
    ]),
  );
  const stages = markdownTable(
    [
      'articles',
      'load',
      'parse (Markdown)',
      'classify',
      'segment (wink)',
      'index',
      'topics (stories + facets)',
      'of which story discovery',
      'stage pass total',
      'largest topic (sentences)',
      'wink alone (whole files, faster pass)',
    ],
    results.map((r) => {
      const sum =
        r.loadMs +
        r.stages.parseMs +
        r.stages.classifyMs +
        r.stages.segmentMs +
        r.stages.indexMs +
        r.stages.topicsMs;
      const pct = (x: number) => `${fmtMs(x)} (${Math.round((100 * x) / sum)}%)`;
      return [
        fmtNum(r.size),
        pct(r.loadMs),
        pct(r.stages.parseMs),
        pct(r.stages.classifyMs),
        pct(r.stages.segmentMs),
        pct(r.stages.indexMs),
        pct(r.stages.topicsMs),
        pct(r.stages.storiesMs),
        fmtMs(sum),
        fmtNum(r.largestTopicSentences),
        fmtMs(r.wink.ms),
      ];
    }),
  );
  return `${main}\n\nStage breakdown (a second pass in the same child, stage by stage):\n\n${stages}`;
}

/** One row per route and connection count, with its ratio to the reference. */
export function httpTable(runs: readonly LoadResult[]): string {
  return markdownTable(
    [
      'route',
      'conns',
      'req/s',
      'vs ref',
      'p50',
      'p99',
      'max',
      'errors',
      'timeouts',
      'non-2xx',
      'unexpected status',
      'bytes/resp',
      'server CPU/req (best round)',
    ],
    runs.map((r) => [
      r.route,
      String(r.connections),
      fmtNum(r.rps),
      r.ratio === undefined ? '' : fmtRatio(r.ratio),
      `${r.p50} ms`,
      `${r.p99} ms`,
      `${r.max} ms`,
      String(r.errors),
      String(r.timeouts),
      String(r.non2xx),
      String(r.unexpected),
      fmtNum(r.bytesPerResponse),
      r.cpuUsPerRequest === undefined ? '' : `${r.cpuUsPerRequest} µs`,
    ]),
  );
}

/** The start-up table: healthy and ready (medians and samples), the service's phases, the reference ratio. */
export function startupTable(startup: readonly StartupRow[]): string {
  return markdownTable(
    [
      'what',
      'healthy (/healthz 200)',
      'ready (/readyz 200)',
      'service phases to ready: app / corpus / workers (its log)',
      'samples: healthy; ready',
      'healthy vs reference',
    ],
    startup.map((s) => [
      s.what,
      fmtMs(s.ms),
      fmtMs(s.readyMs),
      s.phases
        ? `${fmtMs(s.phases.app ?? 0)} / ${fmtMs(s.phases.corpus ?? 0)} / ${fmtMs(s.phases.workers ?? 0)}`
        : '',
      `${s.samples.map((x) => fmtMs(x)).join(', ')}; ${s.readySamples.map((x) => fmtMs(x)).join(', ')}`,
      fmtRatio(s.ratio),
    ]),
  );
}
