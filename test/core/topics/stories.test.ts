import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type SourceFile } from '../../../src/core/corpus/index.js';
import {
  buildModel,
  type CorpusModel,
  modelFromTexts,
  summarize,
} from '../../../src/core/index.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

let seeds: CorpusModel;
beforeAll(async () => {
  seeds = buildModel(await loadCorpus('data'));
});

/** The files of a fixture folder, renamed under a prefix (one flat corpus of several stories). */
async function fixture(name: string): Promise<SourceFile[]> {
  const { files } = await loadCorpus(`${FIXTURES}${name}`);
  return files.map((f) => ({ ...f, id: `${name}/${f.id}` }));
}

function facetOf(model: CorpusModel, phrase: string) {
  const sentence = model.sentences.find((s) => s.text.includes(phrase));
  expect(sentence, phrase).toBeDefined();
  for (const story of model.stories)
    for (const f of story.facets) if (f.sentenceIds.includes(sentence!.id)) return f;
  return undefined;
}

describe('stories of the seed corpus', () => {
  it('are the 2025 call restrictions (four files) and the 2018 campaign against the Telegram block (one file), largest first', () => {
    expect(seeds.stories.map((s) => s.files)).toEqual([
      [
        '000_3e47eca7661924bb.txt',
        '002_90d0f9c44a687009.txt',
        '003_2772de2c2eaa7074.txt',
        '004_91fa703387e835df.txt',
      ],
      ['001_df515b8c033e9bb4.txt'],
    ]);
  });

  it("draw on every content sentence of their documents, and the story's facets on a part of them", () => {
    for (const story of seeds.stories) {
      const own = seeds.sentences.filter((s) => story.files.includes(s.file)).map((s) => s.id);
      expect(story.sentenceIds).toEqual(own);
      expect(story.topic.sentenceCount).toBe(own.length);
      expect(story.topic.fileCount).toBe(story.files.length);
      for (const f of story.facets) {
        expect(f.topic.kind).toBe('facet');
        expect(f.topic.parent).toBe(story.topic.id);
        for (const id of f.sentenceIds) expect(story.sentenceIds).toContain(id);
        expect(f.topic.sentenceCount).toBe(f.sentenceIds.length);
      }
    }
  });

  it('split the main story into facets a reader would separate', () => {
    const protests = facetOf(seeds, 'Organization of Voronezh Marxists');
    const companies = facetOf(seeds, 'end-to-end encrypted, and defies');
    const app = facetOf(seeds, 'A Russian-made app called Max');
    const found = [protests, companies, app];
    for (const f of found) expect(f).toBeDefined();
    expect(new Set(found.map((f) => f!.topic.id)).size).toBe(found.length);
    expect(seeds.stories[0]!.facets.length).toBeGreaterThanOrEqual(3);
  });

  it('give the same ids, labels and members on every build of the same corpus', async () => {
    const again = buildModel(await loadCorpus('data'));
    expect(again.stories.map((s) => s.story)).toEqual(seeds.stories.map((s) => s.story));
    for (const s of seeds.stories) {
      expect(s.topic.id).toMatch(/^s-[0-9a-f]{10}$/);
      for (const f of s.facets) expect(f.topic.id).toMatch(/^f-[0-9a-f]{10}$/);
    }
  });
});

describe('stories of a folder of several unrelated events', () => {
  it('put each event in a story of its own and every document in exactly one story', async () => {
    const files = [
      ...(await fixture('unseen-port-strike')),
      ...(await fixture('unseen-wildfire')),
      ...(await fixture('unseen-rate-decision')),
    ];
    const model = buildModel({ files });
    expect(model.stories).toHaveLength(3);
    for (const s of model.stories)
      expect(new Set(s.files.map((f) => f.split('/')[0]))).toHaveProperty('size', 1);
    const all = model.stories.flatMap((s) => s.files).sort();
    expect(all).toEqual(files.map((f) => f.id).sort());
  });

  it('keep the ids of existing stories when an unrelated document is added', async () => {
    const before = buildModel({
      files: [...(await fixture('unseen-port-strike')), ...(await fixture('unseen-wildfire'))],
    });
    const after = buildModel({
      files: [
        ...(await fixture('unseen-port-strike')),
        ...(await fixture('unseen-wildfire')),
        ...(await fixture('unseen-rate-decision')).slice(0, 1),
      ],
    });
    for (const s of before.stories) {
      const same = after.stories.find((t) => t.topic.id === s.topic.id);
      expect(same, s.topic.label).toBeDefined();
      expect(same!.files).toEqual(s.files);
    }
    expect(after.stories).toHaveLength(before.stories.length + 1);
  });

  it("summarize a story exactly as posting the story's documents would", async () => {
    const files = [...(await fixture('unseen-port-strike')), ...(await fixture('unseen-wildfire'))];
    const model = buildModel({ files });
    for (const story of model.stories) {
      const posted = modelFromTexts(
        files.filter((f) => story.files.includes(f.id)).map((f) => ({ file: f.id, text: f.text })),
        { topics: false },
      );
      const fromStory = summarize(model, { topicId: story.topic.id })!;
      const fromPost = summarize(posted, {})!;
      expect(fromStory.sentences.map((s) => s.text)).toEqual(fromPost.sentences.map((s) => s.text));
    }
  });
});

