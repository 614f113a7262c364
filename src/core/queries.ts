import type { Document, DocumentList } from '../../schemas/api.js';
import type { DocumentInfo, Line } from '../../schemas/document.js';
import type { Summary } from '../../schemas/summary.js';
import type { Topic } from '../../schemas/topic.js';
import type { VerifyResult } from '../../schemas/verify.js';
import type { SourceFile } from './corpus/index.js';
import { linesHref } from './hrefs.js';
import {
  DEFAULT_LINES_PAGE,
  DEFAULT_MAX_SENTENCES,
  DEFAULT_MAX_WORDS,
  MAX_LINES_PAGE,
} from './limits.js';
import type { CorpusModel } from './model.js';
import { summarizeSentences } from './summarize/index.js';
import { countWords } from './text/index.js';
import type { TopicCluster } from './topics/index.js';
import { type CitationClaim, verifyCitation } from './verify/index.js';

/**
 * The questions the service answers about a built model. The HTTP layer, the command line and
 * the page read a model only through these functions.
 */

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

/** Counts of a model, as health checks and logs report them. */
export interface CorpusStats {
  readonly corpus: string;
  readonly documents: number;
  readonly skipped: number;
  readonly sentences: number;
  readonly topics: number;
  /** Set when the corpus is empty or the folder is missing. */
  readonly message?: string;
}

/** The model's fingerprint and counts. */
export function corpusStats(model: CorpusModel): CorpusStats {
  return {
    corpus: model.fingerprint,
    documents: model.files.length,
    skipped: model.skipped.length,
    sentences: model.sentences.length,
    topics: model.topics.length,
    ...(model.message ? { message: model.message } : {}),
  };
}

/** The topics of a model, as the API shows them. */
export function listTopics(model: CorpusModel): Topic[] {
  return model.topics.map((t) => t.topic);
}

/** One topic by id, or undefined. */
export function findTopic(model: CorpusModel, topicId: string): TopicCluster | undefined {
  return model.topicsById.get(topicId);
}

/** The served files with what the classifier made of each, and the skipped files with reasons. */
export function documentList(model: CorpusModel): DocumentList {
  return {
    corpus: model.fingerprint,
    documents: [...model.documents],
    skipped: [...model.skipped],
    ...(model.message ? { message: model.message } : {}),
  };
}

/** One served file with its exact text, or undefined. */
export function documentWithText(model: CorpusModel, file: string): Document | undefined {
  const found = findDocument(model, file);
  if (!found) return undefined;
  return {
    ...found.info,
    corpus: model.fingerprint,
    text: found.source.text,
    linesHref: linesHref(file),
  };
}

/** A served file and its document info, or undefined. */
export function findDocument(
  model: CorpusModel,
  file: string,
): { source: SourceFile; info: DocumentInfo } | undefined {
  const source = model.byId.get(file);
  const info = model.documentsById.get(file);
  return source && info ? { source, info } : undefined;
}

/** A request with its defaults applied and its query trimmed (empty → absent). */
export function normalizeSummaryRequest(
  request: SummaryRequest,
): Required<Omit<SummaryRequest, 'topicId' | 'query'>> & SummaryRequest {
  const query = request.query?.trim() || undefined;
  return {
    ...(request.topicId !== undefined ? { topicId: request.topicId } : {}),
    ...(query ? { query } : {}),
    maxSentences: request.maxSentences ?? DEFAULT_MAX_SENTENCES,
    maxWords: request.maxWords ?? DEFAULT_MAX_WORDS,
  };
}

/** The cache key of a summary request: equal keys, equal summaries (on one model). */
export function summaryKey(request: SummaryRequest): string {
  const r = normalizeSummaryRequest(request);
  return [r.topicId ?? '', r.query ?? '', r.maxSentences, r.maxWords].join('\u0000');
}

/**
 * A cited summary of a topic, of the whole corpus, or for a query (query-focused; combined
 * with `topicId` it is focused within that topic). Returns `undefined` for an unknown topic.
 */
export function summarize(model: CorpusModel, request: SummaryRequest = {}): Summary | undefined {
  const { topicId, query, maxSentences, maxWords } = normalizeSummaryRequest(request);
  let topic: TopicCluster | undefined;
  if (topicId !== undefined) {
    topic = findTopic(model, topicId);
    if (!topic) return undefined;
  }
  const pool = topic ? topic.sentenceIds.map((id) => model.sentences[id]!) : model.sentences;
  const sentences = summarizeSentences(pool, {
    all: model.sentences,
    index: model.index,
    files: model.byId,
    hrefFor: model.hrefFor,
    maxSentences,
    maxWords,
    ...(query ? { query } : {}),
    ...(topic ? {} : { weights: model.corpusWeights() }),
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

/** One page of a file's lines: what `GET /v1/documents/{file}/lines` answers. */
export interface LinesPage {
  readonly file: string;
  readonly sha256: string;
  /** Lines in the whole file. */
  readonly lineCount: number;
  readonly lines: Line[];
  /** URL of the following page, as many lines long (absent after the last line). */
  readonly next?: string;
}

/**
 * The exact lines of a file from `start` (default 1) to `end`, with their offsets and kinds, or
 * undefined for an unknown file. Without `end` a page of DEFAULT_LINES_PAGE lines; a range is
 * clamped to the file and to MAX_LINES_PAGE lines. `next` links the following page of as many
 * lines, so following it pages through the rest of the file.
 *
 * @example
 * documentLines(model, 'a.txt')?.next // '/v1/documents/a.txt/lines?start=1001&end=2000' (when longer)
 */
export function documentLines(
  model: CorpusModel,
  file: string,
  start = 1,
  end?: number,
): LinesPage | undefined {
  const source = model.byId.get(file);
  const table = model.lines.get(file);
  if (!source || !table) return undefined;
  const from = Math.max(1, start);
  const wanted = end === undefined ? DEFAULT_LINES_PAGE : Math.min(MAX_LINES_PAGE, end - from + 1);
  const to = Math.min(table.length, from + wanted - 1);
  const lines: Line[] = [];
  for (let n = from; n <= to; n++) {
    const l = table[n - 1]!;
    const line: Line = { number: l.number, start: l.start, end: l.end, text: l.text, kind: l.kind };
    lines.push(l.reason && l.kind !== 'content' ? { ...line, reason: l.reason } : line);
  }
  const page = { file, sha256: source.sha256, lineCount: table.length, lines };
  if (to >= table.length || to < from) return page;
  const count = to - from + 1;
  return {
    ...page,
    next: linesHref(file, { start: to + 1, end: Math.min(table.length, to + count) }),
  };
}

/**
 * Checks citations against the model's files, one result per citation in order; a citation of a
 * skipped file says why it is skipped.
 */
export function verifyCitations(
  model: CorpusModel,
  claims: readonly CitationClaim[],
): VerifyResult[] {
  const skipped = new Map(model.skipped.map((s) => [s.file, s.reason]));
  return claims.map((c) => verifyCitation(model.byId, c, skipped));
}
