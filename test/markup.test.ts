/**
 * Markdown and HTML through the HTTP API, as a client sees them: a knowledge base of Markdown notes
 * (test/fixtures/markdown-kb: headings, lists, fences in several languages, tables, badges, front
 * matter, footnotes, nested block quotes, <details>) and saved news pages (test/fixtures/html-news:
 * navigation, cookie banners, related links, share bars, comments, article bodies with inline
 * links) are served through the same load → buildModel path as the server. What is content is
 * pinned line by line; every citation of every summary verifies; no summary text shows markup.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../schemas/summary.js';
import type { Story, Topic } from '../schemas/topic.js';
import { buildModel, loadCorpus } from '../src/core/index.js';
import { createApp } from '../src/http/app.js';
import { carriesMarkup } from '../tools/eval/markdown.js';

interface Line {
  number: number;
  text: string;
  kind: string;
  reason?: string;
}
type Citation = Summary['sentences'][number]['citations'][number];
type App = ReturnType<typeof createApp>;

/**
 * Every non-blank line of every fixture, as runs: `from-to what`, where `what` is `content`, or the
 * reason of a line that is not (`heading` for headings). Reviewed by hand. The README's "Read it
 * before your first shift…" paragraph and its "Create a branch…" step speak to the reader, but a
 * paragraph of prose (or a how-to step that asks for no support, sign-up or click) is never an
 * appeal by its words alone: they are content, as they would be in plain text. Structure decides
 * what a line of prose is: a paragraph's line is never a heading by its shape (the incident's
 * "**Status:** resolved — …" paragraph and the block quote's "…, posted at 09:31 UTC:" are
 * content), and a date stamp with its author is a byline.
 */
