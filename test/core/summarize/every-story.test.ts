import { describe, expect, it } from 'vitest';
import { modelFromTexts, storySummaries, summarize } from '../../../src/core/index.js';
import { hasShape } from '../../../src/core/text/index.js';

/** Two packages' READMEs whose only sentences point back to their titles (as native binaries' do). */
const binaries = ['nice', 'binding'].map((name) => ({
  file: `${name}-linux-x64-gnu.md`,
  text: `# @acme/${name}-linux-x64-gnu\n\nThis is the x86_64-unknown-linux-gnu binary for @acme/${name}\n`,
}));

describe('every story with content has a summary', () => {
  it('summarizes a story whose every sentence points back, with the sentence that covers most', () => {
    const model = modelFromTexts(binaries);
    expect(model.sentences.every((s) => hasShape(s.shape, 'pronoun'))).toBe(true);
    const stories = storySummaries(model);
    expect(stories.length).toBeGreaterThan(0);
    for (const story of stories) expect(story.sentences).toHaveLength(1);
    expect(summarize(model)!.sentences).toHaveLength(1);
  });

  it('gives no sentence to a query that nothing answers', () => {
    const model = modelFromTexts(binaries);
    expect(summarize(model, { query: 'harbour crane' })!.sentences).toEqual([]);
  });

  it('never makes a facet of sentences none of which can stand in a summary', () => {
    const definitions = ['retries', 'backoff', 'ceiling', 'jitter', 'window', 'budget']
      .map(
        (k) =>
          `- \`${k}\` — ${k} of failed uploads before the ledger gives up, counted per upload batch`,
      )
      .join('\n');
    const model = modelFromTexts([
      {
        file: 'crane.md',
        text: `# Crane queue\n\nThe crane queue holds the jobs of the harbour crane until a driver takes them.\n\nThe harbour crane queue stores its jobs in a ledger that survives restarts.\n\nDrivers see the crane queue on a screen in the cabin of the harbour crane.\n\n## Uploads\n\n${definitions}\n`,
      },
    ]);
    const facets = model.stories.flatMap((s) => s.facets);
    expect(facets.length).toBeGreaterThan(0);
    for (const facet of facets)
      expect(
        facet.sentenceIds.every((id) => !hasShape(model.sentences[id]!.shape, 'definition')),
      ).toBe(true);
    for (const story of storySummaries(model))
      for (const t of [story, ...story.facets]) expect(t.sentences.length).toBeGreaterThan(0);
  });
});
