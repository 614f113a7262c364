import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildModel,
  type Limit,
  storySummaries,
  loadCorpus,
  MAX_SENTENCES,
  MAX_WORDS,
  solverReady,
  summarize,
} from './core/index.js';
import { renderStoriesMarkdown, renderSummaryMarkdown } from './render/markdown.js';

export const USAGE = `Usage: npm run summarize -- [options] [folder]

Prints cited summaries of the .txt, .md and .html files under folder (default: $DATA_DIR or data) as
Markdown: by default one section per story with a subsection per facet; with --query, one
query-focused summary. Every sentence is a paragraph followed by footnote markers; each
footnote names file:lines, the offsets and the quote.

Options:
  --query TEXT          summarize what the files say about TEXT
  --all                 one summary of the whole folder instead of one per topic
  --max-sentences N     at most N sentences per summary (${MAX_SENTENCES.min}-${MAX_SENTENCES.max}, default ${MAX_SENTENCES.default})
  --max-words N         at most N words per summary (${MAX_WORDS.min}-${MAX_WORDS.max}, default ${MAX_WORDS.default})
  -h, --help            show this help`;

/** A usage or input error: printed without a stack trace, with a non-zero exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function wholeNumber(name: string, value: string | undefined, limit: Limit): number {
  const { min, max } = limit;
  if (value === undefined) return limit.default;
  if (!/^\d+$/.test(value.trim()))
    throw new CliError(
      `--${name} must be a whole number between ${min} and ${max}, got ${JSON.stringify(value)}`,
      2,
    );
  const n = Number(value);
  if (n < min || n > max)
    throw new CliError(`--${name} must be between ${min} and ${max}, got ${n}`, 2);
  return n;
}

/** Parsed command line. */
export interface CliOptions {
  readonly folder: string;
  readonly query?: string;
  readonly all: boolean;
  readonly maxSentences: number;
  readonly maxWords: number;
  readonly help: boolean;
}

/** Parses and validates the arguments (throws {@link CliError} with exit code 2 on bad ones). */
export function parseCliArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        query: { type: 'string' },
        all: { type: 'boolean', default: false },
        'max-sentences': { type: 'string' },
        'max-words': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    throw new CliError(
      `expected at most one folder, got ${positionals.length}: ${positionals.join(' ')}\n\n${USAGE}`,
      2,
    );
  const query = values.query?.trim();
  if (values.query !== undefined && !query) throw new CliError('--query must not be empty', 2);
  if (query && values.all) throw new CliError('--query and --all cannot be combined', 2);
  return {
    folder: positionals[0] ?? (env.DATA_DIR || 'data'),
    ...(query ? { query } : {}),
    all: values.all ?? false,
    maxSentences: wholeNumber('max-sentences', values['max-sentences'], MAX_SENTENCES),
    maxWords: wholeNumber('max-words', values['max-words'], MAX_WORDS),
    help: values.help ?? false,
  };
}

/**
 * Runs the command: returns the Markdown to print and the warnings for stderr.
 * Throws {@link CliError} (exit code 1) when the folder cannot be read or holds no files.
 */
export async function runCli(opts: CliOptions): Promise<{ markdown: string; warnings: string[] }> {
  try {
    const st = await stat(opts.folder);
    if (!st.isDirectory()) throw new CliError(`${opts.folder} is not a folder`, 1);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `folder ${opts.folder} does not exist`
        : `folder ${opts.folder} cannot be read (${code ?? String(err)})`,
      1,
    );
  }
  const corpus = await loadCorpus(opts.folder);
  const warnings = corpus.skipped.map((s) => `skipped ${s.file}: ${s.reason}`);
  if (corpus.files.length === 0)
    throw new CliError(
      corpus.message ?? `no readable .txt, .md or .html files in ${opts.folder}`,
      1,
    );
  const model = buildModel(corpus, { topics: !opts.query && !opts.all });
  const budget = { maxSentences: opts.maxSentences, maxWords: opts.maxWords };
  if (opts.query || opts.all) {
    const summary = summarize(model, { ...budget, query: opts.query })!;
    return { markdown: renderSummaryMarkdown(summary), warnings };
  }
  return {
    markdown: renderStoriesMarkdown(
      storySummaries(model, budget),
      `Stories of ${path.basename(path.resolve(opts.folder))}`,
    ),
    warnings,
  };
}

async function main(): Promise<void> {
  await solverReady;
  try {
    const opts = parseCliArgs(process.argv.slice(2));
    if (opts.help) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    const { markdown, warnings } = await runCli(opts);
    for (const w of warnings) process.stderr.write(`citesum: ${w}\n`);
    process.stdout.write(markdown);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`citesum: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
