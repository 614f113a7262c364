import type { DocumentInfo, Line, SkippedFile } from '../../schemas/document.js';
import type { Summary } from '../../schemas/summary.js';
import type { Topic } from '../../schemas/topic.js';
import type { VerifyResult } from '../../schemas/verify.js';
import { classifyLines, type LineTable } from './classify-lines.js';
import { countWords } from './count-words.js';
import { compareIds } from './load-corpus.js';
import { buildTermIndex, type TermIndex } from './term-index.js';
import { segmentCorpus, type Sentence } from './segment.js';
import { sha256Hex, sourceFromText, type SourceFile } from './source-file.js';
import { summarizeSentences, type HrefFor } from './summarize.js';
import { discoverTopics, type TopicCluster } from './topics.js';
import { verifyCitation, type CitationClaim } from './verify.js';

/** Everything the service knows about one corpus, computed once and then only read. */
export interface CorpusModel {
  readonly files: readonly SourceFile[];
  readonly byId: ReadonlyMap<string, SourceFile>;
  readonly skipped: readonly SkippedFile[];
  /** Set when the corpus is empty or the folder is missing. */
  readonly message?: string;
  readonly lines: LineTable;
  readonly sentences: readonly Sentence[];
  readonly index: TermIndex;
  readonly topics: readonly TopicCluster[];
  /** SHA-256 over the files' ids and sha256: changes whenever any served file changes. */
  readonly fingerprint: string;
  readonly documents: readonly DocumentInfo[];
  readonly hrefFor: HrefFor;
}

/** Options of the model builder. */
export interface ModelOptions {
  /** Builds a citation's spot-check URL (default `/v1/documents/{file}/lines?start=&end=`). */
  hrefFor?: HrefFor;
  /** Whether to discover topics (default true). */
  topics?: boolean;
}

/** Default spot-check URL of a citation: the lines endpoint of the HTTP API. */
export const defaultHrefFor: HrefFor = (file, lines) =>
  `/v1/documents/${encodeURIComponent(file)}/lines?start=${lines.start}&end=${lines.end}`;

/** Fingerprint of a set of files: SHA-256 over `id NUL sha256 LF` in id order. */
export function corpusFingerprint(files: readonly SourceFile[]): string {
  return sha256Hex(files.map((f) => `${f.id}\u0000${f.sha256}\n`).join(''));
}

function documentInfo(
  file: SourceFile,
  lines: readonly { kind: string; reason?: string }[],
  sentenceCount: number,
): DocumentInfo {
  const counts = { content: 0, heading: 0, boilerplate: 0, blank: 0 };
  const reasons: Record<string, number> = {};
  for (const l of lines) {
    counts[l.kind as keyof typeof counts]++;
    if (l.reason && l.kind !== 'blank') reasons[l.reason] = (reasons[l.reason] ?? 0) + 1;
  }
  return {
    file: file.id,
    sha256: file.sha256,
    bytes: file.bytes,
    lineCount: lines.length,
    sentenceCount,
    lines: counts,
    reasons,
  };
}

/**
 * The pipeline: classify lines → segment sentences with spans → index terms → discover topics.
 * Pure over the files it is given (the loader is the only part that reads the disk).
 */
export function buildModel(
  corpus: { files: readonly SourceFile[]; skipped?: readonly SkippedFile[]; message?: string },
  options: ModelOptions = {},
): CorpusModel {
  const files = corpus.files;
  const lines = classifyLines(files);
  const sentences = segmentCorpus(files, lines);
  const index = buildTermIndex(sentences);
  const perFile = new Map<string, number>();
  for (const s of sentences) perFile.set(s.file, (perFile.get(s.file) ?? 0) + 1);
  const documents = files.map((f) =>
    documentInfo(f, lines.get(f.id) ?? [], perFile.get(f.id) ?? 0),
  );
  const topics = options.topics === false ? [] : discoverTopics(sentences, index);
  const model: CorpusModel = {
    files,
    byId: new Map(files.map((f) => [f.id, f])),
    skipped: corpus.skipped ?? [],
    lines,
    sentences,
    index,
    topics,
    fingerprint: corpusFingerprint(files),
    documents,
    hrefFor: options.hrefFor ?? defaultHrefFor,
  };
  return corpus.message ? { ...model, message: corpus.message } : model;
}

