/**
 * Generalization: the product as an outside grader sees it. Corpora the code was never tuned on
 * (test/fixtures/unseen-*: several outlets covering one event, each with its own site chrome,
 * line endings and layout) are served in-process through the same load → buildModel path as the
 * server, and every answer is read only through the HTTP API. Gold facts live outside the corpus
 * folders (test/fixtures/gold/*.json) so the loader never reads them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../schemas/summary.js';
import type { Story, Topic } from '../schemas/topic.js';
import { loadCorpus } from '../src/core/index.js';
import { buildModel } from '../src/core/index.js';
import { createApp } from '../src/http/app.js';

interface Gold {
  corpus: string;
  event: string;
  queries: string[];
  /** Substrings of site chrome: never in a quote, never on a cited line. */
  boilerplate: string[];
  /**
   * Chrome that shares a line with content (a dateline opening the lead: "OSLO (Agency) — …"):
   * never in a quote; the cited line necessarily holds it.
   */
  inlineBoilerplate?: string[];
  /** Substrings of titles and section headings: never quoted as a summary sentence. */
  headings: string[];
  /** Facts a reader expects in the corpus summary or in some topic summary (regex sources, case-insensitive). */
  keyFacts: { id: string; pattern: string }[];
  /** Facts several outlets report in their own words: one sentence, citing every file. */
  multiSource: { id: string; pattern: string; files: string[] }[];
}

interface Line {
  number: number;
  text: string;
  kind: string;
  reason?: string;
}

type Citation = Summary['sentences'][number]['citations'][number];

const GOLD_NAMES = ['port-strike', 'wildfire', 'rate-decision'];

/**
 * Checks that are known to fail on a corpus run as `it.fails` (CI stays green while they fail and
 * turns red the day one is fixed). None is listed now: the date-only labels, facts stated twice and
 * single-source sub-stories these corpora found were fixed in src/core/summarize.ts and topics.ts.
 */
/**
 * Multi-source facts whose tellings share too few words with the chosen sentence for the
 * bag-of-words fact matcher, so one outlet's citation is missing (e.g. "63 ships were lying at
 * anchor" vs "63 container vessels riding at anchor in the bay"; "18,000 people left … under
 * evacuation orders" vs "forced the evacuation of 18,000 people").
 */
const KNOWN_INCOMPLETE_CITATIONS: Record<string, readonly string[]> = {
  'port-strike': ['ships-at-anchor'],
  wildfire: ['evacuated'],
  'rate-decision': ['inflation', 'vote'],
};
const KNOWN_FAILURES: Record<string, readonly string[]> = {
  'port-strike': [],
  wildfire: [],
  'rate-decision': [],
};
const KEY_FACT_RECALL = 0.7;
/** Words of times and dates, and numbers: a label made only of these is not a topic. */
const TEMPORAL =
  /^(?:[\d.,:%-]+|a\.m\.?|p\.m\.?|am|pm|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|morning|afternoon|evening|night|tonight|today|yesterday|tomorrow|last|next|this|early|late|weeks?|days?|months?|years?|hours?|minutes?|one|two|three|four|five|six|seven|eight|nine|ten)$/iu;

function goldOf(name: string): Gold {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`./fixtures/gold/${name}.json`, import.meta.url)), 'utf8'),
  ) as Gold;
}

/** Everything a client fetched about one corpus. */
interface Fetched {
  app: ReturnType<typeof createApp>;
  /** Every story and every facet, as a client walks the list. */
  topics: Topic[];
  /** Summaries by a readable name: `corpus`, `corpus max10`, `topic <label>`, `query <q>`, …. */
  summaries: Map<string, Summary>;
}

async function getJson<T>(app: Fetched['app'], url: string): Promise<T> {
  const res = await app.request(url);
  expect(res.status, `GET ${url}`).toBe(200);
  return (await res.json()) as T;
}

