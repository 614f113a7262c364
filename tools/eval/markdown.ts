/**
 * Markdown as users have it: the README.md files of the packages in node_modules, copied at eval
 * time into a temporary folder (never committed), read through the real pipeline (loader → parse
 * → classify → … → summaries), once as Markdown and once as plain lines (what the loader did
 * before it parsed Markdown: the same files under a `.txt` id). Every summary sentence (the corpus
 * summary and every story's and facet's) is checked against the file's Markdown structure, parsed
 * independently of the path that chose it: does it cite code, HTML, a badge, a table, a link
 * definition, an image or front matter, and does its text carry Markdown syntax?
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Summary } from '../../schemas/summary.js';
import { buildModel, type CorpusModel, loadCorpus } from '../../src/core/index.js';
import { type Block, ConstructFlag, parseDocument } from '../../src/core/parse/index.js';
import { type DocsQuality, docsQuality } from './docs-quality.js';
import { auditCitations, corpusSummaries } from './evaluate.js';

/** Blocks a summary sentence must never cite. */
const NOT_PROSE = new Set<Block['kind']>([
  'code',
  'html',
  'definition',
  'badge',
  'image',
  'table',
  'front-matter',
]);

/**
 * Markdown syntax a reader should never see in a summary sentence: link and image brackets,
 * footnote references, strong and emphasis markers, code ticks, HTML tags, character references,
 * heading marks, table rules, fences.
 */
