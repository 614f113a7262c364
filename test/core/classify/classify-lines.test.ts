import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  classifyLines,
  normalizeLine,
  type ClassifiedLine,
  type LineTable,
} from '../../../src/core/classify/index.js';
import { loadCorpus } from '../../../src/core/corpus/index.js';
import { sourceFromText, type SourceFile } from '../../../src/core/corpus/index.js';

const SEEDS = fileURLToPath(new URL('../../../data', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/boilerplate', import.meta.url));

const S0 = '000_3e47eca7661924bb.txt';
const S1 = '001_df515b8c033e9bb4.txt';
const S2 = '002_90d0f9c44a687009.txt';
const S3 = '003_2772de2c2eaa7074.txt';
const S4 = '004_91fa703387e835df.txt';

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

function linesOf(table: LineTable, file: string): readonly ClassifiedLine[] {
  const lines = table.get(file);
  if (!lines) throw new Error(`no lines for ${file}`);
  return lines;
}

function line(table: LineTable, file: string, n: number): ClassifiedLine {
  const l = linesOf(table, file)[n - 1];
  if (!l) throw new Error(`${file} has no line ${n}`);
  return l;
}

/** Line numbers of a file that are neither content nor blank. */
function nonContent(table: LineTable, file: string): number[] {
  return linesOf(table, file)
    .filter((l) => l.kind === 'heading' || l.kind === 'boilerplate')
    .map((l) => l.number);
}

function expectContent(table: LineTable, file: string, numbers: number[]): void {
  for (const n of numbers)
    expect({ file, n, kind: line(table, file, n).kind }).toEqual({ file, n, kind: 'content' });
}

function expectKind(
  table: LineTable,
  file: string,
  numbers: number[],
  kind: string,
  reasons?: string[],
): void {
  for (const n of numbers) {
    const l = line(table, file, n);
    expect({ file, n, kind: l.kind }).toEqual({ file, n, kind });
    if (reasons) expect(reasons, `${file}:${n} "${l.text}" reason`).toContain(l.reason);
  }
}

describe('classifyLines on the seed articles', () => {
  let table: LineTable;
  beforeAll(async () => {
    table = classifyLines((await loadCorpus(SEEDS)).files);
  });

  it('gives every non-content line a reason and every content line none', () => {
    for (const lines of table.values())
      for (const l of lines) {
        if (l.kind === 'content') expect(l.reason).toBeUndefined();
        else expect(l.reason).toBeDefined();
        if (l.kind === 'blank') expect(l.text.trim()).toBe('');
      }
  });

  it('keeps the exact line text and extent of every line', async () => {
    const files = (await loadCorpus(SEEDS)).files;
    for (const f of files) {
      const lines = linesOf(table, f.id);
      expect(lines).toHaveLength(f.lineIndex.lines.length);
      for (const l of lines) expect(f.text.slice(l.start, l.end)).toBe(l.text);
    }
  });

  it('000: keeps the article as content and marks the appeal after it, with "Remind me later.", as non-content', () => {
    expectContent(table, S0, range(1, 6));
    expectKind(table, S0, range(7, 13), 'boilerplate');
    expectKind(table, S0, [15], 'boilerplate');
    expect(line(table, S0, 14).kind).toBe('blank');
    expect(nonContent(table, S0)).toEqual([...range(7, 13), 15]);
  });

  it('001: marks the "×" close button, the ad-free appeal and "Support us" as boilerplate', () => {
    expectKind(table, S1, [1], 'boilerplate', ['navigation']);
    expectKind(table, S1, range(2, 6), 'boilerplate', ['call-to-action', 'navigation']);
  });

  it('001: reads the title as a heading and the photo credit as a photo credit', () => {
    expectKind(table, S1, [8], 'heading', ['heading']);
    expectKind(table, S1, [10], 'boilerplate', ['photo-credit']);
  });

  it('001: keeps every factual paragraph (even lines 12–22) as content', () => {
    expectContent(table, S1, [12, 14, 16, 18, 20, 22]);
  });

  it('001: marks the appeal, the payment options, "Remind me later." and "Read more" as non-content', () => {
    const tail = range(24, 46).filter((n) => n !== 45 && (n % 2 === 0 || n >= 38));
    for (const n of range(24, 46))
      expect(line(table, S1, n).kind === 'content', `${S1}:${n}`).toBe(false);
    expectKind(table, S1, tail, 'boilerplate');
    expectKind(table, S1, [44], 'boilerplate', ['repeated-across-files', 'call-to-action']);
    expectKind(table, S1, [46], 'boilerplate', ['call-to-action', 'navigation']);
    expect(nonContent(table, S1)).toEqual([
      ...range(1, 6),
      8,
      10,
      24,
      26,
      28,
      30,
      32,
      34,
      36,
      ...range(38, 44),
      46,
    ]);
  });

  it('002: reads the title and section titles as headings and the URL slug as a URL', () => {
    expectKind(table, S2, [1, 7, 14, 18, 22], 'heading', ['heading']);
    expectKind(table, S2, [3], 'boilerplate', ['url']);
  });

  it('002: keeps the "Key Facts" bullets and the paragraphs as content', () => {
    expectContent(table, S2, [...range(9, 12), 5, 16, 20, 24]);
    expect(nonContent(table, S2)).toEqual([1, 3, 7, 14, 18, 22]);
  });

  it('003: reads the section title as a heading and "Also read …" as cross-promotion, keeping the rest', () => {
    expectKind(table, S3, [5], 'heading', ['heading']);
    expectKind(table, S3, [8], 'boilerplate', ['cross-promotion']);
    expectContent(table, S3, [1, 2, 3, 4, 6, 7, 9, 10]);
    expect(nonContent(table, S3)).toEqual([5, 8]);
  });

  it('004: keeps every line after the leading blank line as content', () => {
    expect(line(table, S4, 1).kind).toBe('blank');
    expectContent(table, S4, range(2, 15));
    expect(nonContent(table, S4)).toEqual([]);
  });
});

describe('classifyLines on a seed file alone (no repetition to lean on)', () => {
  it('000 alone: the appeal is still non-content and the article content', async () => {
    const file = (await loadCorpus(SEEDS)).files.find((f) => f.id === S0)!;
    const table = classifyLines([file]);
    expectContent(table, S0, range(1, 6));
    expect(nonContent(table, S0)).toEqual([...range(7, 13), 15]);
  });

  it('001 alone: the appeal, payment options and buttons are still non-content', async () => {
    const file = (await loadCorpus(SEEDS)).files.find((f) => f.id === S1)!;
    const table = classifyLines([file]);
    expectContent(table, S1, [12, 14, 16, 18, 20, 22]);
    for (const n of [...range(1, 6), 10, ...range(24, 46)])
      expect(line(table, S1, n).kind === 'content', `${S1}:${n}`).toBe(false);
  });
});

describe('classifyLines on boilerplate fixtures from other sites', () => {
  let table: LineTable;
  beforeAll(async () => {
    const corpus = await loadCorpus(FIXTURES);
    expect(corpus.skipped).toEqual([]);
    table = classifyLines(corpus.files);
  });

  it('catches a cookie notice with its buttons, and a newsletter sign-up box', () => {
    const f = 'harbour-newsletter.txt';
    expectKind(table, f, [1, 2, 3], 'boilerplate', ['call-to-action', 'navigation']);
    expectKind(table, f, range(17, 21), 'boilerplate', ['call-to-action', 'navigation']);
  });

  it('reads a byline as a byline and a date stamp as a dateline', () => {
    expectKind(table, 'harbour-newsletter.txt', [7], 'boilerplate', ['byline']);
    expectKind(table, 'harbour-newsletter.txt', [9], 'boilerplate', ['dateline']);
    expectKind(table, 'river-share.txt', [27], 'boilerplate', ['byline']);
    expectKind(table, 'wire/northwind-daily.txt', [6], 'boilerplate', ['byline']);
    expectKind(table, 'wire/coastal-times.txt', [5], 'boilerplate', ['dateline']);
  });

  it('keeps every paragraph of the sign-up article as content and its title as a heading', () => {
    expectKind(table, 'harbour-newsletter.txt', [5], 'heading', ['heading']);
    expectContent(table, 'harbour-newsletter.txt', [11, 13, 15, 23]);
  });

  it('catches a breadcrumb trail, a photo caption with its credit, share buttons and a "Related:" link list', () => {
    const f = 'river-share.txt';
    expectKind(table, f, [1], 'boilerplate', ['navigation']);
    expectKind(table, f, [5], 'boilerplate', ['photo-credit']);
    expectKind(table, f, range(13, 18), 'boilerplate', ['call-to-action', 'navigation']);
    expectKind(table, f, range(22, 25), 'boilerplate', ['cross-promotion']);
  });

  it('keeps the paragraphs around share buttons and link lists, including one that opens with a news dateline', () => {
    expectContent(table, 'river-share.txt', [7, 9, 11, 20]);
    expectKind(table, 'river-share.txt', [3], 'heading', ['heading']);
  });

  it('reads markdown # headings as headings, keeps list items as content and catches a share line', () => {
    const f = 'solar-guide.md';
    expectKind(table, f, [1, 3, 7, 13], 'heading', ['heading']);
    expectContent(table, f, [5, 9, 11, 15, 16]);
    expectKind(table, f, [18], 'boilerplate', ['call-to-action', 'navigation']);
  });

  it('keeps every line of a hard-wrapped article as content and no wrapped line as a heading', () => {
    const f = 'sea-wrapped.txt';
    expectKind(table, f, [1], 'heading', ['heading']);
    const para = linesOf(table, f).filter((l) => l.number > 1 && l.text.trim() !== '');
    expect(para.length).toBeGreaterThan(15);
    for (const l of para)
      expect({ n: l.number, kind: l.kind }).toEqual({ n: l.number, kind: 'content' });
  });

  it('keeps the shared paragraphs of one wire story published by two sites as content', () => {
    expectContent(table, 'wire/northwind-daily.txt', [8, 10, 12, 14, 16, 18]);
    expectContent(table, 'wire/coastal-times.txt', [7, 9, 11, 13, 15, 17]);
  });

  it('catches each site\'s own chrome around the wire story: skip links, section crumbs, copyright, follow prompts, ads and "Most popular" lists', () => {
    expectKind(table, 'wire/northwind-daily.txt', [1, 2, 20, 21, 22], 'boilerplate', [
      'call-to-action',
      'navigation',
    ]);
    expectKind(table, 'wire/coastal-times.txt', range(19, 23), 'boilerplate', [
      'cross-promotion',
      'call-to-action',
      'navigation',
    ]);
    expectKind(table, 'wire/northwind-daily.txt', [4], 'heading');
    expectKind(table, 'wire/coastal-times.txt', [3], 'heading');
  });
});

describe('classifyLines repetition across files', () => {
  const footer =
    'Thank you for reading. Please consider supporting our newsroom with a donation today.';
  const article = (n: number, fact: string): SourceFile =>
    sourceFromText(
      `site/${n}.txt`,
      `Headline Number ${n} About Something\n\n${fact}\n\nThe officials added that talks would resume next week in the capital city.\n\n${footer}\nSubscribe\n`,
    );

  it('marks a template line repeated in several unrelated articles as repeated-across-files', () => {
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
      expect(line(table, `site/${n}.txt`, 7).reason).toBe('repeated-across-files');
    }
  });

  it('keeps a third-person fact sentence shared by two articles as content', () => {
    const table = classifyLines([
      article(
        1,
        'A bridge collapsed near the river port on Tuesday, injuring four workers on the site.',
      ),
      article(2, 'The central bank left interest rates unchanged for the third month in a row.'),
    ]);
    for (const n of [1, 2]) expect(line(table, `site/${n}.txt`, 5).kind).toBe('content');
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

describe('classifyLines on short and wrapped texts', () => {
  const kinds = (text: string) =>
    classifyLines([sourceFromText('t.txt', text)])
      .get('t.txt')!
      .map((l) => l.kind);

  it('keeps a file that is a single short paragraph as content rather than taking it for a title', () => {
    expect(kinds('The tide turned at noon.\n')).toEqual(['content']);
    expect(kinds('\nThe tide turned at noon. The boats came home.')).toEqual(['blank', 'content']);
  });

  it('does not take the first line of a sentence wrapped onto a lower-case line for a heading', () => {
    expect(kinds('The river rose\nby two metres overnight.\n')).toEqual(['content', 'content']);
  });

  it('judges a hard-wrapped sign-up box as a whole and catches it, while the wrapped paragraphs around it survive', () => {
    const text = [
      'The city council voted on Thursday to extend the tram line to the',
      'airport, a project that has been discussed for more than ten years and',
      'that is expected to cost about 300 million euros over five years.',
      '',
      'Sign up for our weekly newsletter to get the latest stories from the',
      'city delivered to your inbox every Friday.',
      '',
      'Work on the first section is due to start next spring, and the line',
      'should carry its first passengers in 2029, officials said at a press',
      'conference after the vote, adding that bus routes would be changed.',
      '',
    ].join('\n');
    expect(kinds(text)).toEqual([
      'content',
      'content',
      'content',
      'blank',
      'boilerplate',
      'boilerplate',
      'blank',
      'content',
      'content',
      'content',
    ]);
  });

  it('keeps indented list items that finish the sentence before them as content', () => {
    const text =
      'The agreement names the four areas in which countries will act. These are\n\n    mitigation\n    adaptation\n    technology transfer\n    and financing\n\nTalks resume next year.\n';
    expect(kinds(text).slice(2, 6)).toEqual(['content', 'content', 'content', 'content']);
  });

  it('still reads a short run of unpunctuated option words as navigation', () => {
    const text =
      'The museum reopened on Sunday after a two-year renovation of its galleries.\n\nOnce\nMonthly\nAnnual\nContinue\n';
    expect(kinds(text).slice(2)).toEqual([
      'boilerplate',
      'boilerplate',
      'boilerplate',
      'boilerplate',
    ]);
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

  it('keeps a wire story republished by three outlets, each under its own header, as content', () => {
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
    for (const id of ['a.txt', 'b.txt', 'c.txt']) expect(contentOf(table, id)).toEqual(wire);
  });

  it("keeps the shared paragraphs of a short wire story as content when each outlet adds its own notes, and still catches an appeal in the publisher's voice", () => {
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
    for (const id of ['a.txt', 'b.txt', 'c.txt'])
      for (const s of short)
        expect({ id, s, content: contentOf(table, id).includes(s) }).toEqual({
          id,
          s,
          content: true,
        });
    expect(linesOf(table, 'b.txt').find((l) => l.text.startsWith('We rely'))!.kind).toBe(
      'boilerplate',
    );
  });

  it('reads a fact-like sentence shared by a few of many unrelated articles as content, and one that runs through about half the corpus or more as a template', () => {
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
            `Headline Number ${i} About Something\n\n${t}\n\n${i < withShared ? shared : 'Nothing else was said.'}\n`,
          ),
        ),
      );
    const kindOfShared = (table: LineTable) => line(table, '0.txt', 5).kind;
    expect(kindOfShared(corpus(3))).toBe('content');
    const half = corpus(4);
    expect(kindOfShared(half)).toBe('boilerplate');
    expect(line(half, '0.txt', 5).reason).toBe('repeated-across-files');
  });
});

// About 2.5 s each alone; the suite's other CPU-bound tests running beside them (the parser's
// property tests) can push them past vitest's default 5 s.
describe('classifyLines on very large files', { timeout: 30_000 }, () => {
  it('classifies a hard-wrapped file of more than 150,000 lines without running out of call arguments', () => {
    const para =
      'The harbour council met on Monday and approved the budget for the coming year after\nlong debate among the members who had argued over the dredging costs for weeks and\nfinally agreed to share them with the port authority and the regional government office.\n\n';
    const file = sourceFromText('big.txt', para.repeat(38_000));
    expect(file.lineIndex.lines.length).toBeGreaterThan(150_000);
    const lines = classifyLines([file]).get('big.txt')!;
    expect(lines.length).toBe(file.lineIndex.lines.length);
    expect(lines.slice(0, 4).map((l) => l.kind)).toEqual([
      'content',
      'content',
      'content',
      'blank',
    ]);
  });

  it('keeps a hard-wrapped paragraph of 130,000 lines as one run without running out of call arguments', () => {
    const text =
      'and the river ran on past the old mill and the bridge toward the sea far away\n'.repeat(
        130_000,
      );
    const lines = classifyLines([sourceFromText('run.txt', text)]).get('run.txt')!;
    expect(lines.length).toBe(130_000);
    expect(new Set(lines.map((l) => l.kind))).toEqual(new Set(['content']));
  });
});

describe('classifyLines line width', () => {
  it('still reads a hard-wrapped article as wrapped when one very long line (a URL) is added to it', async () => {
    const base = (await loadCorpus(FIXTURES)).files.find((f) => f.id === 'sea-wrapped.txt')!;
    const kinds = (text: string) =>
      classifyLines([sourceFromText('a.txt', text)])
        .get('a.txt')!
        .map((l) => l.kind);
    const before = kinds(base.text);
    const after = kinds(`${base.text}\nSource: https://example.org/${'x'.repeat(300)}\n`);
    expect(after.slice(0, before.length)).toEqual(before);
  });
});
