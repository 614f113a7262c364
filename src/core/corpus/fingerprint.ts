import { sha256Hex, type SourceFile } from './source-file.js';

/** Fingerprint of a set of files: SHA-256 over `id NUL sha256 LF` in id order. */
export function corpusFingerprint(files: readonly SourceFile[]): string {
  return sha256Hex(files.map((f) => `${f.id}\u0000${f.sha256}\n`).join(''));
}