const MARKUP: readonly RegExp[] = [
  /\]\(|\]\[|!\[|\[\^/u,
  /\*\*|__\w|\w__/u,
  /(?:^|[\s(])[*_][^\s*_][^*_]*[*_](?=$|[\s).,;:!?])/u,
  /`/u,
  /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/iu,
  /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/iu,
  /^#{1,6}\s/u,
  /\|\s*:?-{3,}|^\|.*\|$/u,
  /^(?:```|~~~)/u,
];

/** Whether a summary sentence's text shows Markdown syntax. */
export function carriesMarkup(text: string): boolean {
  return MARKUP.some((re) => re.test(text));
}

/** What the summaries of one reading of the folder got wrong, and how many citations re-check. */
export interface MarkupAudit {
  readonly files: number;
  readonly summaries: number;
  readonly sentences: number;
  /** Sentences whose citations touch code, HTML, a badge, a table, a definition, an image or front matter. */
  readonly citeNonProse: number;
  /** Sentences whose text carries Markdown syntax. */
  readonly carryMarkup: number;
  /** Sentences with either fault (the share the issue targets at 0). */
  readonly faulty: number;
  /** Sentences whose text shows syntax only inside inline code (`<del>`) or escaped (`\[`): literal text, not counted as markup. */
  readonly literalSyntax: number;
  readonly citations: number;
  readonly exact: number;
  /** A few faulty sentences, for reading. */
  readonly examples: string[];
  /** The labels of the largest stories (code names such as "const SemVer" were the symptom). */
  readonly labels: string[];
}

/**
 * Copies every package README (`node_modules/<name>/README.md`, scoped packages too, any case
 * of the name) into a new temporary folder as `<name>.md`, sorted by name. The caller removes it.
 */
export function readmeFolder(modules = path.resolve('node_modules')): {
  dir: string;
  count: number;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citesum-readmes-'));
  const packages: string[] = [];
  for (const name of readdirSync(modules).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@'))
      for (const inner of readdirSync(path.join(modules, name)).sort())
        packages.push(`${name}/${inner}`);
    else packages.push(name);
  }
  let count = 0;
  for (const pkg of packages) {
    const folder = path.join(modules, pkg);
    if (!existsSync(folder)) continue;
    const readme = readdirSync(folder).find((f) => f.toLowerCase() === 'readme.md');
    if (!readme) continue;
    copyFileSync(path.join(folder, readme), path.join(dir, `${pkg.replace('/', '__')}.md`));
    count++;
  }
  return { dir, count };
}

/**
 * The rendered text of the source span `[start, end)` of a block (of `source`) with what the
 * author wrote to be seen literally masked (`x`): the content of inline code (`<del>`, `**`),
 * backslash-escaped characters (`\[more\]`) and unmatched backticks. Those are text a reader
 * sees, not Markdown syntax.
 */
function withoutLiterals(source: string, block: Block, start: number, end: number): string {
  const chars = [...block.text].map((c, k) => {
    const s = block.sourceStart[k]!;
    const e = block.sourceEnd[k]!;
    if (s < start || e > end) return '';
    // A backtick in the rendered text is one the parser left as text (an unmatched code-span
    // delimiter is literal in CommonMark; matched ones never reach the rendered text).
    return (e - s === 2 && source[s] === '\\') || c === '`' ? 'x' : c;
  });
  const c = block.constructs;
  for (let k = 0; k < c.length; k += 5)
    if (c[k] === ConstructFlag.atomic)
      for (let u = c[k + 1]!; u < c[k + 2]!; u++) if (chars[u]) chars[u] = 'x';
  return chars.join('').replace(/\s+/gu, ' ').trim();
}

/**
 * Audits the summaries of a model whose files are the README folder's (ids `x.md` or `x.md.txt`).
 * `rendered`: sentence texts are rendered Markdown (inline code is then masked before looking for
 * syntax, and escaped characters); otherwise they are raw lines, read as they are.
 */
function audit(model: CorpusModel, summaries: readonly Summary[], rendered: boolean): MarkupAudit {
  const blocks = new Map<string, Block[]>();
  const blocksOf = (id: string): Block[] => {
    let b = blocks.get(id);
    if (!b) blocks.set(id, (b = parseDocument(model.byId.get(id)!.text, 'markdown').blocks));
    return b;
  };
  let sentences = 0;
  let citeNonProse = 0;
  let carryMarkup = 0;
  let faulty = 0;
  let literalSyntax = 0;
  const examples: string[] = [];
  for (const summary of summaries)
    for (const s of summary.sentences) {
      sentences++;
      const cites = s.citations.some((c) =>
        blocksOf(c.file).some(
          (b) => NOT_PROSE.has(b.kind) && b.start < c.offsets.end && c.offsets.start < b.end,
        ),
      );
      const first = s.citations[0]!;
      const block = blocksOf(first.file).find(
        (b) => b.start <= first.offsets.start && first.offsets.end <= b.end,
      );
      const markup = carriesMarkup(
        rendered && block
          ? withoutLiterals(
              model.byId.get(first.file)!.text,
              block,
              first.offsets.start,
              first.offsets.end,
            )
          : s.text,
      );
      if (cites) citeNonProse++;
      if (markup) carryMarkup++;
      if (markup !== carriesMarkup(s.text)) literalSyntax++;
      if (cites || markup) {
        faulty++;
        if (examples.length < 6) examples.push(`${first.file}: ${s.text.slice(0, 110)}`);
      }
    }
  const { citations, exact } = auditCitations(model, summaries);
  return {
    files: model.files.length,
    summaries: summaries.length,
    sentences,
    citeNonProse,
    carryMarkup,
    faulty,
    literalSyntax,
    citations,
    exact,
    examples,
    labels: model.stories.slice(0, 8).map((story) => story.story.label),
  };
}

/** The README folder read as Markdown and as plain lines, with the time the Markdown build took. */
export interface MarkdownReport {
  readonly readmes: number;
  readonly bytes: number;
  readonly asMarkdown: MarkupAudit;
  readonly asPlain: MarkupAudit;
  readonly buildMs: number;
  /** How the Markdown reading's summaries read (intros, fragments, dangling openings, templates, labels). */
  readonly docs: DocsQuality;
}

/** Builds the README folder, audits both readings and removes the folder. */
export async function markdownReport(): Promise<MarkdownReport> {
  const { dir, count } = readmeFolder();
  try {
    const corpus = await loadCorpus(dir);
    const start = performance.now();
    const markdown = buildModel(corpus);
    const buildMs = performance.now() - start;
    const summaries = corpusSummaries(markdown);
    const asMarkdown = audit(markdown, summaries, true);
    const docs = docsQuality(markdown, summaries);
    // Before Markdown was parsed, the loader read .md as plain lines: the same files, under an id
    // whose extension says plain text.
    const plain = buildModel({ files: corpus.files.map((f) => ({ ...f, id: `${f.id}.txt` })) });
    const asPlain = audit(plain, corpusSummaries(plain), false);
    return {
      readmes: count,
      bytes: corpus.files.reduce((n, f) => n + f.bytes, 0),
      asMarkdown,
      asPlain,
      buildMs,
      docs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const share = (n: number, of: number): string =>
  `${n}/${of} (${of ? ((100 * n) / of).toFixed(1) : '0.0'}%)`;

/** The report as `npm run eval` prints it: one row per reading, then the largest stories' labels. */
export function markdownTable(r: MarkdownReport): string {
  const row = (label: string, a: MarkupAudit): string =>
    `${label.padEnd(26)} | ${share(a.faulty, a.sentences).padEnd(18)} | ${share(a.citeNonProse, a.sentences).padEnd(18)} | ${share(a.carryMarkup, a.sentences).padEnd(18)} | ${a.exact}/${a.citations}`;
  return [
    `${'read as'.padEnd(26)} | ${'faulty sentences'.padEnd(18)} | ${'cite non-prose'.padEnd(18)} | ${'carry markup'.padEnd(18)} | citations exact`,
    row('plain lines (before)', r.asPlain),
    row('Markdown (parsed)', r.asMarkdown),
    '',
    `Markdown: ${r.asMarkdown.literalSyntax} more sentences show syntax only as literal text (inside inline code, or escaped), not counted · build ${(r.buildMs / 1000).toFixed(1)} s`,
    ...(r.asMarkdown.examples.length > 0
      ? ['faulty, for example:', ...r.asMarkdown.examples.map((e) => `  ${e}`)]
      : []),
    `largest stories as plain lines: ${r.asPlain.labels.join(' · ')}`,
    `largest stories as Markdown:    ${r.asMarkdown.labels.join(' · ')}`,
  ].join('\n');
}
