import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelColumns, viewFromColumns } from '../../src/core/model.js';
import { IndexBuilder, type Published } from '../../src/store/index-builder.js';
import { pipelineVersion, SNAPSHOT_FORMAT } from '../../src/store/pipeline-version.js';
import { ComputePool } from '../../src/workers/pools.js';

/**
 * A published generation is read, never written: the compute workers read its columns in place
 * (shared memory, not copies), and the builder writes every later generation into new buffers.
 */

const root = mkdtempSync(path.join(tmpdir(), 'citesum-generations-'));
const dataDir = path.join(root, 'data');
const indexDir = path.join(root, 'index');
let pool: ComputePool;

beforeAll(() => cpSync('data', dataDir, { recursive: true }));
afterAll(async () => {
  await pool?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Every typed array of a generation's columns, in a fixed order. */
function arraysOf(cols: ModelColumns): ArrayBufferView[] {
  const out: ArrayBufferView[] = [];
  const walk = (x: unknown) => {
    if (ArrayBuffer.isView(x)) out.push(x);
    else if (x && typeof x === 'object')
      for (const k of Object.keys(x).sort()) walk((x as Record<string, unknown>)[k]);
  };
  walk(cols);
  return out;
}

/** SHA-256 over every byte of a generation's columns. */
function digest(cols: ModelColumns): string {
  const h = createHash('sha256');
  for (const a of arraysOf(cols)) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex');
}

describe('a published generation', () => {
  let first: Published;
  const builder = new IndexBuilder(
    { dataDir, indexDir },
    { format: SNAPSHOT_FORMAT, pipeline: pipelineVersion() },
    { racyMs: 0 },
  );

  it('lives in shared memory, handed to the workers without a copy', async () => {
    first = await builder.open();
    for (const a of arraysOf(first.columns)) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('keeps every byte while the workers answer every summary and topic of it', async () => {
    const before = digest(first.columns);
    pool = new ComputePool({ workers: 2, maxQueue: 100 });
    await pool.ready();
    const view = viewFromColumns(first.columns);
    const ref = { generation: 1, columns: first.columns };
    await pool.preload(ref);
    pool.register(view, ref);
    const asked: Promise<unknown>[] = [
      pool.summary(view, {}),
      pool.summary(view, { query: 'monthly users' }),
    ];
    for (const s of view.stories)
      for (const node of [s, ...s.facets])
        asked.push(pool.summary(view, { topicId: node.topic.id }), pool.topic(view, node.topic.id));
    const answers = await Promise.all(asked);
    expect(answers.every((a) => typeof a === 'string' && a.length > 0)).toBe(true);
    expect(digest(first.columns)).toBe(before);
  }, 120_000);

  it('is never written by a later build: a reload and its settling write new buffers', async () => {
    const before = digest(first.columns);
    const file = path.join(dataDir, '002_90d0f9c44a687009.txt');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('. ', '. The regulator also fined an operator. '),
    );
    const next = await builder.reload();
    const settled = await builder.settle();
    expect(next).toBeDefined();
    expect(settled).toBeDefined();
    const old = new Set(arraysOf(first.columns).map((a) => a.buffer));
    for (const later of [next!, settled!])
      for (const a of arraysOf(later.columns)) {
        // A later generation may share a column only when it is the same bytes, never written.
        if (old.has(a.buffer)) continue;
        expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
      }
    expect(digest(first.columns)).toBe(before);
    expect(digest(next!.columns)).not.toBe(before);
  }, 120_000);
});
