/**
 * Stage 1, corpus: the files as decoded text with their SHA-256, ids and order, and the one
 * position convention (1-based lines, 0-based UTF-16 offsets, end exclusive). `loadCorpus` is the
 * only part of the core that reads the disk.
 */
export { corpusFingerprint } from './fingerprint.js';
export {
  CORPUS_EXTENSIONS,
  formatOf,
  HTML_EXTENSIONS,
  MARKDOWN_EXTENSIONS,
  type SourceFormat,
} from './formats.js';
export { compareIds } from './ids.js';
export {
  type FileStamp,
  type KnownFiles,
  type LoadedCorpus,
  loadCorpus,
  type LoadOptions,
} from './load-corpus.js';
export {
  createLineIndex,
  type LineExtent,
  type LineIndex,
  lineExtents,
  lineSpanOf,
} from './positions.js';
export {
  decodeFile,
  type DecodeFailure,
  isDecodeFailure,
  sha256Hex,
  type SourceFile,
  sourceFromText,
} from './source-file.js';
