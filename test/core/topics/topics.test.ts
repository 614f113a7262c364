import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/index.js';
import {
  buildModel,
  modelFromTexts,
  summarize,
  type CorpusModel,
} from '../../../src/core/index.js';

let seeds: CorpusModel;
beforeAll(async () => {
  seeds = buildModel(await loadCorpus('data'));
});

/** The topic holding the sentence that contains `phrase`. */
function topicOf(model: CorpusModel, phrase: string) {
  const sentence = model.sentences.find((s) => s.text.includes(phrase));
  expect(sentence, phrase).toBeDefined();
  return model.topics.find((t) => t.sentenceIds.includes(sentence!.id));
}

describe('discoverTopics on the seed corpus', () => {
  it('separates the stories a reader would separate', () => {
    const protests = topicOf(seeds, 'Organization of Voronezh Marxists');
    const rights = topicOf(seeds, 'relentless attacks on Internet freedom');
    const companies = topicOf(seeds, 'end-to-end encrypted, and defies');
    const restrictions = topicOf(seeds, 'will remain until these foreign messengers comply');
    const crackdown = topicOf(seeds, 'broader pattern of internet control');
    const app = topicOf(seeds, 'A Russian-made app called Max');
    const found = [protests, rights, companies, restrictions, crackdown, app];
    for (const t of found) expect(t).toBeDefined();
    expect(new Set(found.map((t) => t!.topic.id)).size).toBe(found.length);
  });

  it('keeps one story together across files', () => {
    const whatsapp = topicOf(seeds, 'end-to-end encrypted, and defies')!;
    expect(topicOf(seeds, 'defies government attempts to violate')!.topic.id).toBe(
      whatsapp.topic.id,
    );
    expect(whatsapp.topic.files.length).toBeGreaterThanOrEqual(2);
    const protests = topicOf(seeds, 'Organization of Voronezh Marxists')!;
    expect(topicOf(seeds, 'staged its own protests')!.topic.id).toBe(protests.topic.id);
  });

  it('labels each topic with a phrase from its own sentences, not a number', () => {
    for (const t of seeds.topics) {
      expect(t.topic.label).not.toMatch(/^topic\s*\d+$/i);
      expect(t.topic.label.length).toBeGreaterThan(2);
      const text = t.sentenceIds.map((id) => seeds.sentences[id]!.text).join(' ');
      expect(text).toContain(t.topic.label);
      expect(t.topic.keywords.length).toBeGreaterThan(2);
    }
  });

  it('reports files and sentence counts that match its sentences', () => {
    for (const t of seeds.topics) {
      expect(t.topic.sentenceCount).toBe(t.sentenceIds.length);
      expect(t.topic.sentenceCount).toBeGreaterThanOrEqual(2);
      expect(t.topic.files).toEqual(
        [...new Set(t.sentenceIds.map((id) => seeds.sentences[id]!.file))].sort(),
      );
    }
  });

  it('gives the same ids and labels on every build of the same corpus', async () => {
    const again = buildModel(await loadCorpus('data'));
    expect(again.topics.map((t) => t.topic)).toEqual(seeds.topics.map((t) => t.topic));
    for (const t of seeds.topics) expect(t.topic.id).toMatch(/^t-[0-9a-f]{10}$/);
  });

  it("summarizes a topic from that topic's own sentences", () => {
    for (const t of seeds.topics) {
      const summary = summarize(seeds, { topicId: t.topic.id })!;
      expect(summary.topic).toEqual(t.topic);
      expect(summary.sentences.length).toBeGreaterThan(0);
      const members = new Set(
        t.sentenceIds.map(
          (id) => `${seeds.sentences[id]!.file}:${seeds.sentences[id]!.offsets.start}`,
        ),
      );
      for (const s of summary.sentences)
        expect(members.has(`${s.citations[0]!.file}:${s.citations[0]!.offsets.start}`)).toBe(true);
    }
  });
});

describe('discoverTopics on small corpora', () => {
  it('does not make a topic of a single stray sentence', () => {
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
    for (const t of model.topics)
      expect(t.sentenceIds.every((id) => !model.sentences[id]!.text.includes('cat was seen'))).toBe(
        true,
      );
  });

  it('finds no topics in an empty corpus', () => {
    expect(modelFromTexts([]).topics).toEqual([]);
  });
});
