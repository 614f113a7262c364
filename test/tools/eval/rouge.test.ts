import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import {
  loadMultiLing,
  loadMultiLingPeers,
  loadOpinosisReferences,
} from '../../../tools/eval/bench-data.js';
import {
  CALIBRATION_TOLERANCE,
  calibrateMultiLing,
  leadBaselineSummary,
  opinosisHumanCeiling,
} from '../../../tools/eval/calibrate.js';
import {
  MULTILING_OPTIONS,
  OPINOSIS_OPTIONS,
  type RougeOptions,
  type RougeResult,
  averageResults,
  bootstrapAverageResults,
  roundLikePerl5,
  rougeMorphStem,
  rougePorterStem,
  rougeTokens,
  scoreSummary,
  skipBigramCounts,
} from '../../../tools/eval/rouge.js';
import { SMART_COMMON_WORDS, SMART_STOPWORDS } from '../../../tools/eval/smart-stopwords.js';

const PLAIN: RougeOptions = {
  stem: false,
  removeStopwords: false,
  skipDistance: 4,
  skipUnigrams: true,
};

describe('ROUGE-1.5.5 tokenization', () => {
  it('lower-cases and turns hyphens, apostrophes and other punctuation into word breaks', () => {
    expect(rougeTokens("The U.S.-led coalition's 2nd attack, by e-mail!", PLAIN)).toEqual([
      'the',
      'u',
      's',
      'led',
      'coalition',
      's',
      '2nd',
      'attack',
      'by',
      'e',
      'mail',
    ]);
  });

  it('treats a non-ASCII letter as a word break, as the byte-oriented Perl script does', () => {
    expect(rougeTokens('Café ZOË, naïve', PLAIN)).toEqual(['caf', 'zo', 'na', 've']);
  });

  it('joins the lines of a summary into one sequence of tokens', () => {
    expect(rougeTokens('First line.\n\nSecond line\n', PLAIN)).toEqual([
      'first',
      'line',
      'second',
      'line',
    ]);
  });

  it('removes the SMART stop words of smart_common_words.txt when asked', () => {
    expect(
      rougeTokens('The cat is on the mat, said Reuters on Monday', {
        ...PLAIN,
        removeStopwords: true,
      }),
    ).toEqual(['cat', 'mat', 'monday']);
    expect(SMART_COMMON_WORDS).toHaveLength(598);
    expect(SMART_STOPWORDS.size).toBe(596);
    expect(SMART_STOPWORDS.has('reuters')).toBe(true);
  });

  it('stems only tokens longer than three characters', () => {
    expect(rougeTokens('cats ran running was dogs', { ...PLAIN, stem: true })).toEqual([
      'cat',
      'ran',
      'run',
      'was',
      'dog',
    ]);
  });

  it('maps irregular forms to their WordNet base form before stemming', () => {
    expect(rougeMorphStem('children')).toBe('child');
    expect(rougeMorphStem('bought')).toBe('buy');
    // the base form is taken as is, not stemmed: "mice" and "mouse" do not meet
    expect(rougeMorphStem('mice')).toBe('mouse');
    expect(rougeMorphStem('mouse')).toBe('mous');
  });

  it("uses ROUGE's Porter variant, which strips -ment and -ent one after the other unlike standard Porter", () => {
    expect(rougePorterStem('documents')).toBe('docum');
    expect(rougePorterStem('agreement')).toBe('agreem');
    expect(stemmer('documents')).toBe('document');
    expect(rougePorterStem('generalizations')).toBe(stemmer('generalizations'));
    expect(rougePorterStem('relational')).toBe('relat');
    expect(rougePorterStem('yelling')).toBe('yell');
  });

  it('cuts every summary after its first N whitespace-separated words when a length limit is set', () => {
    // "U.S.-led" is one word for the cut but three tokens afterwards
    expect(
      rougeTokens('U.S.-led forces\nmoved north today', { ...PLAIN, lengthLimitWords: 3 }),
    ).toEqual(['u', 's', 'led', 'forces', 'moved']);
    expect(rougeTokens('one two\nthree four', { ...PLAIN, lengthLimitWords: 2 })).toEqual([
      'one',
      'two',
    ]);
  });
});

