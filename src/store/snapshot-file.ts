import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * The snapshot file: a small JSON header that says what wrote it and where each section lies,
 * then the sections, each a run of bytes (the model's tables as Arrow IPC files, the builder's
 * bookkeeping) with its own SHA-256. A reader checks the header before trusting anything and a
 * section's checksum before handing it out, so a truncated, corrupt or foreign file is refused,
 * never half read.
 *
 * Layout: 8 bytes magic `CITESUM\0`, uint32 LE header length, the header (UTF-8 JSON) padded
 * with spaces to 16 KiB, then the sections back to back, each padded to 8 bytes (so an Arrow
 * buffer read in place is aligned as Arrow requires).
 */

const MAGIC = Buffer.from('CITESUM\0', 'latin1');

/** Where one section lies (offset from the end of the header) and its checksum. */
export interface SectionInfo {
  readonly offset: number;
  readonly length: number;
  readonly sha256: string;
}

/** What a snapshot file says about itself. */
export interface SnapshotHeader {
  /** Version of this file format and of the model data it stores. */
  readonly format: number;
  /** Digest of the pipeline's code: a snapshot from other code is rebuilt. */
  readonly pipeline: string;
  /** Node's module ABI and V8 version: the builder's `v8.serialize` sections are read back by the same V8 only. */
  readonly node: string;
  readonly v8: string;
  /** Fingerprint of the corpus (files and their SHA-256) the snapshot was built from. */
  readonly fingerprint: string;
  /** False for a model whose stories are provisional (an incremental reload before re-clustering). */
  readonly exact: boolean;
  readonly createdAt: string;
  readonly sections: Readonly<Record<string, SectionInfo>>;
}

/** What a reader expects of a snapshot before it trusts it. */
export interface SnapshotExpectation {
  readonly format: number;
  readonly pipeline: string;
}

/** A snapshot that cannot be used, and why (checked before any section is decoded). */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

/** This process's Node ABI and V8 version, as headers record them. */
export function runtimeVersions(): { node: string; v8: string } {
  return { node: process.versions.modules, v8: process.versions.v8 };
}

/** Bytes of padding after `n` bytes to reach a multiple of 8. */
const pad8 = (n: number) => (8 - (n % 8)) % 8;

/** Room kept for the header before the sections (it is padded with spaces to fill it). */
const HEADER_ROOM = 16 * 1024;

/**
 * Writes a snapshot atomically: to a temporary file beside `file`, then renamed over it, so a
 * reader sees the old file or the new one, never a partial one. A section may be given as a
 * function that makes its bytes: each is made, hashed and written in turn, so a writer never
 * holds every section's bytes at once.
 */
export function writeSnapshot(
  file: string,
  meta: Omit<SnapshotHeader, 'sections' | 'node' | 'v8' | 'createdAt'>,
  sections: Readonly<Record<string, Uint8Array | (() => Uint8Array)>>,
): { bytes: number } {
  const infos: Record<string, SectionInfo> = {};
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = openSync(tmp, 'w');
  const writeAt = (chunk: Uint8Array, position: number) => {
    for (let done = 0; done < chunk.length;)
      done += writeSync(fd, chunk, done, chunk.length - done, position + done);
  };
  let offset = 0;
  try {
    for (const [name, section] of Object.entries(sections)) {
      const body = typeof section === 'function' ? section() : section;
      infos[name] = {
        offset,
        length: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
      };
      writeAt(body, HEADER_ROOM + offset);
      writeAt(new Uint8Array(pad8(body.length)), HEADER_ROOM + offset + body.length);
      offset += body.length + pad8(body.length);
    }
    const header: SnapshotHeader = {
      ...meta,
      ...runtimeVersions(),
      createdAt: new Date().toISOString(),
      sections: infos,
    };
    const raw = Buffer.from(JSON.stringify(header), 'utf8');
    const room = HEADER_ROOM - MAGIC.length - 4;
    if (raw.length > room) throw new Error(`snapshot header of ${raw.length} bytes is too long`);
    const json = Buffer.concat([raw, Buffer.alloc(room - raw.length, ' ')]);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    writeAt(Buffer.concat([MAGIC, length, json]), 0);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
  return { bytes: HEADER_ROOM + offset };
}

/** Reads `length` bytes at `position`, failing on a short read (a truncated file). */
function readExactly(
  fd: number,
  length: number,
  position: number,
  buf: Buffer = Buffer.allocUnsafe(length),
): Buffer {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new SnapshotError('the file is truncated');
    done += n;
  }
  return buf;
}

