import { describe, expect, it } from 'vitest';
import type { BenchTopic } from '../../../tools/eval/bench-data.js';
import { type GridRun, gridPoints, leaveOneTopicOut } from '../../../tools/eval/loto.js';
import type { RougeResult } from '../../../tools/eval/rouge.js';

const score = (r2: number): RougeResult => {
  const s = { recall: r2, precision: r2, f: r2 };
  return { rouge1: s, rouge2: s, rougeSU4: s };
};
const topics = ['T0', 'T1', 'T2'].map((topic) => ({ topic }) as BenchTopic);
const run = (point: GridRun['point'], r2: number[]): GridRun => ({
  point,
  summaries: [],
  results: r2.map(score),
  reports: [],
});

describe('leave-one-topic-out', () => {
  it('lists every grid point, the first key varying slowest', () => {
    expect(gridPoints({ positionScale: [1, 2], leadBonus: [0, 1] })).toEqual([
      { positionScale: 1, leadBonus: 0 },
      { positionScale: 1, leadBonus: 1 },
      { positionScale: 2, leadBonus: 0 },
      { positionScale: 2, leadBonus: 1 },
    ]);
  });

  it('scores each topic with the point that is best on the other topics, never on itself', () => {
    // Point A is best on T1 and T2, point B only on T0 (by far): T0 is scored with A.
    const a = run({ leadBonus: 0 }, [0.1, 0.3, 0.3]);
    const b = run({ leadBonus: 1 }, [0.9, 0.2, 0.2]);
    const loto = leaveOneTopicOut([a, b], topics);
    expect(loto.folds.map((f) => f.point.leadBonus)).toEqual([0, 1, 1]);
    expect(loto.folds.map((f) => f.result.rouge2.recall)).toEqual([0.1, 0.2, 0.2]);
    expect(loto.inSample.point).toEqual({ leadBonus: 1 });
    expect(loto.heldOut.rouge2.recall).toBeLessThan(loto.inSample.scores.rouge2.recall);
  });

  it('breaks ties toward the earlier grid point', () => {
    const a = run({ leadBonus: 0 }, [0.2, 0.2, 0.2]);
    const b = run({ leadBonus: 1 }, [0.2, 0.2, 0.2]);
    expect(leaveOneTopicOut([a, b], topics).folds.every((f) => f.point.leadBonus === 0)).toBe(true);
  });
});