async function fetchAll(gold: Gold): Promise<Fetched> {
  const dir = fileURLToPath(new URL(`./fixtures/${gold.corpus}/`, import.meta.url));
  const model = buildModel(await loadCorpus(dir));
  const app = createApp({ model, loadedAt: new Date('2026-01-01T00:00:00Z') });
  const { topics: stories } = await getJson<{ topics: Story[] }>(app, '/v1/topics');
  const topics: Topic[] = stories.flatMap(({ subtopics, ...story }) => [story, ...subtopics]);
  const summaries = new Map<string, Summary>();
  summaries.set('corpus', await getJson<Summary>(app, '/v1/summary'));
  summaries.set('corpus max10', await getJson<Summary>(app, '/v1/summary?maxSentences=10'));
  for (const t of topics) {
    const base = `/v1/topics/${encodeURIComponent(t.id)}/summary`;
    summaries.set(`topic "${t.label}"`, await getJson<Summary>(app, base));
    summaries.set(
      `topic "${t.label}" max10`,
      await getJson<Summary>(app, `${base}?maxSentences=10`),
    );
  }
  for (const q of gold.queries)
    summaries.set(
      `query "${q}"`,
      await getJson<Summary>(app, `/v1/summary?query=${encodeURIComponent(q)}`),
    );
  return { app, topics, summaries };
}

function allCitations(f: Fetched): { where: string; text: string; citation: Citation }[] {
  return [...f.summaries].flatMap(([where, s]) =>
    s.sentences.flatMap((sent) =>
      sent.citations.map((citation) => ({ where, text: sent.text, citation })),
    ),
  );
}

/** Splits a quote at line breaks the way the API counts lines (\r\n, \n, lone \r). */
function quoteLines(quote: string): string[] {
  return quote.split(/\r\n|\n|\r/u);
}

