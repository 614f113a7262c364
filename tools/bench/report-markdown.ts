/**
 * bench.md: the report of one `npm run bench`, its sections in run order (the ones that ran),
 * then the targets. A pure function of what was measured, so the driver only runs sections.
 */
import { type HostileResult, hostileTable } from './hostile-bench.js';
import type { LargeResult } from './large-corpus.js';
import { LOAD_SECONDS, QUICK, ROUNDS, SEED } from './bench-config.js';
import type { HttpSection } from './http-bench.js';
import type { Machine } from './machine.js';
import { markdownLoadTable, type MarkdownLoadRow } from './markdown-load.js';
import { httpTable, scaleTables, startupTable } from './report-tables.js';
import type { ScaleResult } from './scale-child.js';
import { serviceTables } from './service-report.js';
import type { ServiceResult } from './service.js';
import type { StartupRow } from './startup.js';
import { fmtNum, fmtRatio, markdownTable, type TargetCheck } from './stats.js';

/** A corpus generated for the run: its folder, size, and how long it took to write. */
export interface GeneratedCorpus {
  readonly dir: string;
  readonly bytes: number;
  readonly words: number;
  readonly ms: number;
}

/** Everything the report shows: when and where the run happened, and each section's results. */
export interface BenchResults {
  readonly began: Date;
  readonly startMachine: Machine;
  readonly endMachine: Machine;
  readonly corpora: ReadonlyMap<number, GeneratedCorpus>;
  readonly query: string;
  readonly scale: readonly ScaleResult[];
  readonly markdownLoad: readonly MarkdownLoadRow[];
  readonly web: HttpSection | undefined;
  readonly startup: readonly StartupRow[];
  readonly service: readonly ServiceResult[];
  readonly large: LargeResult | undefined;
  readonly hostile?: HostileResult | undefined;
  readonly checks: readonly TargetCheck[];
}

