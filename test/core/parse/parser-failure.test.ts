import type * as MdastFromMarkdown from 'mdast-util-from-markdown';
import type * as Parse5 from 'parse5';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DocumentListSchema } from '../../../schemas/api.js';
import type { modelFromTexts as ModelFromTexts } from '../../../src/core/index.js';
import type { parseDocument as ParseDocument } from '../../../src/core/parse/index.js';
import type { sourceFromText as SourceFromText } from '../../../src/core/corpus/index.js';
import type { viewFromColumns as ViewFromColumns } from '../../../src/core/model.js';
import type { createApp as CreateApp } from '../../../src/http/app.js';
import type * as ArrowColumns from '../../../src/store/arrow-columns.js';
import type { buildIncrementally as BuildIncrementally } from '../../../src/store/incremental.js';
import { blockProblems } from './helpers/check-blocks.js';

/**
 * A parser that throws (as mdast-util-gfm's recursive transform did on 20,000 nested `>`, and
 * hast-util-from-parse5 on 60,000 nested `<div>`): the file is read as stripped text, never
 * dropped, and the fallback is reported. The parsers are made to fail on demand.
 */
const failing = vi.hoisted(() => ({ markdown: false, html: false }));

vi.mock('mdast-util-from-markdown', async (original) => {
  const real = await original<typeof MdastFromMarkdown>();
  return {
    ...real,
    fromMarkdown: (...args: Parameters<typeof real.fromMarkdown>) => {
      if (failing.markdown) throw new RangeError('Maximum call stack size exceeded');
      return real.fromMarkdown(...args);
    },
  };
});

vi.mock('parse5', async (original) => {
  const real = await original<typeof Parse5>();
  return {
    ...real,
    parse: (...args: Parameters<typeof real.parse>) => {
      if (failing.html) throw new RangeError('Maximum call stack size exceeded');
      return real.parse(...args);
    },
  };
});

afterEach(() => {
  failing.markdown = false;
  failing.html = false;
});

// The setup file loaded the core before these mocks existed: load it again, through them.
let parseDocument: typeof ParseDocument;
let modelFromTexts: typeof ModelFromTexts;
let createApp: typeof CreateApp;
let sourceFromText: typeof SourceFromText;
let viewFromColumns: typeof ViewFromColumns;
let buildIncrementally: typeof BuildIncrementally;
let arrow: typeof ArrowColumns;
beforeAll(async () => {
  vi.resetModules();
  ({ parseDocument } = await import('../../../src/core/parse/index.js'));
  ({ modelFromTexts } = await import('../../../src/core/index.js'));
  ({ createApp } = await import('../../../src/http/app.js'));
  ({ sourceFromText } = await import('../../../src/core/corpus/index.js'));
  ({ viewFromColumns } = await import('../../../src/core/model.js'));
  ({ buildIncrementally } = await import('../../../src/store/incremental.js'));
  arrow = await import('../../../src/store/arrow-columns.js');
});

const MARKDOWN =
  '# Notes\n\n> The ferry left at *noon*.\n\n<div>\n\n- The road closed on Monday.\n';
const HTML =
  '<html><body>\n<div>\n<p>The council said the bridge <b>reopened</b>.</p>\n</div>\n</body></html>\n';

describe('a parser failure falls back, never drops', () => {
  it('reads a Markdown file its parser fails on as stripped text, with the reason', () => {
    failing.markdown = true;
    const doc = parseDocument(MARKDOWN, 'markdown');
    expect(doc.fallback).toBe(
      'the Markdown parser failed (RangeError: Maximum call stack size exceeded); read as text with its markup stripped',
    );
    expect(blockProblems(MARKDOWN, doc.blocks)).toEqual([]);
    expect(doc.blocks.filter((b) => b.content).map((b) => b.text)).toEqual([
      'Notes',
      'The ferry left at noon.',
      'The road closed on Monday.',
    ]);
    expect(doc.blocks.filter((b) => b.reason === 'unparsed').map((b) => b.start)).toEqual([
      MARKDOWN.indexOf('<div>'),
    ]);
  });

  it('reads an HTML file its parser fails on as stripped text, with the reason', () => {
    failing.html = true;
    const doc = parseDocument(HTML, 'html');
    expect(doc.fallback).toMatch(/^the HTML parser failed \(RangeError: /u);
    expect(doc.blocks.filter((b) => b.content).map((b) => b.text)).toEqual([
      'The council said the bridge reopened.',
    ]);
  });

  it('judges the fallback lines by shape, cites the original bytes, and reports it in GET /v1/documents', async () => {
    failing.markdown = true;
    failing.html = true;
    const warn = vi.spyOn(console, 'warn');
    const model = modelFromTexts([
      { file: 'notes.md', text: MARKDOWN },
      { file: 'page.html', text: HTML },
    ]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    const quotes = model.sentences.map((s) => s.quote);
    expect(quotes).toEqual(
      expect.arrayContaining([
        'The ferry left at *noon*.',
        'The road closed on Monday.',
        'The council said the bridge <b>reopened</b>.',
      ]),
    );
    for (const s of model.sentences) {
      const text = model.byId.get(s.file)!.text;
      expect(text.slice(s.offsets.start, s.offsets.end)).toBe(s.quote);
    }
    const lines = model.lines.get('notes.md')!;
    expect(lines.find((l) => l.text === '<div>')).toMatchObject({
      kind: 'boilerplate',
      reason: 'unparsed',
    });
    const res = await createApp({ model, loadedAt: new Date() }).request('/v1/documents');
    const body = DocumentListSchema.parse(await res.json());
    const byFile = new Map(body.documents.map((d) => [d.file, d]));
    expect(byFile.get('notes.md')!.fallback).toMatch(/^the Markdown parser failed/u);
    expect(byFile.get('notes.md')!.reasons['unparsed']).toBe(1);
    expect(byFile.get('page.html')!.fallback).toMatch(/^the HTML parser failed/u);
    expect(byFile.get('page.html')!.reasons['unparsed']).toBeGreaterThan(0);
  });

  it('keeps the reason when a reload copies the file’s rows, and in the snapshot', () => {
    failing.markdown = true;
    const notes = sourceFromText('notes.md', MARKDOWN);
    const first = buildIncrementally({ files: [notes] }, undefined).state;
    const added = sourceFromText('other.txt', 'A tram line opened in the north of the city.\n');
    const next = buildIncrementally({ files: [notes, added] }, first);
    // notes.md was neither read nor classified again: its line and sentence rows were copied.
    expect(next.report.classified).toBe(1);
    const reasonOf = (cols: typeof first.columns) =>
      viewFromColumns(cols).documentsById.get('notes.md')!.fallback;
    expect(reasonOf(first.columns)).toMatch(/^the Markdown parser failed/u);
    expect(reasonOf(next.state.columns)).toBe(reasonOf(first.columns));
    expect(viewFromColumns(next.state.columns).documentsById.get('other.txt')!.fallback).toBe(
      undefined,
    );
    const tables = Object.fromEntries(
      Object.entries(arrow.columnsToArrow(next.state.columns)).map(([name, make]) => [
        name,
        make(),
      ]),
    );
    expect(reasonOf(arrow.columnsFromArrow(tables))).toBe(reasonOf(first.columns));
  });

  it('reports no fallback when the parsers read the files', () => {
    const model = modelFromTexts([
      { file: 'notes.md', text: MARKDOWN },
      { file: 'page.html', text: HTML },
    ]);
    for (const d of model.documents) expect(d.fallback).toBeUndefined();
    expect(model.lines.get('notes.md')!.find((l) => l.text === '<div>')?.reason).toBe('html');
  });
});
