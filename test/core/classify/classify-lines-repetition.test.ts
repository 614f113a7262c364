import { describe, expect, it } from 'vitest';
import { classifyLines, normalizeLine, type LineTable } from '../../../src/core/classify/index.js';
import { sourceFromText, type SourceFile } from '../../../src/core/corpus/index.js';
import { line, linesOf } from './classify-helpers.js';

/** classifyLines on lines repeated across files: templates, shared facts and wire copy. */

describe('classifyLines repetition across files', () => {
  const footer =
    'Thank you for reading. Please consider supporting our newsroom with a donation today.';
  const article = (n: number, fact: string): SourceFile =>
    sourceFromText(
      `site/${n}.txt`,
      `Headline Number ${n} About Something\n\n${fact}\n\nThe officials added that talks would resume next week in the capital city.\n\n${footer}\nSubscribe\n`,
    );

  it('marks an appeal line repeated in several unrelated articles as a template', () => {
    const table = classifyLines([
      article(
        1,
        'A bridge collapsed near the river port on Tuesday, injuring four workers on the site.',
      ),
      article(2, 'The central bank left interest rates unchanged for the third month in a row.'),
      article(
        3,
        'A new vaccine trial enrolled more than 2,000 volunteers in six countries this year.',
      ),
    ]);
    for (const n of [1, 2, 3]) {
      expect(line(table, `site/${n}.txt`, 3).kind).toBe('content');
      expect(line(table, `site/${n}.txt`, 7).kind).toBe('boilerplate');
      expect(line(table, `site/${n}.txt`, 7).reason).toBe('template');
    }
  });

  it('keeps a third-person fact sentence shared by two articles: content in one, a duplicate pointing there in the other', () => {
    const table = classifyLines([
      article(
        1,
        'A bridge collapsed near the river port on Tuesday, injuring four workers on the site.',
      ),
      article(2, 'The central bank left interest rates unchanged for the third month in a row.'),
    ]);
    // The first article has more prose, so it is the original.
    expect(line(table, 'site/1.txt', 5).kind).toBe('content');
    expect(line(table, 'site/2.txt', 5)).toMatchObject({
      kind: 'duplicate',
      reason: 'duplicate',
      original: { file: 'site/1.txt', line: 5 },
    });
  });

  it('reads a short quotation paragraph, or a sentence in the first person, that two unrelated reports repeat verbatim as a shared statement (content once, a duplicate in the other), and a short label as a template', () => {
    const quote = "``It is a tragedy for the whole town,'' the mayor said.";
    // Prose in the first person, asking nothing of the reader: a shared passage too.
    const review = 'We walked across the old bridge every morning and it was lovely.';
    // Two reports that otherwise differ: three paragraphs of their own each.
    const report = (id: string, own: string[]) =>
      sourceFromText(id, `${[...own, quote, review, 'Remind me later.'].join('\n\n')}\n`);
    const table = classifyLines([
      report('site/1.txt', [
        'A bridge collapsed near the river port on Tuesday, injuring four workers on the site.',
        'Engineers said the collapse was caused by a cracked bearing that had been reported last year.',
        'The port authority closed the road to traffic and opened a temporary ferry for commuters.',
      ]),
      report('site/2.txt', [
        'The town council met on Wednesday evening to discuss the cost of rebuilding the bridge.',
        'Councillors asked the regional government to pay for most of the work, which may take two years.',
        'Shop owners on the riverbank said their takings had fallen by half since the collapse.',
      ]),
    ]);
    const kindsOf = (text: string) =>
      ['site/1.txt', 'site/2.txt'].map((id) => linesOf(table, id).find((l) => l.text === text)!);
    expect(
      kindsOf(quote)
        .map((l) => l.kind)
        .sort(),
    ).toEqual(['content', 'duplicate']);
    expect(
      kindsOf(review)
        .map((l) => l.kind)
        .sort(),
    ).toEqual(['content', 'duplicate']);
    expect(kindsOf('Remind me later.').map((l) => [l.kind, l.reason])).toEqual([
      ['boilerplate', 'template'],
      ['boilerplate', 'template'],
    ]);
  });

  it('normalizes case, width and whitespace before comparing lines', () => {
    expect(normalizeLine('  Read\tMORE  ')).toBe('read more');
    expect(normalizeLine('ＡＢＣ')).toBe('abc');
  });

  it('returns the files in sorted id order whatever order they came in', () => {
    const table = classifyLines([sourceFromText('b.txt', 'B.'), sourceFromText('a.txt', 'A.')]);
    expect([...table.keys()]).toEqual(['a.txt', 'b.txt']);
  });
});

