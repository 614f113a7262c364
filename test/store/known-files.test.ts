import { mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/corpus/index.js';
import { StampedFiles } from '../../src/store/known-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'citesum-known-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file dated `secondsAgo` in the past. */
function write(name: string, text: string, secondsAgo = 60) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(file, t, t);
}

async function load(known: StampedFiles) {
  const corpus = await loadCorpus(dir, { known });
  known.settle();
  return new Map(corpus.files.map((f) => [f.id, f]));
}

describe('files known from the last load', () => {
  it('are reused while their stamp is unchanged, and read again once it changes', async () => {
    write('a.txt', 'The council met on Monday.\n');
    write('b.txt', 'The ferry left at noon.\n');
    // Files written just now have a recent change time: remembered only with no racy window.
    const known = new StampedFiles({ racyMs: 0 });
    const first = await load(known);
    const second = await load(known);
    expect(second.get('a.txt')).toBe(first.get('a.txt'));
    expect(second.get('b.txt')).toBe(first.get('b.txt'));
    write('b.txt', 'The ferry left at one.\n', 30);
    const third = await load(known);
    expect(third.get('a.txt')).toBe(first.get('a.txt'));
    expect(third.get('b.txt')!.text).toBe('The ferry left at one.\n');
    expect(third.get('b.txt')!.sha256).not.toBe(first.get('b.txt')!.sha256);
  });

  it('are read again when they were written within two seconds of being read (a stamp may hide a second write)', async () => {
    write('a.txt', 'The council met on Monday.\n');
    const known = new StampedFiles();
    const first = await load(known);
    const second = await load(known);
    expect(second.get('a.txt')).not.toBe(first.get('a.txt'));
    expect(second.get('a.txt')).toEqual(
      expect.objectContaining({ sha256: first.get('a.txt')!.sha256 }),
    );
  });

  it('never stand in for a file that is gone or became a symbolic link', async () => {
    write('a.txt', 'The council met on Monday.\n');
    write('b.txt', 'The ferry left at noon.\n');
    const known = new StampedFiles({ racyMs: 0 });
    const before = await load(known);
    expect(before.size).toBe(2);
    rmSync(path.join(dir, 'a.txt'));
    rmSync(path.join(dir, 'b.txt'));
    symlinkSync(path.join(dir, 'elsewhere.txt'), path.join(dir, 'b.txt'));
    const corpus = await loadCorpus(dir, { known });
    expect(corpus.files).toEqual([]);
    expect(corpus.skipped).toEqual([{ file: 'b.txt', reason: 'symbolic link, not followed' }]);
  });
});
