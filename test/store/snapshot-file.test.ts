import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openSnapshot,
  readSnapshot,
  readSnapshotShared,
  SnapshotError,
  writeSnapshot,
} from '../../src/store/snapshot-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'citesum-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXPECTED = { format: 3, pipeline: 'abc' };
const META = { ...EXPECTED, fingerprint: 'f'.repeat(64), exact: true };
const VIEW = new TextEncoder().encode('Hello.');
const MODEL = new Uint8Array(Int32Array.of(1, 2, 3).buffer);

function written(name: string): string {
  const file = path.join(dir, name);
  writeSnapshot(file, META, { view: VIEW, model: MODEL });
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
    expect(new Uint8Array(sections.view!)).toEqual(VIEW);
    expect(new Uint8Array(sections.model!)).toEqual(MODEL);
  });

  it('read whole into shared memory, each section a view at an 8-byte boundary', () => {
    const { sections } = readSnapshotShared(written('shared.snap'), EXPECTED);
    for (const body of Object.values(sections)) {
      expect(body.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(body.byteOffset % 8).toBe(0);
    }
    expect(new Int32Array(sections.model!.buffer, sections.model!.byteOffset, 3)).toEqual(
      Int32Array.of(1, 2, 3),
    );
    expect(new TextDecoder().decode(sections.view)).toBe('Hello.');
  });

  it('refuse a section whose bytes were changed (checksum)', () => {
    const file = written('corrupt.snap');
    const bytes = readFileSync(file);
    // The last section ends 4 bytes before the end (padding to 8).
    bytes[bytes.length - 6]! ^= 0xff;
    writeFileSync(file, bytes);
    const reader = openSnapshot(file, EXPECTED);
    try {
      expect(() => reader.section('model')).toThrow(/section "model" fails its checksum/);
      expect(new Uint8Array(reader.section('view'))).toEqual(VIEW);
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
    expect(() => readSnapshotShared(file, EXPECTED)).toThrow(SnapshotError);
    writeFileSync(file, 'not a snapshot at all');
    expect(() => openSnapshot(file, EXPECTED)).toThrow(/not a citesum snapshot/);
  });
});
