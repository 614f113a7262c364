/** The HTML element tables the HTML walker reads: what is inline, what opens a block, what is a construct. */
import { type BlockKind, ConstructFlag } from './types.js';

/**
 * Inline (phrasing) elements: their text joins the open block. Obsolete inline elements that
 * saved pages still carry (`tt`, `font`, `big`, `strike`, `acronym`, `nobr`) and ruby annotations
 * are inline too: a `<tt>` in a paragraph of an old documentation page is part of its sentence.
 */
export const PHRASING = new Set(
  (
    'a abbr b bdi bdo br button cite code data del dfn em i iframe img input ins kbd label mark meter object output ' +
    'picture progress q s samp script noscript select slot small span strong sub sup svg template textarea time u var wbr ' +
    'canvas audio video embed math style ' +
    'tt font big strike acronym nobr blink ruby rb rp rt rtc'
  ).split(' '),
);
/** Block-level elements: each closes the open block. */
export const BLOCK = new Set(
  (
    'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre search section summary table tbody tfoot ' +
    'thead tr ul option'
  ).split(' '),
);
/** Elements that never carry text. */
export const IGNORED = new Set([
  'meta',
  'link',
  'base',
  'col',
  'colgroup',
  'source',
  'track',
  'param',
  'area',
  'wbr',
]);
/** Elements that open a block of their own, and its kind (`inherit`: the enclosing prose kind). */
export const LEAF: Record<string, BlockKind | 'inherit'> = {
  p: 'inherit',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  li: 'list-item',
  dd: 'list-item',
  dt: 'heading',
  summary: 'heading',
  pre: 'code',
  figcaption: 'caption',
  caption: 'caption',
  legend: 'caption',
  address: 'byline',
  table: 'table',
};
/** Inline elements recorded as constructs, with their {@link ConstructFlag} flags. */
export const CONSTRUCT: Record<string, number> = {
  a: ConstructFlag.atomic | ConstructFlag.link,
  code: ConstructFlag.atomic,
  tt: ConstructFlag.atomic,
  kbd: ConstructFlag.atomic,
  samp: ConstructFlag.atomic,
  em: 0,
  strong: 0,
  b: 0,
  i: 0,
  s: 0,
  u: 0,
  mark: 0,
  q: 0,
  cite: 0,
  abbr: 0,
  time: 0,
  sup: 0,
  sub: 0,
  small: 0,
  del: 0,
  ins: 0,
};
/** The block kinds that are prose (content inside the story). */
export const PROSE = new Set<BlockKind>(['paragraph', 'list-item', 'blockquote']);
/** Furniture whose text is not worth rendering (code, media). */
export const SILENT = new Set<BlockKind>(['script', 'style', 'embed', 'hidden']);
/** Descendants that make a `<table>` a layout table (read as containers), not data. */
export const LAYOUT_HINT = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'article',
  'main',
  'section',
  'blockquote',
  'ul',
  'ol',
  'pre',
]);
