import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/core/parse/index.js';
import { IndexBuilder } from '../../src/store/index-builder.js';
import { parseInThreads } from '../../src/workers/parse-pool.js';

const FIXTURES = ['test/fixtures/markdown-kb', 'test/fixtures/html-news'];

/** The Markdown and HTML fixtures as files (id and text), several times over under other names. */
function markupFiles(copies: number) {
  const files: { id: string; text: string }[] = [];
  for (let c = 0; c < copies; c++)
    for (const dir of FIXTURES)
      for (const name of readdirSync(dir))
        files.push({
          id: `${c}/${path.basename(dir)}/${name}`,
          text: readFileSync(path.join(dir, name), 'utf8'),
        });
  return files;
}

describe('parseInThreads', () => {
  it('returns for every file exactly what parseFile returns, blocks and offset maps included', async () => {
    const files = markupFiles(6);
    const parsed = await parseInThreads(files, 2);
    expect([...parsed.keys()].sort()).toEqual(files.map((f) => f.id).sort());
    for (const f of files) expect(parsed.get(f.id)).toEqual(parseFile(f));
    const one = parsed.get(files[0]!.id)!.blocks[0]!;
    expect(one.sourceStart).toBeInstanceOf(Int32Array);
  });

  it('answers an empty list without starting work', async () => {
    expect((await parseInThreads([], 1)).size).toBe(0);
  });
});

describe('IndexBuilder with parseAhead', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'citesum-parse-ahead-'));
    for (const dir of ['data', ...FIXTURES])
      cpSync(dir, path.join(root, 'data', path.basename(dir)), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds the same columns as a build that parses each file when asked', async () => {
    const dataDir = path.join(root, 'data');
    let asked = 0;
    const ahead = await new IndexBuilder({ dataDir, indexDir: path.join(root, 'a') }, undefined, {
      parseAhead: (files) => {
        asked = files.length;
        return parseInThreads(files, 1);
      },
      parseAheadChars: 0,
    }).open();
    const plain = await new IndexBuilder({ dataDir, indexDir: path.join(root, 'b') }).open();
    // Every Markdown and HTML file of the folder was parsed ahead.
    expect(asked).toBe(markupFiles(1).length);
    expect(ahead.columns).toEqual(plain.columns);
  });
});