/** A model over texts a caller sent (nothing touches the disk); sha256 is of each text's UTF-8 bytes. */
export function modelFromTexts(
  documents: readonly { file: string; text: string }[],
  options: ModelOptions = {},
): CorpusModel {
  const files = [...documents]
    .map((d) => sourceFromText(d.file, d.text))
    .sort((a, b) => compareIds(a.id, b.id));
  return buildModel({ files }, options);
}

/** What a summary is of and how long it may be. */
export interface SummaryRequest {
  /** Summarize one topic (by id). */
  topicId?: string;
  /** Query-focused summary: the sentences most relevant to this text. */
  query?: string;
  /** At most this many sentences (default 5). */
  maxSentences?: number;
  /** At most this many words in all (default 250); never exceeded. */
  maxWords?: number;
}

/** Default number of sentences in a summary. */
export const DEFAULT_MAX_SENTENCES = 5;
/** Default word budget of a summary. */
export const DEFAULT_MAX_WORDS = 250;

/** The topics of a model, as the API shows them. */
export function listTopics(model: CorpusModel): Topic[] {
  return model.topics.map((t) => t.topic);
}

/**
 * A cited summary of a topic, of the whole corpus, or for a query (query-focused; combined
 * with `topicId` it is focused within that topic). Returns `undefined` for an unknown topic.
 */
export function summarize(model: CorpusModel, request: SummaryRequest = {}): Summary | undefined {
  let pool: readonly Sentence[] = model.sentences;
  let topic: TopicCluster | undefined;
  if (request.topicId !== undefined) {
    topic = model.topics.find((t) => t.topic.id === request.topicId);
    if (!topic) return undefined;
    pool = topic.sentenceIds.map((id) => model.sentences[id]!);
  }
  const query = request.query?.trim() || undefined;
  const sentences = summarizeSentences(pool, {
    all: model.sentences,
    index: model.index,
    files: model.byId,
    hrefFor: model.hrefFor,
    maxSentences: request.maxSentences ?? DEFAULT_MAX_SENTENCES,
    maxWords: request.maxWords ?? DEFAULT_MAX_WORDS,
    ...(query ? { query } : {}),
  });
  const wordCount = sentences.reduce((n, s) => n + countWords(s.text), 0);
  return {
    ...(topic ? { topic: topic.topic } : {}),
    ...(query ? { query } : {}),
    sentences,
    wordCount,
    corpus: model.fingerprint,
  };
}

export { countWords } from './count-words.js';

/** The exact lines `start..end` (1-based, inclusive, clamped to the file) of a file with their offsets and kinds. */
export function documentLines(
  model: CorpusModel,
  file: string,
  start = 1,
  end = Number.MAX_SAFE_INTEGER,
): { file: string; sha256: string; lineCount: number; lines: Line[] } | undefined {
  const source = model.byId.get(file);
  const table = model.lines.get(file);
  if (!source || !table) return undefined;
  const from = Math.max(1, start);
  const to = Math.min(table.length, end);
  const lines: Line[] = [];
  for (let n = from; n <= to; n++) {
    const l = table[n - 1]!;
    const line: Line = { number: l.number, start: l.start, end: l.end, text: l.text, kind: l.kind };
    lines.push(l.reason && l.kind !== 'content' ? { ...line, reason: l.reason } : line);
  }
  return { file, sha256: source.sha256, lineCount: table.length, lines };
}

/** Checks citations against the model's files, one result per citation in order. */
export function verifyCitations(
  model: CorpusModel,
  claims: readonly CitationClaim[],
): VerifyResult[] {
  return claims.map((c) => verifyCitation(model.byId, c));
}