const EXPECTED_LINES: Record<string, Record<string, string>> = {
  'markdown-kb': {
    'README.md':
      '1 heading, 3 badge, 5-9 content, 11-13 content, 15 heading, 17-21 navigation, 23 heading, 25-30 table, 32-33 content, 35 heading, 37-39 content, 41 thematic-break, 43-44 content, 46-47 definition',
    'architecture-ledger.md':
      '1 heading, 3-6 content, 8 heading, 10-14 content, 16-24 code, 26 heading, 28-31 content, 33 heading, 35-36 content, 38-43 table, 45-49 content, 51 heading, 53-56 content',
    'glossary.md':
      '1-2 heading, 4-5 content, 7-8 heading, 10-12 content, 14-15 heading, 17-19 content, 21-22 heading, 24-25 content, 27-28 heading, 30-32 content, 34-35 code, 37-38 heading, 40-41 content, 43-44 footnote',
    'incident-2024-03-14-ledger-backlog.md':
      '1-9 front-matter, 11 heading, 13 content, 15-19 content, 21-23 content, 25 heading, 27-35 table, 37 heading, 39-43 content, 45-46 content, 48-53 code, 55 heading, 57-59 content, 61 content, 62 markup, 63-64 content, 66 content, 68-69 footnote, 71 definition',
    'onboarding-notes.md':
      '1-4 front-matter, 6 heading, 8-9 content, 11 heading, 13 content, 14 navigation, 15-16 content, 18 heading, 20-22 content, 24-26 content, 28-30 content, 32 heading, 34-35 code, 37-38 code, 40 heading, 42-43 content, 44 call-to-action, 46-47 cross-promotion',
    'postmortem-ledger-backlog.md':
      '1-5 front-matter, 7 heading, 9 heading, 11-15 content, 17 heading, 19-23 content, 25-27 content, 29-30 html, 32-37 code, 39 html, 41 heading, 43-45 content, 47 content, 48 markup, 49-51 content, 53 heading, 55-58 content, 60 heading, 62-69 content, 71-76 code, 78 heading, 80-82 content',
    'runbook-ledger-replay.md':
      '1 heading, 3-6 content, 8-11 content, 13 heading, 15-18 content, 20 heading, 22 content, 24-27 code, 29 content, 31-33 code, 35 content, 37-44 code, 46-48 content, 50-52 code, 54 content, 56 thematic-break, 58 heading, 60-63 content',
  },
  'html-news': {
    'coastal-daily-bridge-bearings.html':
      '1-4 markup, 5 title, 6 markup, 7 style, 8 script, 9-11 markup, 12-15 header, 16-19 cookie-banner, 20 navigation, 21-23 markup, 24-25 heading, 26-27 byline, 28 markup, 29 share, 30 markup, 31-37 content, 38 markup, 39-40 content, 41 markup, 42-43 content, 44 advertisement, 45-47 content, 48 heading, 49-51 content, 52 markup, 53 navigation, 54 markup, 55-58 aside, 59 markup, 60-62 footer, 63-65 markup',
    'harbour-blog-bridge-week-one.html':
      '1-4 markup, 5 title, 6-8 style, 9-10 markup, 11 heading, 12 navigation, 14 heading, 15 byline, 17-19 content, 21-24 content, 26-28 content, 30 script, 31 hidden, 33 share, 34-36 comments, 37 footer, 38-39 markup',
    'metro-wire-harbour-bridge.html':
      '1-4 markup, 5 title, 6-10 script, 11-12 markup, 13 navigation, 14-18 banner, 19-22 header, 23 markup, 24 heading, 25 byline, 26-28 content, 29 heading, 30-32 content, 33 heading, 34 markup, 35-38 content, 39 markup, 40-46 table, 47 heading, 48-51 content, 52 embed, 53 cross-promotion, 54-57 comments, 58 markup, 59-61 footer, 62-63 markup',
    'norrvik-courier-bridge-closure.html':
      '1-5 markup, 6 title, 7-8 markup, 9-12 style, 13-16 script, 17-18 markup, 19-30 header, 32-35 cookie-banner, 37-41 breadcrumb, 43-44 markup, 45 heading, 46 byline, 48-50 content, 52-54 content, 56-57 markup, 58 caption, 59 markup, 61-63 content, 65-68 content, 70-71 content, 73-79 aside, 81-82 content, 83-84 markup, 86-93 newsletter, 95-98 footer, 99 script, 100-101 markup',
  },
};

/**
 * A sentence's text without the characters its source escaped (`\(`\\&mdash;` is the textmdash;` is the text
 * "&mdash;" a reader sees, not a character reference): one occurrence of the character is
 * removed from the text per escape in the quote.
 */