describe('classifyLines on wire copy republished by several outlets', () => {
  const wire = [
    'Dockworkers in Valmora walked out on Monday over a pay dispute that has idled 63 ships at anchor.',
    'The union said the strike would continue until the port authority raised wages by eight percent this year.',
    'Port officials said the stoppage was costing the regional economy about 40 million euros a day in delayed cargo.',
    'The transport ministry called both sides to talks in the capital on Wednesday, a spokesman said.',
    'Shipping lines have begun diverting container vessels to Baltic ports further north, according to brokers.',
  ];
  const outlet = (id: string, header: string[], footer: string[], body = wire) =>
    sourceFromText(id, `${[...header, ...body, ...footer].join('\n\n')}\n`);
  const contentOf = (table: LineTable, id: string) =>
    linesOf(table, id)
      .filter((l) => l.kind === 'content')
      .map((l) => l.text);
  /** Each of `texts` is a duplicate line of `id` pointing to the same text in `original`. */
  const expectDuplicates = (table: LineTable, id: string, original: string, texts: string[]) => {
    const lines = linesOf(table, id);
    for (const text of texts) {
      const l = lines.find((x) => x.text === text)!;
      expect({ id, text, kind: l.kind }).toEqual({ id, text, kind: 'duplicate' });
      expect(l.original?.file).toBe(original);
      expect(linesOf(table, original)[l.original!.line - 1]!.text).toBe(text);
    }
  };

  it('keeps a wire story republished by three outlets, each under its own header, as content in one and as duplicates of it in the others', () => {
    const table = classifyLines([
      outlet(
        'a.txt',
        [
          'Coastline Daily',
          'Home | Local | Harbour',
          'Port strike idles ships in Valmora',
          'By Anna Berg',
          'Published 3 March 2025',
          'Share this article',
        ],
        [],
      ),
      outlet(
        'b.txt',
        [
          'FREIGHT WEEKLY',
          'Markets › Ports',
          'Valmora strike: 63 ships wait',
          'Reuters',
          'Updated Monday 14:02 GMT',
          'Read more: container rates climb',
        ],
        [],
      ),
      outlet(
        'c.txt',
        [
          'The Baltic Ledger',
          'News / Shipping',
          'Strike at Valmora port',
          'Staff and agencies',
          '3 March 2025',
          'Related: Gdansk volumes rise',
        ],
        [],
      ),
    ]);
    // Same prose, same name length: the first in corpus order is the original.
    expect(contentOf(table, 'a.txt')).toEqual(wire);
    for (const id of ['b.txt', 'c.txt']) {
      expect(contentOf(table, id)).toEqual([]);
      expectDuplicates(table, id, 'a.txt', wire);
    }
  });

  it("keeps the shared paragraphs of a short wire story (content in one outlet's file, duplicates in the others) when each outlet adds its own notes, and still catches an appeal in the publisher's voice", () => {
    const short = wire.slice(0, 3);
    const table = classifyLines([
      outlet(
        'a.txt',
        ['Port strike idles ships'],
        [
          'This story was originally published by the Coastline News and is republished here with permission.',
        ],
        short,
      ),
      outlet(
        'b.txt',
        ['Valmora dockworkers strike'],
        ['We rely on readers like you to fund independent journalism about the harbour.'],
        short,
      ),
      outlet(
        'c.txt',
        ['Ships wait off Valmora'],
        [
          "The views expressed in this column are the author's own and do not reflect those of the newspaper.",
        ],
        short,
      ),
    ]);
    // c.txt's note is the longest prose: it is the most complete copy, so the original.
    for (const s of short)
      expect({ s, content: contentOf(table, 'c.txt').includes(s) }).toEqual({ s, content: true });
    for (const id of ['a.txt', 'b.txt']) expectDuplicates(table, id, 'c.txt', short);
    expect(linesOf(table, 'b.txt').find((l) => l.text.startsWith('We rely'))!.kind).toBe(
      'boilerplate',
    );
  });

  it('reads a fact-like sentence shared by four unrelated articles as a shared fact (content once, duplicates elsewhere), and one shared by five as a template', () => {
    const shared = 'The agency said the figures would be revised again at the end of the quarter.';
    const topics = [
      'A bridge collapsed near the river port on Tuesday, injuring four workers on the site.',
      'The central bank left interest rates unchanged for the third month in a row.',
      'A new vaccine trial enrolled more than 2,000 volunteers in six countries this year.',
      'The city council voted to extend the tram line to the airport by the end of 2029.',
      'Farmers in the north reported the worst harvest in two decades after a long drought.',
      'The museum reopened on Sunday after a two-year renovation of its main galleries.',
      'Two airlines announced a merger that would create the largest carrier in the region.',
      'Scientists found a new species of frog in the cloud forests of the southern highlands.',
    ];
    const corpus = (withShared: number) =>
      classifyLines(
        topics.map((t, i) =>
          sourceFromText(
            `${i}.txt`,
            // Each article is mostly its own: two sentences of its own, then perhaps the shared one.
            `Headline Number ${i} About Something\n\n${t}\n\nReporters in district number ${i} were told that more details would follow later.\n\n${i < withShared ? shared : 'Nothing else was said.'}\n`,
          ),
        ),
      );
    const kinds = (table: LineTable, n: number) =>
      Array.from({ length: n }, (_, i) => line(table, `${i}.txt`, 7).kind);
    const four = corpus(4);
    expect(kinds(four, 4).filter((k) => k === 'content')).toHaveLength(1);
    expect(kinds(four, 4).filter((k) => k === 'duplicate')).toHaveLength(3);
    const five = corpus(5);
    expect(kinds(five, 5)).toEqual(Array(5).fill('boilerplate'));
    expect(line(five, '0.txt', 7).reason).toBe('template');
  });
});
