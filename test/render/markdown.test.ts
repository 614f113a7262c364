import { describe, expect, it } from 'vitest';
import type { Citation } from '../../schemas/citation.js';
import type { Summary } from '../../schemas/summary.js';
import {
  citationLabel,
  renderStoriesMarkdown,
  renderSummaryMarkdown,
} from '../../src/render/markdown.js';

function cite(file: string, start: number, end = start, offset = 0, quote = 'x'): Citation {
  return {
    file,
    sha256: '0'.repeat(64),
    lines: { start, end },
    offsets: { start: offset, end: offset + quote.length },
    quote,
    href: '',
  };
}

const summary: Summary = {
  topic: {
    id: 's-1',
    kind: 'story',
    label: 'harbour budget',
    keywords: ['harbour'],
    files: ['a.txt', 'b.txt'],
    fileCount: 2,
    sentenceCount: 3,
  },
  sentences: [
    {
      text: 'The council approved\nthe harbour budget.',
      citations: [cite('a.txt', 1, 2), cite('b.txt', 4)],
      support: 2,
      score: 1,
    },
    {
      text: 'It funds *new* piers [and] a_terminal.',
      citations: [cite('a.txt', 1, 2)],
      support: 1,
      score: 0.5,
    },
  ],
  wordCount: 12,
  corpus: '1'.repeat(64),
};

describe('renderSummaryMarkdown', () => {
  it('renders the heading, the sentences as paragraphs (a blank line apart) with footnote markers, then the footnotes', () => {
    expect(renderSummaryMarkdown(summary)).toBe(
      [
        '# harbour budget',
        '',
        'The council approved the harbour budget.[^1][^2]',
        '',
        'It funds \\*new\\* piers \\[and] a_terminal.[^1]',
        '',
        '[^1]: a.txt:1-2, offsets 0–1: “x”',
        '[^2]: b.txt:4, offsets 0–1: “x”',
        '',
      ].join('\n'),
    );
  });

  it('gives two different quotes of one line two footnotes that tell them apart, and one citation one footnote', () => {
    const first = cite('a.txt', 3, 3, 10, 'The ferry runs daily.');
    const second = cite('a.txt', 3, 3, 32, 'It stops at *four* piers.');
    const md = renderSummaryMarkdown({
      ...summary,
      sentences: [
        { text: first.quote, citations: [first], support: 1, score: 1 },
        { text: second.quote, citations: [second, { ...first }], support: 1, score: 1 },
      ],
    });
    expect(md).toContain('The ferry runs daily.[^1]\n\nIt stops at \\*four\\* piers.[^2][^1]\n');
    expect(
      md.endsWith(
        [
          '[^1]: a.txt:3, offsets 10–31: “The ferry runs daily.”',
          '[^2]: a.txt:3, offsets 32–57: “It stops at \\*four\\* piers.”',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
  });

  it('titles a query summary with the query and an empty summary plainly', () => {
    const md = renderSummaryMarkdown({
      query: 'piers',
      sentences: [],
      wordCount: 0,
      corpus: '1'.repeat(64),
    });
    expect(md).toBe('# Summary for “piers”\n\n_No sentences to summarize._\n');
  });
});

describe('renderStoriesMarkdown', () => {
  it('puts each story under a second-level heading and its facets under third-level ones, footnotes numbered across the document', () => {
    const facet: Summary = {
      ...summary,
      topic: { ...summary.topic!, id: 'f-1', kind: 'facet', label: 'ferry', parent: 's-1' },
      sentences: [{ ...summary.sentences[0]!, citations: [cite('b.txt', 4), cite('c.txt', 9)] }],
    };
    const md = renderStoriesMarkdown([{ ...summary, facets: [facet] }], 'Stories of data');
    expect(md).toContain('# Stories of data\n\n## harbour budget\n\n');
    expect(md).toContain('### ferry\n\nThe council approved the harbour budget.[^2][^3]');
    expect(
      md.endsWith(
        '[^1]: a.txt:1-2, offsets 0–1: “x”\n[^2]: b.txt:4, offsets 0–1: “x”\n[^3]: c.txt:9, offsets 0–1: “x”\n',
      ),
    ).toBe(true);
  });

  it('says so when there are no stories', () => {
    expect(renderStoriesMarkdown([], 'Stories of empty')).toBe(
      '# Stories of empty\n\n_No stories found._\n',
    );
  });
});

describe('citationLabel', () => {
  it('names one line as file:n and a range as file:start-end', () => {
    expect(citationLabel(cite('news/a.txt', 3))).toBe('news/a.txt:3');
    expect(citationLabel(cite('news/a.txt', 3, 5))).toBe('news/a.txt:3-5');
  });
});