for (const name of GOLD_NAMES) {
  const gold = goldOf(name);
  describe(`unseen corpus ${gold.corpus}: ${gold.event}`, () => {
    const known = KNOWN_FAILURES[name] ?? [];
    const check = (id: string) => (known.includes(id) ? it.fails : it);
    let f: Fetched;
    const linesCache = new Map<string, Line[]>();
    async function citedLines(c: Citation): Promise<Line[]> {
      const key = `${c.file}:${c.lines.start}:${c.lines.end}`;
      let hit = linesCache.get(key);
      if (!hit) {
        hit = (await getJson<{ lines: Line[] }>(f.app, c.href)).lines;
        linesCache.set(key, hit);
      }
      return hit;
    }

    beforeAll(async () => {
      f = await fetchAll(gold);
    }, 60_000);

    check('labels')('finds topics and gives every topic a label a reader can read', () => {
      expect(f.topics.length).toBeGreaterThan(0);
      const bad = f.topics
        .map((t) => t.label)
        .filter((label) => {
          const words = label.split(/\s+/u).filter(Boolean);
          return (
            words.length === 0 ||
            words.length > 8 ||
            !/\p{L}{3,}/u.test(label) ||
            /https?:|www\.|[|›»#*_[\]]|\w+-\w+-\w+/u.test(label) ||
            gold.boilerplate.some((b) => label.toLowerCase().includes(b.toLowerCase())) ||
            // A time or date ("6 a.m.", "Saturday afternoon", "September 24") names no story.
            words.every((w) => TEMPORAL.test(w))
          );
        });
      expect(bad, 'unreadable topic labels').toEqual([]);
    });

    it('answers every topic summary and the corpus summary with cited sentences', () => {
      for (const [where, s] of f.summaries) {
        if (where.startsWith('query')) continue;
        expect(s.sentences.length, where).toBeGreaterThan(0);
        for (const sent of s.sentences)
          expect(sent.citations.length, `${where}: ${sent.text}`).toBeGreaterThan(0);
      }
    });

    it('answers every gold query with at least one cited sentence', () => {
      for (const q of gold.queries)
        expect(f.summaries.get(`query "${q}"`)!.sentences.length, q).toBeGreaterThan(0);
    });

    it('verifies every citation of every summary through POST /v1/citations/verify', async () => {
      const cites = allCitations(f);
      const res = await f.app.request('/v1/citations/verify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ citations: cites.map((c) => c.citation) }),
      });
      expect(res.status).toBe(200);
      const { results } = (await res.json()) as { results: { status: string; reason?: string }[] };
      const failed = results
        .map((r, i) => ({ ...r, where: cites[i]!.where, quote: cites[i]!.citation.quote }))
        .filter((r) => r.status !== 'verified');
      expect(failed).toEqual([]);
    });

    it('takes every sentence text verbatim from its first citation', () => {
      for (const [where, s] of f.summaries)
        for (const sent of s.sentences)
          expect(sent.text, where).toBe(sent.citations[0]!.quote.replace(/\s+/gu, ' ').trim());
    });

    it('never quotes site chrome: no boilerplate string in any citation quote', () => {
      const leaks = allCitations(f).flatMap(({ where, citation }) =>
        [...gold.boilerplate, ...(gold.inlineBoilerplate ?? [])]
          .filter((b) => citation.quote.includes(b))
          .map(
            (b) =>
              `${where} ${citation.file}:${citation.lines.start} quotes "${b}": ${citation.quote}`,
          ),
      );
      expect(leaks).toEqual([]);
    });

    it('never quotes a title or section heading as a sentence', () => {
      const leaks = allCitations(f).flatMap(({ where, citation }) =>
        gold.headings
          .filter((h) => citation.quote.includes(h))
          .map((h) => `${where} ${citation.file}:${citation.lines.start} quotes heading "${h}"`),
      );
      expect(leaks).toEqual([]);
    });

    it('cites only content lines, and the cited lines hold the quote line for line (no off-by-one)', async () => {
      const problems: string[] = [];
      for (const { where, citation: c } of allCitations(f)) {
        const lines = await citedLines(c);
        const at = `${where} ${c.file}:${c.lines.start}-${c.lines.end}`;
        const parts = quoteLines(c.quote);
        if (lines.length !== c.lines.end - c.lines.start + 1 || lines[0]?.number !== c.lines.start)
          problems.push(`${at}: lines endpoint returned ${lines.map((l) => l.number).join(',')}`);
        if (lines.length !== parts.length)
          problems.push(
            `${at}: quote spans ${parts.length} line(s), citation says ${lines.length}`,
          );
        for (const l of lines) {
          if (l.kind !== 'content' && l.kind !== 'duplicate')
            problems.push(`${at}: line ${l.number} is ${l.kind}/${l.reason}: ${l.text}`);
          const leaked = gold.boilerplate.find((b) => l.text.includes(b));
          if (leaked) problems.push(`${at}: line ${l.number} holds boilerplate "${leaked}"`);
        }
        if (lines.length === parts.length)
          parts.forEach((p, i) => {
            if (!lines[i]!.text.includes(p))
              problems.push(
                `${at}: quote part "${p}" is not on line ${lines[i]!.number}: "${lines[i]!.text}"`,
              );
          });
      }
      expect(problems).toEqual([]);
    });

    check('multiSource')('states each multi-source fact at most once per summary', () => {
      const problems: string[] = [];
      for (const fact of gold.multiSource) {
        const re = new RegExp(fact.pattern, 'iu');
        for (const [where, s] of f.summaries) {
          const stating = s.sentences.filter((sent) => re.test(sent.text));
          if (stating.length > 1)
            problems.push(
              `${fact.id}: ${stating.length} sentences in ${where}: ${stating.map((x) => `[${x.citations[0]!.file}] ${x.text}`).join(' | ')}`,
            );
          for (const sent of stating) {
            const cited = new Set(sent.citations.map((c) => c.file));
            if (sent.support !== cited.size)
              problems.push(
                `${fact.id}: ${where} support ${sent.support} ≠ ${cited.size} distinct files`,
              );
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('cites every outlet that reports a multi-source fact, except the known paraphrase misses', () => {
      const incomplete = new Set<string>();
      for (const fact of gold.multiSource) {
        const re = new RegExp(fact.pattern, 'iu');
        for (const [, s] of f.summaries)
          for (const sent of s.sentences.filter((x) => re.test(x.text))) {
            const cited = new Set(sent.citations.map((c) => c.file));
            if (fact.files.some((file) => !cited.has(file))) incomplete.add(fact.id);
          }
      }
      // Exactly the known misses: a new miss is a regression, a fixed one must leave this list.
      expect([...incomplete].sort()).toEqual([...(KNOWN_INCOMPLETE_CITATIONS[name] ?? [])].sort());
    });

    check('keyFacts')(
      `covers at least ${KEY_FACT_RECALL * 100}% of the key facts in the corpus summary or some story or facet summary`,
      () => {
        const texts = [...f.summaries]
          .filter(([where]) => !where.startsWith('query'))
          .flatMap(([, s]) =>
            s.sentences.flatMap((sent) => [sent.text, ...sent.citations.map((c) => c.quote)]),
          );
        const missing = gold.keyFacts
          .filter((k) => !texts.some((t) => new RegExp(k.pattern, 'iu').test(t)))
          .map((k) => k.id);
        const covered = gold.keyFacts.length - missing.length;
        expect(
          covered / gold.keyFacts.length,
          `key facts found in no summary: ${missing.join(', ')}`,
        ).toBeGreaterThanOrEqual(KEY_FACT_RECALL);
      },
    );
  });
}
