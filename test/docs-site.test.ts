/**
 * A documentation site the rules were not written on: test/fixtures/docs-site, pages written for
 * these tests in the shape of real docs sites (front matter, admonitions and GitHub alerts, option
 * lists in every convention, code fences, tables, saved HTML pages with a sidebar, a definition
 * list, an admonition box and a footer). They describe Tidewater, a job queue that does not exist;
 * no text is copied from any project. Its summaries must read well: no intro that ends with a
 * colon, no definition fragment, no sentence that points back to what the summary does not show,
 * labels a reader would write, a summary for every story and facet, no code, table or badge
 * sentence, and every citation exact.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../schemas/summary.js';
import { buildModel, type CorpusModel, loadCorpus } from '../src/core/index.js';
import { type Block, parseDocument } from '../src/core/parse/index.js';
import { formatOf } from '../src/core/corpus/index.js';
import { docsQuality, labelDefects } from '../tools/eval/docs-quality.js';
import { auditCitations, corpusSummaries } from '../tools/eval/evaluate.js';
import { carriesMarkup } from '../tools/eval/markdown.js';

const NOT_PROSE = new Set<Block['kind']>(['code', 'html', 'table', 'badge', 'image', 'definition']);

let model: CorpusModel;
let summaries: Summary[];
beforeAll(async () => {
  model = buildModel(
    await loadCorpus(fileURLToPath(new URL('./fixtures/docs-site/', import.meta.url))),
  );
  summaries = corpusSummaries(model);
}, 60_000);

describe('the summaries of a documentation site', () => {
  it('have no colon intro, definition fragment or dangling opening, and no label of the kinds no reader writes', () => {
    const q = docsQuality(model, summaries);
    expect(q.sentences).toBeGreaterThan(20);
    expect(q.counts).toEqual({
      colonIntros: 0,
      definitionFragments: 0,
      danglingConnectives: 0,
      danglingPronouns: 0,
      templates: 0,
    });
    const labels = model.stories.flatMap((s) => [s.topic, ...s.facets.map((f) => f.topic)]);
    expect(labels.length).toBeGreaterThan(2);
    for (const t of labels) expect(labelDefects(t.label), t.label).toEqual([]);
  });

  it('summarize every story and facet, and never cite code, a table, HTML or a badge', () => {
    for (const s of summaries)
      expect(s.sentences.length, s.topic?.label ?? 'corpus').toBeGreaterThan(0);
    for (const s of summaries)
      for (const sentence of s.sentences) {
        expect(carriesMarkup(sentence.text), sentence.text).toBe(false);
        for (const c of sentence.citations) {
          const file = model.byId.get(c.file)!;
          const format = formatOf(c.file);
          if (format === 'plain') continue;
          const blocks = parseDocument(file.text, format).blocks;
          const hit = blocks.filter(
            (b) => NOT_PROSE.has(b.kind) && b.start < c.offsets.end && c.offsets.start < b.end,
          );
          expect(
            hit.map((b) => b.kind),
            sentence.text,
          ).toEqual([]);
        }
      }
  });

  it('cite exactly: every quote is the file text at its offsets and lines', () => {
    const audit = auditCitations(model, summaries);
    expect(audit.exact).toBe(audit.citations);
    expect(audit.nonContent).toBe(0);
  });

  it('read the structure: option lists, intros and admonition markers never stand in a summary, and the titles name the stories', () => {
    const texts = summaries.flatMap((s) => s.sentences.map((x) => x.text));
    expect(texts.join('\n')).not.toMatch(/\[!(?:NOTE|WARNING)\]|:::|following events:/u);
    expect(model.stories.map((s) => s.topic.label)).toContain('Configuration');
  });
});
