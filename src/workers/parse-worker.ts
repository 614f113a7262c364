import { parseFile, type ParsedDocument } from '../core/parse/index.js';

/**
 * A parse thread (src/workers/parse-pool.ts): parses Markdown and HTML files, a batch per task.
 * Parsing is per file and pure, so a build's files are parsed on every core while the builder
 * thread parses its share; the blocks come back by structured clone.
 */
export default function run(
  files: readonly { readonly id: string; readonly text: string }[],
): (ParsedDocument | undefined)[] {
  return files.map((f) => parseFile(f));
}