/** A made-up word, the same for the same (story, k): a vocabulary no two stories share. */
function word(story: number, k: number): string {
  const syllables = [
    'ka',
    'lo',
    'mir',
    'ven',
    'tus',
    'dra',
    'pel',
    'sor',
    'qui',
    'bam',
    'rix',
    'hel',
  ];
  let n = story * 97 + k * 31 + 7;
  let w = '';
  for (let i = 0; i < 3; i++) {
    w += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length) + story + k;
  }
  return `${w}${story}x${k}`;
}

describe('the number of stories', () => {
  it('has no cap: a folder of 60 distinct stories shows 60', () => {
    const documents = [];
    for (let story = 0; story < 60; story++) {
      const place = word(story, 0).replace(/^./, (c) => c.toUpperCase());
      for (let doc = 0; doc < 2; doc++) {
        const lines = [];
        for (let s = 0; s < 6; s++)
          lines.push(
            `Officials in ${place} said the ${word(story, 1 + s)} ${word(story, 2 + s)} affected the ${word(story, 3 + ((s + doc) % 4))} on ${doc + s + 1} May.`,
          );
        documents.push({ file: `story-${story}-${doc}.txt`, text: `${lines.join('\n')}\n` });
      }
    }
    const model = modelFromTexts(documents);
    expect(model.stories).toHaveLength(60);
    for (const s of model.stories) expect(s.files).toHaveLength(2);
  });

  it('is zero for an empty corpus', () => {
    expect(modelFromTexts([]).stories).toEqual([]);
  });
});

describe('labels', () => {
  it('are complete phrases of the text, never a bare common word, never a sibling’s label up to case', () => {
    const labels = seeds.stories.map((s) => s.topic.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
    for (const story of seeds.stories) {
      const facetLabels = story.facets.map((f) => f.topic.label.toLowerCase());
      expect(new Set(facetLabels).size).toBe(facetLabels.length);
      expect(facetLabels).not.toContain(story.topic.label.toLowerCase());
      for (const t of [story, ...story.facets]) {
        const text = t.sentenceIds.map((id) => seeds.sentences[id]!.text).join('\n');
        expect(text).toContain(t.topic.label);
        if (!/\s/u.test(t.topic.label)) expect(t.topic.label).toMatch(/^\p{Lu}/u);
      }
    }
  });

  it('never cut a hyphenated name in two', () => {
    const text = (n: number) =>
      `UN Secretary-General Ban Ki-moon visited the flooded delta on day ${n} of the relief effort.\nBan Ki-moon said the relief effort for the flooded delta needs more helicopters.\nThe flooded delta lost its rice harvest, Ban Ki-moon told reporters.\n`;
    const model = modelFromTexts([1, 2, 3].map((n) => ({ file: `${n}.txt`, text: text(n) })));
    const labels = model.stories.flatMap((s) => [
      s.topic.label,
      ...s.facets.map((f) => f.topic.label),
    ]);
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l).not.toMatch(/Ban Ki$|Ki-$/u);
  });

  it('do not make a facet of a single stray sentence', () => {
    const model = modelFromTexts([
      {
        file: 'a.txt',
        text: 'The council approved the new budget for the harbour on Monday.\nThe harbour budget includes money for dredging and new cranes.\n',
      },
      {
        file: 'b.txt',
        text: 'Councillors voted for the harbour budget after a long debate.\nA cat was seen sleeping on a warm car bonnet in the afternoon.\n',
      },
    ]);
    for (const s of model.stories)
      for (const f of s.facets)
        expect(
          f.sentenceIds.every((id) => !model.sentences[id]!.text.includes('cat was seen')),
        ).toBe(true);
  });
});
