import type { Citation } from '../../../schemas/citation.js';
import type { SourceFile } from '../corpus/index.js';
import type { HrefFor } from '../hrefs.js';
import type { Sentence } from '../segment/index.js';

/** The citation of one sentence: file, sha256, lines, offsets, the exact quote and its URL. */
export function citationOf(
  s: Sentence,
  ctx: { readonly files: ReadonlyMap<string, SourceFile>; readonly hrefFor: HrefFor },
): Citation {
  const file = ctx.files.get(s.file);
  return {
    file: s.file,
    sha256: file?.sha256 ?? '',
    lines: { start: s.lines.start, end: s.lines.end },
    offsets: { start: s.offsets.start, end: s.offsets.end },
    quote: s.quote,
    href: ctx.hrefFor(s.file, s.lines),
  };
}
