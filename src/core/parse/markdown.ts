/**
 * Markdown (CommonMark + GFM + YAML/TOML front matter) to blocks, through
 * mdast-util-from-markdown. Every mdast node carries `position.start/end.offset` into the
 * string it was given, so blocks take their spans from nodes and text from aligned values.
 *
 * Classification (one line each):
 * - paragraphs, list-item paragraphs, block-quote paragraphs: content (the prose).
 * - headings: kept with text, not content (labels, not statements).
 * - code (fenced, indented), HTML blocks, definitions, thematic breaks, front matter:
 *   not prose; code keeps its text, the others render none.
 * - a paragraph of only images/badges: `badge` or `image`; of only links: `navigation`.
 * - GFM tables: `table`, text kept (cells tab-separated, rows on lines): cells are rarely sentences.
 * - footnote definitions: `footnote`, text kept, not content: asides and citations, not the story.
 */
import type {
  Code,
  Heading,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { alignValue, MARKDOWN_CODE, MARKDOWN_INLINE_CODE, MARKDOWN_TEXT } from './align.js';
import { BlockSink } from './block-sink.js';
import { guardMarkdown, type MarkdownGuard, restoreFlattened } from './markdown-guard.js';
import { shapeOfParagraph } from './markdown-shape.js';
import { TextBuilder } from './text-builder.js';
import { ConstructFlag, type Block, type BlockKind } from './types.js';

const withFrontMatter = {
  extensions: [gfm(), frontmatter(['yaml', 'toml'])],
  mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
};
const withoutFrontMatter = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
const OPENING_FENCE = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/u;

/**
 * True when the text starts with a closed front matter block. The front matter extension
 * is enabled only then: with an unclosed leading `---` it makes micromark miss the lists
 * that follow (see micromark/micromark-extension-frontmatter#5).
 */
function hasFrontMatter(source: string): boolean {
  const open = OPENING_FENCE.exec(source);
  if (!open) return false;
  const fence = open[1]!;
  for (
    let at = source.indexOf(fence, open[0].length);
    at >= 0;
    at = source.indexOf(fence, at + 3)
  ) {
    const before = source.charCodeAt(at - 1);
    const after = source.charCodeAt(at + 3);
    if (
      (before === 10 || before === 13) &&
      (Number.isNaN(after) || after === 10 || after === 13 || after === 32 || after === 9)
    )
      return true;
  }
  return false;
}

/** The kind a paragraph takes from where it stands. */
type FlowContext = 'paragraph' | 'list-item' | 'blockquote' | 'footnote';

const BR_TAG = /^<br\s*\/?>$/iu;
const ATOMIC_LINK = ConstructFlag.atomic | ConstructFlag.link;

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? -1;
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? -1;
}

class MarkdownWalker {
  readonly sink: BlockSink;
  readonly b: TextBuilder;

  constructor(private readonly source: string) {
    this.sink = new BlockSink(source.length);
    this.b = new TextBuilder(source.length);
  }

