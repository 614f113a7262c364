import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareIds, loadCorpus } from '../../../src/core/corpus/index.js';
import {
  decodeFile,
  formatOf,
  isDecodeFailure,
  sha256Hex,
  sourceFromText,
} from '../../../src/core/corpus/index.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'citesum-load-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, data: string | Uint8Array): Promise<void> {
  const full = path.join(dir, ...rel.split('/'));
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, data);
}

describe('loadCorpus', () => {
  it('reads .txt and .md files recursively, with ids relative to the folder, `/`-separated and sorted by code unit', async () => {
    await put('b.txt', 'B.\n');
    await put('a.md', '# A\n');
    await put('Z.txt', 'Z.\n');
    await put('sub/deeper/c.txt', 'C.\n');
    await put('sub/a.txt', 'A.\n');
    await put('a/b.txt', 'AB.\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.files.map((f) => f.id)).toEqual([
      'Z.txt',
      'a.md',
      'a/b.txt',
      'b.txt',
      'sub/a.txt',
      'sub/deeper/c.txt',
    ]);
    expect(corpus.skipped).toEqual([]);
    expect(corpus.message).toBeUndefined();
  });

  it('ignores files with other extensions without reporting them, and accepts upper-case extensions', async () => {
    await put('notes.TXT', 'Upper.\n');
    await put('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]));
    await put('data.json', '{}');
    await put('README', 'no extension');
    const corpus = await loadCorpus(dir);
    expect(corpus.files.map((f) => f.id)).toEqual(['notes.TXT']);
    expect(corpus.skipped).toEqual([]);
  });

  it('reads Markdown (.md, .markdown) and HTML (.html, .htm) files too, whatever the case of the extension', async () => {
    await put('notes.markdown', '# Notes\n');
    await put('page.HTML', '<p>Page.</p>\n');
    await put('old/page.htm', '<p>Old.</p>\n');
    await put('style.css', 'p {}\n');
    await put('page.xhtml', '<p>No.</p>\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.files.map((f) => f.id)).toEqual(['notes.markdown', 'old/page.htm', 'page.HTML']);
  });

  it('fingerprints each file with the SHA-256 of its bytes', async () => {
    const bytes = new TextEncoder().encode('Line one.\r\nLine two — ünïcode 😀\n');
    await put('x.txt', bytes);
    const [file] = (await loadCorpus(dir)).files;
    expect(file!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(file!.bytes).toBe(bytes.byteLength);
    expect(file!.text).toBe('Line one.\r\nLine two — ünïcode 😀\n');
  });

  it('drops a leading BOM from the text so offsets count from the character after it, but hashes the bytes with it', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Hello.\nWorld.')]);
    await put('bom.txt', bytes);
    const [file] = (await loadCorpus(dir)).files;
    expect(file!.text).toBe('Hello.\nWorld.');
    expect(file!.text.indexOf('World')).toBe(7);
    expect(file!.lineIndex.lineText(1)).toBe('Hello.');
    expect(file!.sha256).toBe(sha256Hex(bytes));
    expect(file!.bytes).toBe(bytes.byteLength);
  });

  it('skips invalid UTF-8, binary and over-size files with a reason and still serves the rest', async () => {
    await put('good.txt', 'Fine.\n');
    await put('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café" in Latin-1
    await put('binary.txt', new Uint8Array([0x41, 0x00, 0x42]));
    await put('big.md', 'x'.repeat(2000));
    const corpus = await loadCorpus(dir, { maxFileBytes: 1000 });
    expect(corpus.files.map((f) => f.id)).toEqual(['good.txt']);
    const reasons = Object.fromEntries(corpus.skipped.map((s) => [s.file, s.reason]));
    expect(Object.keys(reasons).sort(compareIds)).toEqual(['big.md', 'binary.txt', 'latin1.txt']);
    expect(reasons['latin1.txt']).toMatch(/utf-8/i);
    expect(reasons['binary.txt']).toMatch(/binary/i);
    expect(reasons['big.md']).toMatch(/larger than .*1000/);
    expect(corpus.message).toBeUndefined();
  });

  it('serves a file exactly at the size limit', async () => {
    await put('edge.txt', 'x'.repeat(1000));
    const corpus = await loadCorpus(dir, { maxFileBytes: 1000 });
    expect(corpus.files).toHaveLength(1);
  });

  it('gives an empty corpus and a message for an empty folder', async () => {
    const corpus = await loadCorpus(dir);
    expect(corpus.files).toEqual([]);
    expect(corpus.skipped).toEqual([]);
    expect(corpus.message).toMatch(/no readable/);
  });

  it('gives an empty corpus and a message when every file was skipped', async () => {
    await put('bad.txt', new Uint8Array([0xff, 0xfe]));
    const corpus = await loadCorpus(dir);
    expect(corpus.files).toEqual([]);
    expect(corpus.skipped).toHaveLength(1);
    expect(corpus.message).toBeDefined();
  });

  it('gives an empty corpus and a message, without throwing, for a missing folder or a file in its place', async () => {
    const missing = await loadCorpus(path.join(dir, 'nope'));
    expect(missing.files).toEqual([]);
    expect(missing.message).toMatch(/does not exist/);
    await put('plain.txt', 'x');
    const notDir = await loadCorpus(path.join(dir, 'plain.txt'));
    expect(notDir.files).toEqual([]);
    expect(notDir.message).toMatch(/not a directory/);
  });

  it('does not follow symbolic links out of the data folder', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'citesum-outside-'));
    try {
      await writeFile(path.join(outside, 'secret.txt'), 'Secret.\n');
      await put('own.txt', 'Own.\n');
      await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'));
      await symlink(outside, path.join(dir, 'linkdir'));
      const corpus = await loadCorpus(dir);
      expect(corpus.files.map((f) => f.id)).toEqual(['own.txt']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('loadCorpus and symbolic links', () => {
  it('lists every symbolic link in skipped, to a file or a folder, inside or outside, dangling or not, and follows none', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'citesum-outside-'));
    try {
      await writeFile(path.join(outside, 'secret.txt'), 'Secret outside the folder.\n');
      await mkdir(path.join(outside, 'more'));
      await writeFile(path.join(outside, 'more', 'deep.txt'), 'Deep outside the folder.\n');
      await put('own.txt', 'Own.\n');
      await put('sub/inner.md', '# Inner\n');
      await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'to-outside-file.txt'));
      await symlink(outside, path.join(dir, 'to-outside-dir'));
      await symlink('own.txt', path.join(dir, 'to-own-file.txt'));
      await symlink('sub', path.join(dir, 'to-own-dir'));
      await symlink('missing.txt', path.join(dir, 'dangling.txt'));
      await symlink('../own.txt', path.join(dir, 'sub', 'up.md'));
      await symlink('to-own-file.txt', path.join(dir, 'chain.txt'));
      const corpus = await loadCorpus(dir);
      expect(corpus.files.map((f) => f.id)).toEqual(['own.txt', 'sub/inner.md']);
      const reason = 'symbolic link, not followed';
      expect(corpus.skipped).toEqual([
        { file: 'chain.txt', reason },
        { file: 'dangling.txt', reason },
        { file: 'sub/up.md', reason },
        { file: 'to-outside-dir', reason },
        { file: 'to-outside-file.txt', reason },
        { file: 'to-own-dir', reason },
        { file: 'to-own-file.txt', reason },
      ]);
      expect(corpus.files.some((f) => f.text.includes('outside the folder'))).toBe(false);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('serves a data folder that is itself reached through a symbolic link (only links inside it are skipped)', async () => {
    await put('own.txt', 'Own.\n');
    const via = path.join(os.tmpdir(), `citesum-via-${path.basename(dir)}`);
    await symlink(dir, via);
    try {
      const corpus = await loadCorpus(via);
      expect(corpus.files.map((f) => f.id)).toEqual(['own.txt']);
      expect(corpus.skipped).toEqual([]);
    } finally {
      await rm(via, { force: true });
    }
  });
});

describe('decodeFile and sourceFromText', () => {
  it('accepts an empty file as a file with no lines', () => {
    const decoded = decodeFile('empty.txt', new Uint8Array());
    expect(isDecodeFailure(decoded)).toBe(false);
    if (!isDecodeFailure(decoded)) {
      expect(decoded.text).toBe('');
      expect(decoded.lineIndex.lines).toEqual([]);
      expect(decoded.sha256).toBe(
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      );
    }
  });

  it('refuses a truncated multi-byte sequence rather than decoding it lossily', () => {
    const bytes = new TextEncoder().encode('ok 😀').slice(0, -1);
    expect(decodeFile('t.txt', bytes)).toEqual({ reason: 'not valid UTF-8' });
  });

  it('keeps only the first BOM out of the text', () => {
    const decoded = decodeFile(
      'two.txt',
      new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]),
    );
    expect(isDecodeFailure(decoded) ? undefined : decoded.text).toBe('\ufeffA');
  });

  it('hashes posted text as its UTF-8 bytes and drops its leading BOM from the text', () => {
    const src = sourceFromText('posted', 'Zürich.\nBern.');
    expect(src.sha256).toBe(sha256Hex(new TextEncoder().encode('Zürich.\nBern.')));
    expect(src.bytes).toBe(14);
    expect(src.lineIndex.lines).toHaveLength(2);
    expect(sourceFromText('bom', '\ufeffA.').text).toBe('A.');
  });
});

describe('formatOf', () => {
  it('reads .md and .markdown as Markdown, .html and .htm as HTML and anything else as plain text, by the last extension of the name', () => {
    expect(formatOf('a.md')).toBe('markdown');
    expect(formatOf('notes/Guide.MARKDOWN')).toBe('markdown');
    expect(formatOf('news/page.html')).toBe('html');
    expect(formatOf('page.HTM')).toBe('html');
    expect(formatOf('a.txt')).toBe('plain');
    expect(formatOf('archive.md.txt')).toBe('plain');
    expect(formatOf('README')).toBe('plain');
    expect(formatOf('v1.md/notes')).toBe('plain');
  });
});