/** An open snapshot: its header, checked, and its sections, each read and checked on demand. */
export interface SnapshotReader {
  readonly header: SnapshotHeader;
  /** Reads and checks one section's bytes. */
  section(name: string): Uint8Array;
  /** Checks every section's checksum without decoding (throws {@link SnapshotError}). */
  verify(): void;
  close(): void;
  /** The open file. */
  readonly fd: number;
}

/**
 * Opens a snapshot and checks its header against what this code expects: magic, format,
 * pipeline, Node ABI and V8 version. Throws {@link SnapshotError} saying what differs, or the
 * file system's error when it cannot be read.
 */
export function openSnapshot(file: string, expected: SnapshotExpectation): SnapshotReader {
  const fd = openSync(file, 'r');
  try {
    const head = readExactly(fd, MAGIC.length + 4, 0);
    if (!head.subarray(0, MAGIC.length).equals(MAGIC))
      throw new SnapshotError('not a citesum snapshot');
    const jsonLength = head.readUInt32LE(MAGIC.length);
    if (jsonLength > 1 << 24) throw new SnapshotError('the header is implausibly long');
    let header: SnapshotHeader;
    try {
      header = JSON.parse(readExactly(fd, jsonLength, head.length).toString('utf8'));
    } catch (err) {
      if (err instanceof SnapshotError) throw err;
      throw new SnapshotError('the header is not valid JSON');
    }
    const runtime = runtimeVersions();
    if (header.format !== expected.format)
      throw new SnapshotError(`format ${header.format}, this code reads ${expected.format}`);
    if (header.pipeline !== expected.pipeline)
      throw new SnapshotError('built by other pipeline code');
    if (header.node !== runtime.node || header.v8 !== runtime.v8)
      throw new SnapshotError(
        `written by Node ABI ${header.node} / V8 ${header.v8}, this is ${runtime.node} / ${runtime.v8}`,
      );
    const base = head.length + jsonLength;
    const checked = (name: string): Buffer => {
      const info = header.sections[name];
      if (!info) throw new SnapshotError(`no section "${name}"`);
      const body = readExactly(fd, info.length, base + info.offset);
      if (createHash('sha256').update(body).digest('hex') !== info.sha256)
        throw new SnapshotError(`section "${name}" fails its checksum`);
      return body;
    };
    return {
      header,
      section: (name) => checked(name),
      verify: () => {
        for (const name of Object.keys(header.sections)) checked(name);
      },
      close: () => closeSync(fd),
      fd,
    };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Opens a snapshot, reads the named sections and closes it. */
export function readSnapshot(
  file: string,
  expected: SnapshotExpectation,
  names: readonly string[],
): { header: SnapshotHeader; sections: Record<string, Uint8Array> } {
  const reader = openSnapshot(file, expected);
  try {
    const sections: Record<string, Uint8Array> = {};
    for (const name of names) sections[name] = reader.section(name);
    return { header: reader.header, sections };
  } finally {
    reader.close();
  }
}

/**
 * Reads a whole snapshot into one `SharedArrayBuffer` (one read, no decoding), checks its header
 * and every section's checksum, and returns the sections as views into that buffer: the bytes
 * every thread then reads in place.
 */
export function readSnapshotShared(
  file: string,
  expected: SnapshotExpectation,
): { header: SnapshotHeader; sections: Record<string, Uint8Array> } {
  const reader = openSnapshot(file, expected);
  let bytes: Buffer;
  try {
    const size = fstatSync(reader.fd).size;
    bytes = readExactly(reader.fd, size, 0, Buffer.from(new SharedArrayBuffer(size)));
  } finally {
    reader.close();
  }
  const { header } = reader;
  const head = MAGIC.length + 4;
  const base = head + bytes.readUInt32LE(MAGIC.length);
  const sections: Record<string, Uint8Array> = {};
  for (const [name, info] of Object.entries(header.sections)) {
    if (base + info.offset + info.length > bytes.length)
      throw new SnapshotError('the file is truncated');
    const body = bytes.subarray(base + info.offset, base + info.offset + info.length);
    if (createHash('sha256').update(body).digest('hex') !== info.sha256)
      throw new SnapshotError(`section "${name}" fails its checksum`);
    sections[name] = new Uint8Array(body.buffer, body.byteOffset, body.length);
  }
  return { header, sections };
}
