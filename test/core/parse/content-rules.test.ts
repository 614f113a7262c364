import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { atomicRanges, parseDocument, type Block } from '../../../src/core/parse/index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

function load(dir: string): Array<{ name: string; source: string; blocks: Block[] }> {
  return readdirSync(join(FIXTURES, dir))
    .sort()
    .map((name) => {
      const source = readFileSync(join(FIXTURES, dir, name), 'utf8');
      return {
        name,
        source,
        blocks: parseDocument(source, name.endsWith('.html') ? 'html' : 'markdown').blocks,
      };
    });
}

const markdown = load('markdown-kb');
const html = load('html-news');
const contentText = (docs: typeof markdown): string =>
  docs.flatMap((d) => d.blocks.filter((b) => b.content).map((b) => b.text)).join('\n');

describe('Markdown knowledge base', () => {
  const text = contentText(markdown);

  it('no content block carries Markdown markup, link targets or HTML tags', () => {
    for (const marker of [
      '```',
      '](',
      '**',
      '|---',
      '<details',
      '<summary',
      '<kbd>',
      'shields.io',
      'pager.fernhill',
      'runbook-ledger-replay.md',
      '[^',
      '---',
      '&nbsp;',
      '&#8212;',
      '\\',
    ]) {
      expect(text).not.toContain(marker);
    }
  });

  it('sentence-like lines inside code fences are not content', () => {
    expect(text).not.toContain('This is the first thing to look at');
    expect(text).not.toContain('A canary that drains less than half as fast');
    expect(text).not.toContain('Anything above 10,000 needs a second pair of eyes');
  });

  it('the shared facts of the incident and its postmortem are content', () => {
    const incident = markdown.find((d) => d.name.startsWith('incident'))!;
    const postmortem = markdown.find((d) => d.name.startsWith('postmortem'))!;
    for (const doc of [incident, postmortem]) {
      const prose = doc.blocks
        .filter((b) => b.content)
        .map((b) => b.text)
        .join(' ');
      expect(prose).toContain('18,400 transactions');
      expect(prose).toContain('47 minutes');
    }
  });

  it('the badge row, the table of contents and the tables are not content', () => {
    const readme = markdown.find((d) => d.name === 'README.md')!;
    expect(readme.blocks[1]).toMatchObject({
      kind: 'badge',
      content: false,
      reason: 'badge',
      text: '',
    });
    expect(readme.blocks.filter((b) => b.kind === 'navigation')).toHaveLength(5);
    const tables = markdown.flatMap((d) => d.blocks.filter((b) => b.kind === 'table'));
    expect(tables).toHaveLength(3);
    expect(tables.every((b) => !b.content && b.reason === 'table')).toBe(true);
  });

  it('front matter, definitions, HTML blocks and footnotes are not content', () => {
    const kinds = new Set(
      markdown.flatMap((d) => d.blocks.filter((b) => !b.content).map((b) => b.kind)),
    );
    for (const kind of [
      'front-matter',
      'definition',
      'html',
      'footnote',
      'thematic-break',
      'code',
      'heading',
    ] as const) {
      expect(kinds.has(kind)).toBe(true);
    }
  });

  it('an escaped entity renders literally and its ampersand cites the escape (CRLF file)', () => {
    const glossary = markdown.find((d) => d.name === 'glossary.md')!;
    const para = glossary.blocks.find((b) => b.text.startsWith('The state in which'))!;
    expect(para.text).toContain(
      'cause of INC-2291 — the pool held 20 connections instead of 200 &mdash; and it is now',
    );
    const k = para.text.indexOf('&mdash;');
    expect(glossary.source.slice(para.sourceStart[k]!, para.sourceEnd[k]!)).toBe('\\&');
  });

  it('a bare URL is kept as the text a reader sees, as one range a splitter must not cut', () => {
    const notes = markdown.find((d) => d.name === 'onboarding-notes.md')!;
    const para = notes.blocks.find((b) => b.text.startsWith('Further reading'))!;
    expect(para.text).toBe(
      'Further reading: https://docs.fernhill.internal/payments/ledger and the postmortem template at https://docs.fernhill.internal/templates/postmortem.',
    );
    const ranges = atomicRanges(para).map(([i, j]) => para.text.slice(i, j));
    expect(ranges).toEqual([
      'https://docs.fernhill.internal/payments/ledger',
      'https://docs.fernhill.internal/templates/postmortem',
    ]);
  });

  it('inline code, emphasis and links render as the words a reader sees', () => {
    const incident = markdown.find((d) => d.name.startsWith('incident'))!;
    const para = incident.blocks.find((b) => b.text.startsWith('The alert LedgerQueueLagHigh'))!;
    expect(para.text).toContain('The alert LedgerQueueLagHigh fired at 09:19 UTC');
    expect(para.text).toContain('The deploy of ledgerd v4.12.0 had finished');
  });
});

describe('HTML news pages', () => {
  const text = contentText(html);

  it('cookie banners, menus, breadcrumbs, related stories, newsletter boxes and footers are not content', () => {
    for (const furniture of [
      'We use cookies',
      'This site uses cookies',
      'Accept all',
      'Related stories',
      'Ring Road roadworks to pause',
      'Get the Courier in your inbox',
      'All rights reserved',
      'Most read',
      'Skip to content',
      'Your privacy',
      'Advertisement',
      'Comments (12)',
      'Thanks for subscribing',
      'Write a reply',
      'dataLayer',
      'font-family',
    ]) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it('every page keeps its story paragraphs as content', () => {
    for (const doc of html) {
      const prose = doc.blocks
        .filter((b) => b.content)
        .map((b) => b.text)
        .join(' ');
      expect(prose, doc.name).toMatch(/bearings|bridge/u);
      expect(doc.blocks.filter((b) => b.content).length, doc.name).toBeGreaterThanOrEqual(3);
    }
  });

  it('each page title is a heading block with reason title', () => {
    for (const doc of html) {
      const title = doc.blocks.find((b) => b.reason === 'title');
      expect(title?.kind, doc.name).toBe('heading');
    }
  });

  it('entities decode to the characters a reader sees, with their source spans', () => {
    const courier = html.find((d) => d.name.startsWith('norrvik'))!;
    const para = courier.blocks.find((b) =>
      b.text.startsWith('The Old Harbour Bridge in Norrvik'),
    )!;
    const k = para.text.indexOf('’');
    expect(courier.source.slice(para.sourceStart[k]!, para.sourceEnd[k]!)).toBe('&rsquo;');
    const quote = courier.blocks.find((b) => b.text.startsWith('“We cannot'))!;
    expect(courier.source.slice(quote.sourceStart[0]!, quote.sourceEnd[0]!)).toBe('&ldquo;');
  });

  it('text outside the article on a page that has one is never content', () => {
    const courier = html.find((d) => d.name.startsWith('norrvik'))!;
    const article = courier.source.indexOf('<article>');
    const end = courier.source.indexOf('</article>');
    for (const b of courier.blocks.filter((x) => x.content)) {
      expect(b.start).toBeGreaterThan(article);
      expect(b.end).toBeLessThan(end);
    }
  });

  it('a data table is one table block and its caption stays inside it', () => {
    const metro = html.find((d) => d.name.startsWith('metro'))!;
    const table = metro.blocks.find((b) => b.kind === 'table')!;
    expect(table.text.split('\n')).toEqual([
      'Average weekday crossings, 2023',
      'Mode\tCrossings',
      'Cars and vans\t19,400',
      'Buses\t620',
      'Lorries\t980',
    ]);
  });
});
