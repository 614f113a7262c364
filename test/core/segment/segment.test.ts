import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyLines, type ClassifiedLine } from '../../../src/core/classify/index.js';
import { loadCorpus } from '../../../src/core/corpus/index.js';
import { lineSpanOf } from '../../../src/core/corpus/index.js';
import { paragraphsOf, segmentCorpus, type Sentence } from '../../../src/core/segment/index.js';
import { sourceFromText, type SourceFile } from '../../../src/core/corpus/index.js';
import { modelFromTexts } from '../../../src/core/index.js';

const SEEDS = fileURLToPath(new URL('../../../data', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/boilerplate', import.meta.url));

function segment(files: SourceFile[]): Sentence[] {
  return segmentCorpus(files, classifyLines(files));
}

function expectExact(files: readonly SourceFile[], sentences: readonly Sentence[]): void {
  for (const s of sentences) {
    const f = files[s.fileIndex]!;
    expect(f.text.slice(s.offsets.start, s.offsets.end)).toBe(s.quote);
    expect(lineSpanOf(f.lineIndex, s.offsets.start, s.offsets.end)).toEqual(s.lines);
  }
}

describe('segmentCorpus on the seed articles', () => {
  let files: SourceFile[];
  let sentences: Sentence[];
  const of = (id: string) => sentences.filter((s) => s.file === id);
  beforeAll(async () => {
    files = (await loadCorpus(SEEDS)).files;
    sentences = segment(files);
  });

  it('numbers sentences in corpus order and positions within each file from 0', () => {
    sentences.forEach((s, i) => expect(s.id).toBe(i));
    for (const f of files) of(f.id).forEach((s, i) => expect(s.position).toBe(i));
    for (let i = 1; i < sentences.length; i++) {
      const a = sentences[i - 1]!;
      const b = sentences[i]!;
      if (a.file === b.file) expect(b.offsets.start).toBeGreaterThanOrEqual(a.offsets.end);
      else expect(b.fileIndex).toBeGreaterThan(a.fileIndex);
    }
  });

  it('slices every sentence back exactly from its file', () => {
    expectExact(files, sentences);
  });

  it('makes each "Key Facts" bullet of 002 one sentence whose span starts after the • marker', () => {
    const f = files.find((x) => x.id === '002_90d0f9c44a687009.txt')!;
    for (const n of [9, 10, 11, 12]) {
      const onLine = of(f.id).filter((s) => s.lines.start === n || s.lines.end === n);
      expect(onLine, `line ${n}`).toHaveLength(1);
      const s = onLine[0]!;
      expect(s.lines).toEqual({ start: n, end: n });
      const ext = f.lineIndex.extent(n)!;
      const raw = f.text.slice(ext.start, ext.end);
      expect(raw.startsWith('  • ')).toBe(true);
      expect(s.offsets.start).toBe(ext.start + 4);
      expect(s.offsets.end).toBe(ext.end);
      expect(s.text).not.toContain('•');
    }
    expect(of(f.id).find((s) => s.lines.start === 9)!.text).toBe(
      'Russia’s media and internet regulator, Roskomnadzor, has restricted voice calls on WhatsApp and Telegram.',
    );
  });

  it('never glues a heading or title onto the next sentence', () => {
    for (const [id, n] of [
      ['002_90d0f9c44a687009.txt', [1, 7, 14, 18, 22]],
      ['003_2772de2c2eaa7074.txt', [5]],
      ['001_df515b8c033e9bb4.txt', [8]],
    ] as const)
      for (const line of n)
        for (const s of of(id))
          expect(line < s.lines.start || line > s.lines.end, `${id}:${line}`).toBe(true);
    expect(
      of('003_2772de2c2eaa7074.txt')
        .find((s) => s.lines.start === 6)!
        .text.startsWith('This move is the latest'),
    ).toBe(true);
    expect(sentences.some((s) => s.text.includes('Key Facts'))).toBe(false);
  });

  it('ends the last sentence of 003, which has no final newline, at the end of the file', () => {
    const f = files.find((x) => x.id === '003_2772de2c2eaa7074.txt')!;
    expect(f.text.endsWith('\n')).toBe(false);
    const last = of(f.id).at(-1)!;
    expect(last.offsets.end).toBe(f.text.length);
    expect(last.lines).toEqual({ start: 10, end: 10 });
    expect(last.text.endsWith('digital space and limit foreign tech influence.')).toBe(true);
  });

  it('puts the first sentence of 004, which starts with a blank line, on line 2 at offset 1', () => {
    const first = of('004_91fa703387e835df.txt')[0]!;
    expect(first.lines).toEqual({ start: 2, end: 2 });
    expect(first.offsets.start).toBe(1);
    expect(first.text.startsWith('Russia has announced restrictions')).toBe(true);
  });

  it('emits no sentence from the appeal, the buttons or the photo credit', () => {
    const text = sentences.map((s) => s.text).join('\n');
    for (const bad of [
      'Remind me later',
      'Dear readers',
      'Support us',
      'ad-free',
      'TASS',
      'Also read',
      '×',
      'Read more',
    ])
      expect(text, bad).not.toContain(bad);
  });

  it('records lowercased words with stems and stop flags of the same length', () => {
    for (const s of sentences) {
      expect(s.stems).toHaveLength(s.words.length);
      expect(s.stop).toHaveLength(s.words.length);
      for (const w of s.words) expect(w).toBe(w.toLowerCase());
    }
    const fragment = of('003_2772de2c2eaa7074.txt').find(
      (s) => s.text === 'A new domestic alternative.',
    );
    expect(fragment?.hasVerb).toBe(false);
  });
});

describe('segmentCorpus on other layouts', () => {
  it('turns a hard-wrapped paragraph into sentences that span several lines, with the breaks inside the text', async () => {
    const files = (await loadCorpus(FIXTURES)).files.filter((f) => f.id === 'sea-wrapped.txt');
    const sentences = segment(files);
    expectExact(files, sentences);
    const first = sentences[0]!;
    expect(first.lines).toEqual({ start: 3, end: 5 });
    expect(first.text).toBe(
      'Researchers at the coastal observatory have recorded the longest\ncontinuous series of sea temperature measurements in the region,\ncovering more than sixty years of daily readings taken at the same pier.',
    );
    expect(first.words).toContain('continuous');
    expect(sentences.filter((s) => s.lines.end > s.lines.start).length).toBeGreaterThanOrEqual(5);
    const last = sentences.at(-1)!;
    expect(last.lines).toEqual({ start: 22, end: 26 });
    expect(last.text.endsWith('requests for\ncomments.')).toBe(true);
    expect(sentences.some((s) => s.text.includes('Sea Temperature Record'))).toBe(false);
  });

  it('gives exact spans in a CRLF file, with bullets outside the span and the title on its own', () => {
    const text =
      'Port Strike Ends\r\n\r\nDock workers returned on Monday. Ships began unloading.\r\n\r\n- Talks lasted nine days.\r\n* Wages rise 6 percent.\r\n1. A review is due in May.\r\n';
    const file = sourceFromText('crlf.txt', text);
    const sentences = segment([file]);
    expectExact([file], sentences);
    expect(sentences.map((s) => [s.text, s.lines.start, s.offsets.start])).toEqual([
      ['Dock workers returned on Monday.', 3, 20],
      ['Ships began unloading.', 3, 53],
      ['Talks lasted nine days.', 5, 81],
      ['Wages rise 6 percent.', 6, 108],
      ['A review is due in May.', 7, 134],
    ]);
  });

  it('gives exact spans in a file broken by lone carriage returns', () => {
    const text = 'Rain Returns\r\rThe drought ended on Friday.\rRivers rose quickly.';
    const file = sourceFromText('cr.txt', text);
    const sentences = segment([file]);
    expectExact([file], sentences);
    expect(sentences.map((s) => [s.text, s.lines])).toEqual([
      ['The drought ended on Friday.', { start: 3, end: 3 }],
      ['Rivers rose quickly.', { start: 4, end: 4 }],
    ]);
    expect(sentences.at(-1)!.offsets.end).toBe(text.length);
  });

  it('does not glue a heading to a paragraph that follows it without a blank line', () => {
    const file = sourceFromText(
      'tight.txt',
      'Background\nThe council approved the budget on Tuesday. It takes effect in July.\n',
    );
    const sentences = segment([file]);
    expect(sentences[0]!.text).toBe('The council approved the budget on Tuesday.');
    expect(sentences[0]!.lines).toEqual({ start: 2, end: 2 });
  });

  it('keeps emoji and astral characters whole inside exact spans', () => {
    const text = '\n🚀 Launch day came early. The 𝒜 rocket 😀 flew at dawn!\n';
    const file = sourceFromText('astral.txt', text);
    const sentences = segment([file]);
    expectExact([file], sentences);
    expect(sentences.map((s) => s.text).join(' ')).toBe(
      '🚀 Launch day came early. The 𝒜 rocket 😀 flew at dawn!',
    );
  });

  it('trims indentation and trailing spaces out of a span', () => {
    const file = sourceFromText('indent.txt', '   The tide turned at noon.   \n');
    const [s] = segment([file]);
    expect(s!.text).toBe('The tide turned at noon.');
    expect(s!.offsets).toEqual({ start: 3, end: 27 });
  });

  it('yields no sentences for an empty file or a file of blank lines', () => {
    expect(segment([sourceFromText('e.txt', '')])).toEqual([]);
    expect(segment([sourceFromText('b.txt', '\n\r\n\r  \n')])).toEqual([]);
  });
});

describe('paragraphsOf', () => {
  it('joins a line that does not end a sentence to the next and keeps a bullet marker outside', () => {
    const text = 'The river rose\nby two metres.\n• It fell again.\n';
    const file = sourceFromText('p.txt', text);
    const lines = classifyLines([file]).get('p.txt')!;
    const paras = paragraphsOf(text, lines).map((p) => text.slice(p.start, p.end));
    expect(paras).toEqual(['The river rose\nby two metres.', 'It fell again.']);
  });
});

describe('paragraphsOf and segmentCorpus on list markers and long paragraphs', () => {
  it('keeps a list marker followed by a no-break space or an em space outside the sentence span', () => {
    const text =
      'Key facts about the strike at the port this week:\n\n•\u00a0The council approved the harbour budget on Monday after a long debate.\n-\u00a0The vote was nine to two, with the mayor abstaining from the vote.\n1.\u2003Dockworkers said they would return to work on Thursday morning.\n\u00a0\u00a0• Officials said the port would reopen to container traffic on Friday.\n';
    const files = [sourceFromText('a.txt', text)];
    const sentences = segment(files);
    expectExact(files, sentences);
    expect(sentences.map((s) => s.text)).toEqual([
      'The council approved the harbour budget on Monday after a long debate.',
      'The vote was nine to two, with the mayor abstaining from the vote.',
      'Dockworkers said they would return to work on Thursday morning.',
      'Officials said the port would reopen to container traffic on Friday.',
    ]);
  });

  it('joins 40,000 unpunctuated lines into one paragraph in linear time, looking only at the last line joined', () => {
    const lines: ClassifiedLine[] = [];
    let text = '';
    for (let i = 0; i < 40_000; i++) {
      const t = `and the river ran on past the mill number ${i} toward the sea`;
      lines.push({
        number: i + 1,
        start: text.length,
        end: text.length + t.length,
        text: t,
        kind: 'content',
      });
      text += `${t}\n`;
    }
    const started = performance.now();
    const paras = paragraphsOf(text, lines);
    // Re-testing the whole growing paragraph for every line took about 30 s here.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(paras).toEqual([{ start: 0, end: text.length - 1 }]);
  });

  it('leaves out the sentences of a file it cannot segment and keeps the other files with dense ids', () => {
    const good = sourceFromText('a.txt', 'The tide turned at noon. The boats came home.\n');
    const bad = sourceFromText('b.txt', 'The river rose by two metres overnight.\n');
    const table = classifyLines([good, bad]);
    const broken = table.get('b.txt')!.map((l) =>
      Object.defineProperty({ ...l }, 'text', {
        get(): string {
          throw new Error('unreadable line');
        },
      }),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const sentences = segmentCorpus([good, bad], new Map([...table, ['b.txt', broken]]));
      expect(sentences.map((s) => [s.id, s.file, s.text])).toEqual([
        [0, 'a.txt', 'The tide turned at noon.'],
        [1, 'a.txt', 'The boats came home.'],
      ]);
      expect(warn).toHaveBeenCalledOnce();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('segmentCorpus across repeated reads', () => {
  it('gives the same words for the same text whatever the process read before (wink-nlp learns unknown words)', () => {
    const words = (text: string) =>
      modelFromTexts([{ file: 'a.txt', text }], { topics: false }).sentences.map((s) => [
        s.words.join(' '),
        s.stems.join(' '),
      ]);
    const text = "There were some great quobble's just around the block from the hotel.\n";
    const first = words(text);
    // This sentence teaches wink-nlp "quobble's" as one token (the comma after it does).
    words("There are plenty of internet quobble's, a bakery and a pharmacy on the street.\n");
    expect(words(text)).toEqual(first);
    expect(first[0]![0]).toContain('great quobble just');
  });
});
