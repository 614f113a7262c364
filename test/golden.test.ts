import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compact, corpora, FIXTURES, serve } from '../tools/golden/api-answers.js';

/**
 * Every answer of the HTTP API (documents, lines, topic pages, details, summaries in JSON and
 * Markdown, queries, verification, posted summaries) on the seeds, the mixed MultiLing folder and
 * the first 1,000 bench articles, compared with the digests recorded before the model became
 * columns (`test/fixtures/golden/`, written by `tools/golden/api-answers.ts`): a change of layout,
 * store or threads must not move a byte. A change meant to alter answers re-records them
 * (`npx tsx tools/golden/api-answers.ts fixtures`).
 */

const tmp = mkdtempSync(path.join(tmpdir(), 'citesum-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const BENCH = path.join('test', 'fixtures', 'bench');

describe('every API answer', () => {
  for (const name of ['seeds', 'mixed', 'bench1000'])
    it(`is byte-identical to the recorded one on the ${name} corpus`, async () => {
      const [corpus] = await corpora(tmp, [name], BENCH);
      const answers = compact(await serve(corpus!.dir, corpus!.posted, 'app'));
      const golden = JSON.parse(
        readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'),
      ) as Record<string, string>;
      expect(Object.keys(answers).length).toBe(Object.keys(golden).length);
      const moved = Object.keys(golden).filter((k) => answers[k] !== golden[k]);
      expect(moved).toEqual([]);
    }, 900_000);
});
