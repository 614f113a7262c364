import type { Child } from 'hono/jsx';
import type { Summary } from '../../../schemas/summary.js';
import type { Story, Topic } from '../../../schemas/topic.js';
import { citationLabel } from '../../render/markdown.js';
import { APP_CSS, APP_JS } from './page-assets.js';
import { DEFAULT_LINES_PAGE, MAX_QUERY_CHARS, MAX_SENTENCES } from '../../core/index.js';
import { type PageParams, pageHref } from './page-params.js';

/** Everything the page needs to render one view. */
export interface PageModel {
  readonly params: PageParams;
  /** The stories listed (the first page of the list), each with its facets. */
  readonly stories: readonly Story[];
  /** Stories in the whole list (more than listed when the list is long). */
  readonly totalStories: number;
  /** The story or facet whose summary is shown (absent in query mode or when the id is unknown). */
  readonly topic?: Topic;
  readonly summary?: Summary;
  /** A problem to show above the summary (unknown topic, empty corpus). */
  readonly notice?: string;
  readonly corpus: { readonly fingerprint: string; readonly files: number };
}

/** JSON for a `<script type="application/json">` block: `<` escaped so no `</script>` can appear. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function TopicLink({ model, t }: { model: PageModel; t: Topic }) {
  const { params, topic } = model;
  const current = !params.query && topic?.id === t.id;
  return (
    <a
      class={`topic topic-${t.kind}`}
      href={pageHref({ topic: t.id, maxSentences: params.maxSentences })}
      aria-current={current ? 'page' : undefined}
      data-topic={t.id}
    >
      <span class="topic-label">{t.label}</span>
      {t.kind === 'story' ? <span class="topic-keywords">{t.keywords.join(' · ')}</span> : null}
      <span class="topic-count">
        {plural(t.fileCount, 'file')} · {plural(t.sentenceCount, 'sentence')}
      </span>
    </a>
  );
}

/** The stories as a tree: the selected story (or the selected facet's story) shows its facets. */
function TopicList({ model }: { model: PageModel }) {
  const { stories, topic, totalStories } = model;
  const open = topic?.kind === 'facet' ? topic.parent : topic?.id;
  return (
    <nav class="topics" aria-labelledby="topics-title">
      <h2 id="topics-title">Stories</h2>
      {stories.length === 0 ? (
        <p class="muted">No stories: the corpus has no content sentences.</p>
      ) : (
        <ul class="stories">
          {stories.map((s) => (
            <li class="story" data-story={s.id}>
              <TopicLink model={model} t={s} />
              {s.id === open && s.subtopics.length > 0 ? (
                <ul class="facets" aria-label={`Facets of ${s.label}`}>
                  {s.subtopics.map((f) => (
                    <li>
                      <TopicLink model={model} t={f} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {totalStories > stories.length ? (
        <p class="muted">
          {plural(totalStories - stories.length, 'more story', 'more stories')}: see
          <a href="/v1/topics"> /v1/topics</a>.
        </p>
      ) : null}
    </nav>
  );
}

/**
 * The query field's hint, from the served corpus: the largest story's label (a phrase its
 * documents use), so the suggestion always has an answer; none on an empty corpus.
 */
function queryPlaceholder(model: PageModel): string | undefined {
  const label = model.stories[0]?.label;
  return label ? `e.g. ${label}` : undefined;
}

function SummaryForm({ model }: { model: PageModel }) {
  const { params, topic } = model;
  return (
    <form class="controls" method="get" action="/" role="search" aria-label="Summary options">
      {topic && !params.query ? <input type="hidden" name="topic" value={topic.id} /> : null}
      <div class="field field-query">
        <label for="query">Query</label>
        <input
          id="query"
          name="query"
          type="search"
          value={params.query ?? ''}
          maxlength={MAX_QUERY_CHARS}
          placeholder={queryPlaceholder(model)}
          aria-describedby="query-hint"
        />
        <span id="query-hint" class="hint">
          A query summarizes the whole corpus around it; leave it empty to keep the selected story.
        </span>
      </div>
      <div class="field field-n">
        <label for="maxSentences">Sentences</label>
        <input
          id="maxSentences"
          name="maxSentences"
          type="number"
          min={MAX_SENTENCES.min}
          max={MAX_SENTENCES.max}
          step={1}
          value={String(params.maxSentences)}
          required
        />
      </div>
      <button type="submit">Summarize</button>
    </form>
  );
}

/**
 * The `?cite=` key of a citation: `S.C`, sentence and citation numbered from 1 as the page shows
 * them (the sentences are a numbered list; a sentence's citations are listed in order).
 */
function citeKey(sentence: number, citation: number): string {
  return `${sentence + 1}.${citation + 1}`;
}

function Sentences({ model, summary }: { model: PageModel; summary: Summary }) {
  const { params, topic } = model;
  const view = {
    ...(params.query ? { query: params.query } : topic ? { topic: topic.id } : {}),
    maxSentences: params.maxSentences,
  };
  if (summary.sentences.length === 0)
    return <p class="muted">No sentence matched: the summary is empty.</p>;
  return (
    <ol class="sentences">
      {summary.sentences.map((s, i) => (
        <li class="sentence" data-sentence={String(i)}>
          <p class="sentence-text">{s.text}</p>
          <div class="sentence-meta">
            <span class="support" title="Distinct files that state this sentence">
              Support: {plural(s.support, 'file')}
            </span>
            <ul class="cites" aria-label={`Citations of sentence ${i + 1}`}>
              {s.citations.map((c, j) => (
                <li>
                  <a
                    class="cite"
                    href={pageHref({ ...view, cite: citeKey(i, j) })}
                    data-cite={citeKey(i, j)}
                    title={`Open ${c.file} at line${c.lines.start === c.lines.end ? '' : 's'} ${c.lines.start === c.lines.end ? c.lines.start : `${c.lines.start}–${c.lines.end}`}`}
                  >
                    {citationLabel(c)}
                  </a>
                  <span class="cite-status" data-status="unchecked" aria-live="off"></span>
                </li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  );
}

function SummarySection({ model }: { model: PageModel }) {
  const { summary, topic, params } = model;
  const heading = params.query ? `Query: “${params.query}”` : topic ? topic.label : 'Summary';
  const count = summary ? summary.sentences.reduce((n, s) => n + s.citations.length, 0) : 0;
  return (
    <section class="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{heading}</h2>
      {topic && !params.query ? (
        <p class="summary-sub">
          {topic.kind === 'facet' ? 'Facet · ' : 'Story · '}
          Keywords: {topic.keywords.join(', ')} · {plural(topic.fileCount, 'file')}
        </p>
      ) : params.query ? (
        <p class="summary-sub">
          Query-focused summary of all {plural(model.corpus.files, 'file')}.
        </p>
      ) : null}
      {model.notice ? (
        <p class="notice" role="alert">
          {model.notice}
        </p>
      ) : null}
      {summary ? (
        <>
          <Sentences model={model} summary={summary} />
          {count > 0 ? (
            <div class="verify">
              <button type="button" id="verify" aria-describedby="verify-result">
                Verify {plural(count, 'citation')}
              </button>
              <p id="verify-result" class="verify-result" role="status" aria-live="polite"></p>
            </div>
          ) : null}
          <p class="summary-foot muted">
            {plural(summary.wordCount, 'word')} · corpus{' '}
            <code title={summary.corpus}>{summary.corpus.slice(0, 12)}</code> ·{' '}
            <a
              href={
                params.query
                  ? `/v1/summary?${new URLSearchParams({ query: params.query, maxSentences: String(params.maxSentences) })}`
                  : topic
                    ? `/v1/topics/${encodeURIComponent(topic.id)}/summary?maxSentences=${params.maxSentences}`
                    : '/v1/summary'
              }
            >
              this summary as JSON
            </a>{' '}
            ·{' '}
            <a
              href={
                params.query
                  ? `/v1/summary.md?${new URLSearchParams({ query: params.query, maxSentences: String(params.maxSentences) })}`
                  : topic
                    ? `/v1/topics/${encodeURIComponent(topic.id)}/summary.md?maxSentences=${params.maxSentences}`
                    : '/v1/summary.md'
              }
            >
              as Markdown
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}

function SourcePane() {
  return (
    <section id="source" class="source" aria-labelledby="source-title" hidden>
      <header class="source-head">
        <div>
          <h2 id="source-title" tabindex={-1}>
            Source
          </h2>
          <p id="source-sub" class="source-sub"></p>
        </div>
        <button type="button" id="source-close" class="ghost" aria-label="Close the source">
          Close
        </button>
      </header>
      <div id="source-notes" class="source-notes" role="status" aria-live="polite"></div>
      <div id="source-lines" class="source-lines" aria-label="Lines of the cited file"></div>
    </section>
  );
}

/** The whole spot-check page as hono/jsx; the script enhances markers, verify and deep links. */
export function PageView({ model }: { model: PageModel }): Child {
  const title = model.params.query
    ? `“${model.params.query}” — citesum`
    : model.topic
      ? `${model.topic.label} — citesum`
      : 'citesum — spot-check citations';
  // The script loads a cited file's lines a page at a time, pages as the API cuts them.
  const data = {
    citations: model.summary?.sentences.map((s) => s.citations) ?? [],
    linesPage: DEFAULT_LINES_PAGE,
  };
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={APP_CSS.url} />
        <script type="module" src={APP_JS.url}></script>
      </head>
      <body>
        <a class="skip" href="#summary-title">
          Skip to the summary
        </a>
        <header class="top">
          <h1>
            citesum <span class="tagline">spot-check cited summaries</span>
          </h1>
          <p class="corpus muted">
            {plural(model.corpus.files, 'file')} · corpus{' '}
            <code title={model.corpus.fingerprint}>{model.corpus.fingerprint.slice(0, 12)}</code> ·{' '}
            <a href="/docs">API docs</a>
          </p>
        </header>
        <div id="layout" class="layout">
          <TopicList model={model} />
          <main class="main">
            <SummaryForm model={model} />
            <SummarySection model={model} />
          </main>
          <SourcePane />
        </div>
        <script
          type="application/json"
          id="citesum-data"
          dangerouslySetInnerHTML={{ __html: scriptJson(data) }}
        ></script>
      </body>
    </html>
  );
}