  flow(nodes: readonly RootContent[], context: FlowContext): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
          this.paragraph(node, context);
          break;
        case 'heading':
          this.heading(node);
          break;
        case 'blockquote':
          this.flow(node.children, context === 'footnote' ? 'footnote' : 'blockquote');
          break;
        case 'list':
          for (const item of node.children)
            this.flow(item.children, context === 'footnote' ? 'footnote' : 'list-item');
          break;
        case 'footnoteDefinition':
          this.flow(node.children, 'footnote');
          break;
        case 'code':
          this.code(node);
          break;
        case 'table':
          this.table(node);
          break;
        case 'html':
          this.empty(node, 'html');
          break;
        case 'thematicBreak':
          this.empty(node, 'thematic-break');
          break;
        case 'definition':
          this.empty(node, 'definition');
          break;
        case 'yaml':
          this.empty(node, 'front-matter');
          break;
        default:
          if ((node.type as string) === 'toml') this.empty(node, 'front-matter');
          else if ('children' in node) this.flow(node.children as RootContent[], context);
          else this.empty(node, 'html');
      }
    }
  }

  private open(): void {
    this.b.reset(this.sink.cursor);
  }

  private empty(
    node: Nodes,
    kind: 'html' | 'thematic-break' | 'definition' | 'front-matter',
  ): void {
    this.sink.add(kind, startOf(node), endOf(node), kind);
  }

  private paragraph(node: Paragraph, context: FlowContext): void {
    this.open();
    this.inline(node.children);
    const shape = shapeOfParagraph(node.children);
    const s = startOf(node);
    const e = endOf(node);
    if (shape === 'badge' || shape === 'image') this.sink.add(shape, s, e, shape, this.b);
    else if (shape === 'links') this.sink.add('navigation', s, e, 'navigation', this.b);
    else if (shape === 'empty') this.sink.add('html', s, e, 'html', this.b);
    else if (context === 'footnote') this.sink.add('footnote', s, e, 'footnote', this.b);
    else this.sink.add(context, s, e, undefined, this.b);
  }

  private heading(node: Heading): void {
    this.open();
    this.inline(node.children);
    this.sink.add('heading', startOf(node), endOf(node), 'heading', this.b);
  }

  private code(node: Code): void {
    const s = startOf(node);
    const e = endOf(node);
    this.open();
    let rawStart = s;
    let p = s;
    let columns = 0;
    for (
      let c = this.source.charCodeAt(p);
      p < e && (c === 32 || c === 9);
      c = this.source.charCodeAt(++p)
    )
      columns += c === 9 ? 4 - (columns % 4) : 1;
    const fence = this.source.charCodeAt(p);
    // A fence opens after at most three columns of indentation; more is an indented code block.
    if (columns < 4 && (fence === 96 /* ` */ || fence === 126) /* ~ */) {
      while (p < e && this.source.charCodeAt(p) !== 10 && this.source.charCodeAt(p) !== 13) p++;
      rawStart =
        this.source.charCodeAt(p) === 13 && this.source.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
    }
    if (rawStart < e) alignValue(this.b, this.source, node.value, rawStart, e, MARKDOWN_CODE);
    this.sink.add('code', s, e, 'code', this.b);
  }

  private table(node: Table): void {
    this.open();
    node.children.forEach((row, r) => {
      if (r > 0) this.b.pend(10, -1, -1);
      row.children.forEach((cell, c) => {
        if (c > 0) this.b.pend(9, -1, -1);
        this.inline(cell.children);
      });
    });
    this.sink.add('table', startOf(node), endOf(node), 'table', this.b);
  }

  inline(nodes: readonly PhrasingContent[]): void {
    const b = this.b;
    for (const node of nodes) {
      const s = startOf(node);
      const e = endOf(node);
      if (s < 0) continue;
      switch (node.type) {
        case 'text':
          alignValue(b, this.source, node.value, s, e, MARKDOWN_TEXT);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete': {
          const handle = b.open(0, s);
          this.inline(node.children);
          b.close(handle, e);
          break;
        }
        case 'link':
        case 'linkReference': {
          const handle = b.open(ATOMIC_LINK, s);
          this.inline(node.children);
          b.close(handle, e);
          break;
        }
        case 'inlineCode': {
          const handle = b.open(ConstructFlag.atomic, s);
          let p = s;
          while (p < e && this.source.charCodeAt(p) === 96) p++;
          alignValue(b, this.source, node.value, p, e, MARKDOWN_INLINE_CODE);
          b.close(handle, e);
          break;
        }
        case 'break':
          b.push(10, s, e);
          break;
        case 'html':
          if (BR_TAG.test(node.value)) b.push(10, s, e);
          break;
        case 'image':
        case 'imageReference':
          b.hadImage = true;
          break;
        default:
          break; // footnoteReference and unknown phrasing: nothing a reader reads as prose
      }
    }
  }
}

/**
 * Parses Markdown into blocks (see the module comment), its nesting bounded by
 * `guardMarkdown` (markdown-guard.ts) whatever the input.
 * @example
 * parseMarkdown('# Title\n\nSome *text*.').map((b) => [b.kind, b.text]) // [['heading','Title'],['paragraph','Some text.']]
 */
export function parseMarkdown(source: string): Block[] {
  return parseGuardedMarkdown(source, guardMarkdown(source));
}

/** {@link parseMarkdown} of a source already scanned by `guardMarkdown`. */
export function parseGuardedMarkdown(source: string, guard: MarkdownGuard): Block[] {
  const text = guard.text;
  const tree = fromMarkdown(text, hasFrontMatter(source) ? withFrontMatter : withoutFrontMatter);
  const blocks = blocksOfMarkdownTree(text, tree);
  return guard.flattened ? restoreFlattened(blocks, source, guard.flattened) : blocks;
}

/** Blocks of an mdast tree already parsed from `source` (with positions). */
export function blocksOfMarkdownTree(source: string, tree: Root): Block[] {
  const walker = new MarkdownWalker(source);
  walker.flow(tree.children, 'paragraph');
  return walker.sink.blocks;
}

/** The block kinds a Markdown document can produce. */
export const MARKDOWN_KINDS: readonly BlockKind[] = [
  'paragraph',
  'list-item',
  'blockquote',
  'heading',
  'footnote',
  'table',
  'code',
  'html',
  'definition',
  'badge',
  'image',
  'front-matter',
  'thematic-break',
  'navigation',
];
