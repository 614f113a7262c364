import { createHash } from 'node:crypto';
import { createLineIndex, type LineIndex } from './positions.js';

/** One decoded document: its id, the fingerprint of its bytes, its text and line index. */
export interface SourceFile {
  /** Path relative to the data folder with `/` separators (or the caller's name for posted text). */
  readonly id: string;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** Size of the file in bytes. */
  readonly bytes: number;
  /** The decoded text (a leading BOM removed); every offset counts into this string. */
  readonly text: string;
  readonly lineIndex: LineIndex;
}

/** Hex SHA-256 of some bytes or of a string's UTF-8 encoding. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A file whose decoding failed or was refused, and why. */
export interface DecodeFailure {
  readonly reason: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a file's bytes strictly as UTF-8 (a leading BOM is dropped, so offsets count
 * from the character after it). Binary content (a NUL byte) and invalid UTF-8 are
 * refused with a reason rather than decoded lossily: a citation into a lossy decoding
 * could never be checked against the bytes.
 */
export function decodeFile(id: string, bytes: Uint8Array): SourceFile | DecodeFailure {
  if (bytes.includes(0)) return { reason: 'binary content (contains NUL bytes)' };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { reason: 'not valid UTF-8' };
  }
  return {
    id,
    sha256: sha256Hex(bytes),
    bytes: bytes.byteLength,
    text,
    lineIndex: createLineIndex(text),
  };
}

/** A source file from text a caller sent: its sha256 is that of the text's UTF-8 bytes. */
export function sourceFromText(id: string, text: string): SourceFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return {
    id,
    sha256: sha256Hex(text),
    bytes: Buffer.byteLength(text, 'utf8'),
    text: body,
    lineIndex: createLineIndex(body),
  };
}

/** True when a decode result is a failure. */
export function isDecodeFailure(x: SourceFile | DecodeFailure): x is DecodeFailure {
  return 'reason' in x;
}