describe('ROUGE-N and ROUGE-SU counting', () => {
  it('clips unigram and bigram hits to the counts in the reference', () => {
    const r = scoreSummary('the the the cat', ['the cat sat on the mat'], PLAIN);
    // unigrams: "the" min(3, 2) + "cat" 1 = 3 hits of 6 reference unigrams, 4 system unigrams
    expect(r.rouge1).toEqual({ recall: 0.5, precision: 0.75, f: 0.6 });
    // bigrams: only "the cat" matches: 1 of 5 reference bigrams, 3 system bigrams
    expect(r.rouge2).toEqual({ recall: 0.2, precision: 0.33333, f: 0.25 });
  });

  it('counts 10 skip-bigrams plus 4 unigrams on a 5-word sentence with -2 4 -u', () => {
    const counts = skipBigramCounts(['a', 'b', 'c', 'd', 'e'], 4, true);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(14);
    // the Perl loop stops before the last token, so its unigram is never counted
    expect(counts.has('e')).toBe(false);
    expect(counts.get('a e')).toBe(1);
  });

  it('limits a skip-bigram to at most skipDistance words in between', () => {
    const counts = skipBigramCounts(['a', 'b', 'c', 'd', 'e'], 1, false);
    expect([...counts.keys()].sort()).toEqual(['a b', 'a c', 'b c', 'b d', 'c d', 'c e', 'd e']);
  });

  it('forms n-grams and skip-bigrams across sentence boundaries', () => {
    const r = scoreSummary('a b\nc d', ['b c'], PLAIN);
    expect(r.rouge2.recall).toBe(1);
  });

  it('gives a summary identical to its single reference a perfect score', () => {
    const text = 'Quake aid pledges rise to two billion dollars.';
    const r = scoreSummary(text, [text], PLAIN);
    for (const s of [r.rouge1, r.rouge2, r.rougeSU4])
      expect(s).toEqual({ recall: 1, precision: 1, f: 1 });
  });

  it('scores an empty summary zero without failing', () => {
    const r = scoreSummary('', ['some reference text'], PLAIN);
    expect(r.rouge1).toEqual({ recall: 0, precision: 0, f: 0 });
    expect(r.rougeSU4).toEqual({ recall: 0, precision: 0, f: 0 });
  });
});