function withoutEscaped(text: string, quote: string): string {
  let out = text;
  for (const [, c] of quote.matchAll(/\\([!-/:-@[-`{-~])/gu)) out = out.replace(c!, '');
  return out;
}

/** A file's lines as runs of one kind (blank lines left out), in the notation of EXPECTED_LINES. */
function runsOf(lines: readonly Line[]): string {
  const runs: string[] = [];
  let what = '';
  let from = 0;
  let to = 0;
  const close = () => what && runs.push(`${from === to ? from : `${from}-${to}`} ${what}`);
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    const w = l.kind === 'content' ? 'content' : (l.reason ?? l.kind);
    if (w === what && l.number === to + 1) to = l.number;
    else {
      close();
      [what, from, to] = [w, l.number, l.number];
    }
  }
  close();
  return runs.join(', ');
}

async function getJson<T>(app: App, url: string): Promise<T> {
  const res = await app.request(url);
  expect(res.status, `GET ${url}`).toBe(200);
  return (await res.json()) as T;
}

async function verify(app: App, citations: readonly Citation[]) {
  const res = await app.request('/v1/citations/verify', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ citations }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { status: string; reason?: string }[] }).results;
}

for (const [corpus, expected] of Object.entries(EXPECTED_LINES)) {
  describe(`the ${corpus} fixtures through the HTTP API`, () => {
    let app: App;
    const summaries = new Map<string, Summary>();
    const lines = new Map<string, Line[]>();

    beforeAll(async () => {
      const dir = fileURLToPath(new URL(`./fixtures/${corpus}/`, import.meta.url));
      const model = buildModel(await loadCorpus(dir));
      app = createApp({ model, loadedAt: new Date('2026-01-01T00:00:00Z') });
      for (const file of Object.keys(expected))
        lines.set(
          file,
          (
            await getJson<{ lines: Line[] }>(
              app,
              `/v1/documents/${encodeURIComponent(file)}/lines?start=1&end=5000`,
            )
          ).lines,
        );
      const { topics: stories } = await getJson<{ topics: Story[] }>(app, '/v1/topics');
      const topics: Topic[] = stories.flatMap(({ subtopics, ...story }) => [story, ...subtopics]);
      summaries.set('corpus', await getJson<Summary>(app, '/v1/summary?maxSentences=20'));
      for (const t of topics)
        summaries.set(
          `topic "${t.label}"`,
          await getJson<Summary>(app, `/v1/topics/${encodeURIComponent(t.id)}/summary`),
        );
    }, 60_000);

    const sentences = () =>
      [...summaries].flatMap(([where, s]) => s.sentences.map((sent) => ({ where, ...sent })));

    it('serves every file of the folder, and no other', async () => {
      const { documents } = await getJson<{ documents: { file: string }[] }>(app, '/v1/documents');
      expect(documents.map((d) => d.file)).toEqual(Object.keys(expected).sort());
    });

    for (const [file, runs] of Object.entries(expected))
      it(`reports what each line of ${file} is, with the reason of every line that is not content`, () => {
        expect(runsOf(lines.get(file)!)).toBe(runs);
      });

    it('summarizes the folder and every topic with cited sentences', () => {
      expect(summaries.size).toBeGreaterThan(1);
      for (const [where, s] of summaries) expect(s.sentences.length, where).toBeGreaterThan(0);
    });

    it('verifies every citation of every summary through POST /v1/citations/verify, markup in the quotes and all', async () => {
      const cites = sentences().flatMap((s) => s.citations);
      const results = await verify(app, cites);
      expect(results.filter((r) => r.status !== 'verified')).toEqual([]);
      expect(
        cites.some((c) => /[`*<&[]/u.test(c.quote)),
        'some quote holds markup',
      ).toBe(true);
    });

    it('cites only content lines, and a quote that is exactly the cited lines of the file', () => {
      for (const s of sentences())
        for (const c of s.citations) {
          const cited = lines.get(c.file)!.slice(c.lines.start - 1, c.lines.end);
          expect(
            cited
              .filter((l) => l.kind !== 'content' && l.kind !== 'duplicate')
              .map((l) => `${c.file}:${l.number}`),
            s.text,
          ).toEqual([]);
          expect(cited.map((l) => l.text).join('\n')).toContain(c.quote.split(/\r?\n/u)[0]);
        }
    });

    it('gives every sentence the text a reader sees: no Markdown syntax, tags or character references', () => {
      const marked = sentences().filter((s) =>
        carriesMarkup(withoutEscaped(s.text, s.citations[0]!.quote)),
      );
      expect(marked.map((s) => `${s.where}: ${s.text}`)).toEqual([]);
    });

    it('refuses a citation whose markup-bearing quote was changed, naming the text actually there', async () => {
      const cite = sentences()
        .flatMap((s) => s.citations)
        .find((c) => /[`*<&[]/u.test(c.quote))!;
      const [ok, changed] = await verify(app, [
        cite,
        { ...cite, quote: cite.quote.replace(/[`*<&[]/u, '') },
      ]);
      expect(ok!.status).toBe('verified');
      expect(changed).toMatchObject({
        status: 'mismatch',
        reason: 'the quote is not the text at those offsets',
      });
    });
  });
}
