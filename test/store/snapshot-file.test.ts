import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openSnapshot,
  readSnapshot,
  SnapshotError,
  writeSnapshot,
} from '../../src/store/snapshot-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'citesum-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXPECTED = { format: 3, pipeline: 'abc' };
const META = { ...EXPECTED, fingerprint: 'f'.repeat(64), exact: true };

function written(name: string): string {
  const file = path.join(dir, name);
  writeSnapshot(file, META, {
    view: { files: [{ id: 'a.txt', text: 'Hello.' }] },
    model: { numbers: Int32Array.of(1, 2, 3) },
  });
  return file;
}

describe('snapshot files', () => {
  it('read back each section as written, with the header that says what wrote them', () => {
    const { header, sections } = readSnapshot(written('ok.snap'), EXPECTED, ['view', 'model']);
    expect(header).toMatchObject({
      ...META,
      node: process.versions.modules,
      v8: process.versions.v8,
    });
    expect(sections.view).toEqual({ files: [{ id: 'a.txt', text: 'Hello.' }] });
    expect(sections.model).toEqual({ numbers: Int32Array.of(1, 2, 3) });
  });

  it('refuse a section whose bytes were changed (checksum)', () => {
    const file = written('corrupt.snap');
    const bytes = readFileSync(file);
    bytes[bytes.length - 3]! ^= 0xff;
    writeFileSync(file, bytes);
    const reader = openSnapshot(file, EXPECTED);
    try {
      expect(() => reader.section('model')).toThrow(/section "model" fails its checksum/);
      expect(reader.section('view')).toEqual({ files: [{ id: 'a.txt', text: 'Hello.' }] });
    } finally {
      reader.close();
    }
  });

  it('refuse another format version, other pipeline code, a truncated file and a foreign file', () => {
    const file = written('versions.snap');
    expect(() => openSnapshot(file, { ...EXPECTED, format: 4 })).toThrow(
      /format 3, this code reads 4/,
    );
    expect(() => openSnapshot(file, { ...EXPECTED, pipeline: 'xyz' })).toThrow(
      /other pipeline code/,
    );
    truncateSync(file, 30);
    expect(() => readSnapshot(file, EXPECTED, ['view'])).toThrow(SnapshotError);
    writeFileSync(file, 'not a snapshot at all');
    expect(() => openSnapshot(file, EXPECTED)).toThrow(/not a citesum snapshot/);
  });
});