describe('-f A model averaging over references', () => {
  it('adds hits and totals over the references before dividing, so longer references weigh more', () => {
    const r = scoreSummary('a b c', ['a b', 'c d e f g h'], PLAIN);
    // hits 2 + 1 over 2 + 6 reference unigrams (not the mean of 2/2 and 1/6)
    expect(r.rouge1.recall).toBe(0.375);
    // precision divides by the 3 system unigrams once per reference
    expect(r.rouge1.precision).toBe(0.5);
    expect(r.rouge1.f).toBe(0.42857);
  });

  it('rounds each evaluation to five decimals like sprintf("%7.5f"), ties to even', () => {
    expect(roundLikePerl5(1 / 3)).toBe(0.33333);
    expect(roundLikePerl5(1 / 64)).toBe(0.01562);
    expect(roundLikePerl5(3 / 64)).toBe(0.04688);
  });

  it('averages topics by the plain mean of their scores', () => {
    const a: RougeResult = {
      rouge1: { recall: 0.4, precision: 0.2, f: 0.3 },
      rouge2: { recall: 0.1, precision: 0.1, f: 0.1 },
      rougeSU4: { recall: 0.2, precision: 0, f: 0 },
    };
    const b: RougeResult = {
      rouge1: { recall: 0.6, precision: 0.4, f: 0.5 },
      rouge2: { recall: 0.3, precision: 0.1, f: 0.2 },
      rougeSU4: { recall: 0.4, precision: 0.2, f: 0.2 },
    };
    const m = averageResults([a, b]);
    expect(m.rouge1.recall).toBeCloseTo(0.5, 12);
    expect(m.rouge2.f).toBeCloseTo(0.15, 12);
    expect(m.rougeSU4.precision).toBeCloseTo(0.1, 12);
    expect(averageResults([]).rouge1).toEqual({ recall: 0, precision: 0, f: 0 });
  });

  it("reproduces ROUGE's bootstrap average exactly when every topic has the same score", () => {
    const same: RougeResult = {
      rouge1: { recall: 0.41234, precision: 0.3, f: 0.35 },
      rouge2: { recall: 0.1, precision: 0.1, f: 0.1 },
      rougeSU4: { recall: 0.2, precision: 0.2, f: 0.2 },
    };
    expect(bootstrapAverageResults([same, same, same]).rouge1.recall).toBe(0.41234);
  });

  it('keeps the bootstrap average within a few hundredths of a point of the plain mean', () => {
    const results = [0.1, 0.5, 0.3, 0.9, 0.2].map((x) => ({
      rouge1: { recall: x, precision: x, f: x },
      rouge2: { recall: x, precision: x, f: x },
      rougeSU4: { recall: x, precision: x, f: x },
    }));
    const boot = bootstrapAverageResults(results).rouge1.recall;
    expect(Math.abs(boot - averageResults(results).rouge1.recall)).toBeLessThan(0.01);
  });

  it('exposes the MultiLing and Opinosis settings of the bench README', () => {
    expect(MULTILING_OPTIONS).toEqual({
      stem: false,
      removeStopwords: false,
      skipDistance: 4,
      skipUnigrams: true,
    });
    expect(OPINOSIS_OPTIONS).toEqual({
      stem: true,
      removeStopwords: true,
      skipDistance: 4,
      skipUnigrams: true,
    });
  });
});

/** Exact copies of the benchmark data the calibration needs (test/fixtures/bench/README.md). */
const BENCH = fileURLToPath(new URL('../../fixtures/bench', import.meta.url));

describe('calibration on the real benchmark data (vendored in test/fixtures/bench)', () => {
  it('scores peer ID3 within 0.3 points of its published ROUGE-2 recall of 17.35', () => {
    const topics = loadMultiLing(BENCH);
    const id3 = loadMultiLingPeers(BENCH)['ID3']!;
    const perTopic = topics.map((t) =>
      scoreSummary(id3[t.topic]!, t.references, MULTILING_OPTIONS),
    );
    expect(perTopic).toHaveLength(10);
    expect(
      Math.abs(100 * bootstrapAverageResults(perTopic).rouge2.recall - 17.35),
    ).toBeLessThanOrEqual(0.3);
    expect(Math.abs(100 * averageResults(perTopic).rouge2.recall - 17.35)).toBeLessThanOrEqual(0.3);
  });

  it('reproduces every MultiLing submission and the lead baseline within the tolerance', () => {
    const ml = calibrateMultiLing(BENCH);
    expect(ml.peers).toHaveLength(10);
    expect(ml.maxAbsDiff).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
    for (const cell of ml.leadBaseline.cells) {
      expect(Math.abs(cell.ours - cell.published)).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
    }
  });

  it('builds the lead baseline from whole first sentences of at most 250 words in all', () => {
    for (const topic of loadMultiLing(BENCH)) {
      const words = leadBaselineSummary(topic)
        .split(/\s+/)
        .filter((w) => w.length > 0).length;
      expect(words).toBeGreaterThan(150);
      expect(words).toBeLessThanOrEqual(250);
    }
  });

  it('reproduces the Opinosis human ceiling, which uses stemming and stop words', () => {
    const references = loadOpinosisReferences(join(BENCH, 'opinosis-references'));
    expect(references).toHaveLength(51);
    for (const cell of opinosisHumanCeiling(references).cells) {
      expect(Math.abs(cell.ours - cell.published)).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
    }
  });
});