/** The Markdown report (bench.md) of one run. */
export function benchMarkdown(results: BenchResults): string {
  const {
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
  } = results;
  const md: string[] = [];
  md.push(`# citesum benchmark${QUICK ? ' (QUICK mode: smaller sizes and shorter loads)' : ''}`);
  md.push('');
  md.push(
    `Run ${began.toISOString()} on ${endMachine.cores} × ${endMachine.cpu}, ${endMachine.memoryGb} GB, Node ${endMachine.node}, ${endMachine.platform}; load average ${startMachine.loadavg.join(' ')} at the start, ${endMachine.loadavg.join(' ')} at the end. Shared machine: compare ratios, not absolute times.`,
  );
  if (scale.length) {
    md.push('');
    md.push(`## Corpus scale`);
    md.push('');
    md.push(
      `Synthetic news corpora (seed ${SEED}, ~${fmtNum([...corpora.values()].reduce((n, c) => n + c.words, 0) / [...corpora.keys()].reduce((n, k) => n + k, 0))} words/article), each size in its own process. Build = loadCorpus + buildModel (classify → segment → index → topics). Reference: plain wink-nlp readDoc + sentence split over the same file texts, same instance (model + sbd/pos), two passes (before and after the stage-by-stage pass, model released); "throughput vs wink" = faster wink pass / faster of the two builds (the real buildModel, and the stage-by-stage pass below). Summaries: median of computed summaries after warm-up (largest topic; query "${query}"); "cached … (app)" = the same reads through the HTTP app in process, as every request after the first is served.`,
    );
    md.push('');
    md.push(scaleTables(scale));
  }
  if (markdownLoad.length) {
    md.push('');
    md.push('## Markdown load (vs plain text of the same bytes)');
    md.push('');
    md.push(
      `loadCorpus + buildModel without topics (load → parse → classify → segment → index), each folder once as Markdown and once as the same files under a .txt name (the plain-text path), alternating for ${markdownLoad[0]!.rounds} rounds; medians, and the median of the per-round ratios. "Parser alone": parseFiles (mdast-util-from-markdown with GFM and front matter, then blocks and offset maps) on the files in memory. Parsing is per file, so it can move to worker threads or be cached by file sha256; neither is done yet.`,
    );
    md.push('');
    md.push(markdownLoadTable(markdownLoad));
  }
  if (web) {
    md.push('');
    md.push('## HTTP (seed corpus, loopback, autocannon in the parent process)');
    md.push('');
    md.push(
      `Server: createApp as in src/server.ts (LOG_LEVEL=${web.server.log}, stdout to /dev/null) on data/ (${web.server.documents} documents, ${web.server.topics} topics) + a bench-only reference route in the same process. ${LOAD_SECONDS} s per route and connection count, in ${ROUNDS} interleaved rounds (reference, every route, bare-Hono calibration); req/s and percentiles are medians over the rounds, "vs ref" the median of the per-round ratios to the reference. autocannon runs on the same 2 cores; rows with a per-request path (rotating topics, distinct queries) also pay its per-request setup.`,
    );
    md.push('');
    md.push(httpTable(web.runs));
    md.push('');
    md.push(
      `POST /v1/summarize, MultiLing 2011 ${web.summarize.topic} (${web.summarize.files} files, ${fmtNum(web.summarize.bytes / 1024, 1)} KB):`,
    );
    md.push('');
    md.push(httpTable(web.summarize.runs));
  }
  if (startup.length) {
    md.push('');
    md.push('## Start-up (spawn → first 200 from /healthz, and from /readyz)');
    md.push('');
    md.push(
      'Every folder started once, untimed, to build its index: these are restarts. "healthy": the process answers (`/healthz`); "ready": the corpus served and every compute worker holding the model (`/readyz`). Phases are the service\'s own (ms from its start): the HTTP app imported, the corpus served, the workers holding it.',
    );
    md.push('');
    md.push(startupTable(startup));
  }
  if (service.length || large) {
    md.push('');
    md.push('## Service (the server process: workers, persisted index, reloads)');
    md.push('');
    md.push(
      `Generated folders (seed ${SEED}), \`node dist/src/main.js\` (the compiled service \`npm start\` runs) with default WORKERS and a fresh INDEX_DIR. First start builds the index; restart reads it; both timed to ready (\`/readyz\` 200), healthy (\`/healthz\` 200) beside it. /healthz is polled back to back from the bench process on one keep-alive connection; the POST load is autocannon in its own process. "Edit → stale": a cited file gets one sentence more; time until \`POST /v1/citations/verify\` calls its old citations stale (debounce 200 ms included).`,
    );
    md.push('');
    md.push(serviceTables(service, large));
  }
  if (hostile) {
    md.push('');
    md.push('## Hostile files (issue 24: absurd nesting, megabyte lines)');
    md.push('');
    md.push(
      `Generated in memory (tools/bench/hostile-files.ts): nested.md (a paragraph under 20,000 nested \`>\`, one under 5,000 nested \`- \`, a line of 30,000 \`*\`), deep.html (a paragraph inside 60,000 nested \`<div>\`), a two-line note, an 8.1 MB line of words with no sentence end and an 8.7 MB line of sentences. Each folder built by loadCorpus + buildModel (stories included) in a fresh process, ${hostile.rows[0]!.rounds} rounds, medians; the run-on line and the same words as sentences in paragraphs back to back in alternating order, ratio = median of the per-round ratios (${fmtRatio(hostile.runOnRatio)}). Nesting past the limits is flattened (Markdown: 100 levels, markdown-it's maxNesting; HTML: 512, Chromium's and Safari's tree builders), run-on text is cut at 1,000 characters; "fallbacks" counts files read as stripped text instead of by their parser.`,
    );
    md.push('');
    md.push(hostileTable(hostile));
  }
  md.push('');
  md.push('## Targets');
  md.push('');
  md.push(
    markdownTable(
      ['target', 'measured', 'met'],
      checks.map((c) => [c.target, c.measured, c.met ? 'yes' : '**no**']),
    ),
  );
  md.push('');
  return md.join('\n');
}
