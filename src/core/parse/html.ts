/**
 * HTML to blocks, through parse5 and hast-util-from-parse5 (`html-tree.ts`: source locations,
 * every node's `position.start/end.offset` counts UTF-16 units of the original string, `\r\n`
 * included; element depth capped at MAX_HTML_DEPTH, so the recursive walks below are bounded).
 *
 * Classification (one line each):
 * - furniture (`html-rules.ts`: script/style/nav/header/footer/aside/form/embeds, cookie,
 *   newsletter, share, related, breadcrumb, menu, comments...) is one non-content block each.
 * - when the page has an `<article>` or `<main>`, prose outside it is `outside-article`.
 * - inside, `p`/`li`/`dd`/`blockquote` text is content; `h1`–`h6`, `dt`, `summary` are
 *   headings, and so are the paragraphs of a `header` or `hgroup` (a standfirst) and elements
 *   whose class names a title (`title`, `subtitle`, `standfirst`, `kicker`, `tagline`, …); `pre` is code; `figcaption` is a caption; a data `table` is one table block;
 *   `address` is a byline; a prose block that is only links is navigation.
 * - stray text in a container (`div`, `section`, ...) forms an implicit paragraph.
 * - `<title>` is the document title (a heading with reason `title`).
 * - inline elements contribute their text; `<br>` is a line break; images are dropped.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { alignValue, HTML_PRE, HTML_TEXT } from './align.js';
import { BlockSink } from './block-sink.js';
import { ancestorsOf, exclusionOf, findStory } from './html-rules.js';
import { htmlTree } from './html-tree.js';
import {
  BLOCK,
  CONSTRUCT,
  IGNORED,
  LAYOUT_HINT,
  LEAF,
  PHRASING,
  PROSE,
  SILENT,
} from './html-tags.js';
import { TextBuilder } from './text-builder.js';
import { ConstructFlag, type Block, type BlockKind, type BlockReason } from './types.js';

type Frame = { kind: BlockKind; reason: BlockReason | undefined };
type Node = RootContent | ElementContent;

const startOf = (n: Node): number => n.position?.start.offset ?? -1;
const endOf = (n: Node): number => n.position?.end.offset ?? -1;

function hasDescendant(el: Element, tags: Set<string>): boolean {
  return el.children.some(
    (c) => c.type === 'element' && (tags.has(c.tagName) || hasDescendant(c, tags)),
  );
}

class HtmlWalker {
  readonly sink: BlockSink;
  private readonly b: TextBuilder;
  private cur: (Frame & { start: number }) | undefined;
  private stack: Frame[] = [{ kind: 'paragraph', reason: undefined }];
  private inStory: boolean;
  private flat = 0;
  private pre = 0;
  private titled = false;

  constructor(
    private readonly source: string,
    private readonly story: Element | undefined,
    private readonly exempt: Set<Element>,
  ) {
    this.sink = new BlockSink(source.length);
    this.b = new TextBuilder(source.length);
    this.inStory = story === undefined;
  }

  nodes(nodes: readonly Node[]): void {
    for (const node of nodes) {
      if (node.type === 'text') this.text(node);
      else if (node.type === 'element') this.element(node);
    }
  }

  private openBlock(kind: BlockKind, start: number, reason: BlockReason | undefined): void {
    this.flush();
    this.b.reset(this.sink.cursor);
    this.cur = { kind, start, reason };
  }

  /** Closes the open block at `end` (negative: at its last character). */
  flush(end = -1): void {
    const cur = this.cur;
    if (!cur) return;
    this.cur = undefined;
    let { kind, reason } = cur;
    const empty = this.b.length === 0;
    if (
      reason === undefined ||
      kind === 'heading' ||
      kind === 'caption' ||
      kind === 'byline' ||
      kind === 'code' ||
      kind === 'table'
    ) {
      if (empty) {
        if (this.b.hadImage && PROSE.has(kind)) this.sink.add('image', cur.start, end, 'image');
        return;
      }
      if (!this.inStory && reason !== 'title') reason = 'outside-article';
      else if (PROSE.has(kind) && this.b.onlyInside(ConstructFlag.link)) {
        kind = 'navigation';
        reason = 'navigation';
      }
    }
    this.sink.add(kind, cur.start, end, reason, this.b);
  }

  private text(node: Text): void {
    const s = startOf(node);
    if (s < 0) return;
    if (!this.cur) {
      if (!/[^ \t\n\f\r]/u.test(node.value)) return;
      this.openImplicit();
    }
    alignValue(
      this.b,
      this.source,
      node.value,
      s,
      endOf(node),
      this.pre > 0 ? HTML_PRE : HTML_TEXT,
    );
  }

  private openImplicit(): void {
    const top = this.stack[this.stack.length - 1]!;
    this.openBlock(top.kind, -1, top.reason);
  }

  private element(el: Element): void {
    const tag = el.tagName;
    const s = startOf(el);
    const e = endOf(el);
    if (IGNORED.has(tag)) return;
    if (tag === 'title') {
      if (this.titled || this.flat > 0) return;
      this.titled = true;
      this.openBlock('heading', s, 'title');
      this.nodes(el.children);
      this.flush(e);
      return;
    }
    if (tag === 'img') {
      this.b.hadImage = this.b.hadImage || this.cur !== undefined;
      return;
    }
    if (tag === 'br') {
      if (this.cur) this.b.pend(10, s, e);
      return;
    }
    const ex = exclusionOf(el, this.inStory, this.exempt.has(el));
    if (ex) {
      if (this.flat > 0 || (this.cur && PHRASING.has(tag))) {
        if (this.flat > 0 && !SILENT.has(ex.kind)) this.nodes(el.children);
        return;
      }
      this.openBlock(ex.kind, s, ex.reason);
      if (!SILENT.has(ex.kind)) this.inFlat(el);
      this.flush(e);
      return;
    }
    if (this.flat > 0) {
      const block = BLOCK.has(tag);
      if (block) this.b.pend(10, -1, -1);
      else if (tag === 'td' || tag === 'th') this.b.pend(9, -1, -1);
      this.nodes(el.children);
      if (block) this.b.pend(10, -1, -1);
      return;
    }
    const entering = el === this.story;
    if (entering) {
      this.flush();
      this.inStory = true;
    }
    this.structure(el, tag, s, e);
    if (entering) {
      this.flush();
      this.inStory = false;
    }
  }

  private inFlat(el: Element): void {
    this.flat++;
    this.nodes(el.children);
    this.flat--;
  }

  private structure(el: Element, tag: string, s: number, e: number): void {
    let leaf = LEAF[tag];
    if (leaf === 'table' && hasDescendant(el, LAYOUT_HINT)) leaf = undefined; // a layout table: read as containers
    if (leaf !== undefined) {
      const top = this.stack[this.stack.length - 1]!;
      const kind = leaf === 'inherit' ? top.kind : leaf;
      const reason: BlockReason | undefined = PROSE.has(kind) ? undefined : (kind as BlockReason);
      this.openBlock(kind, s, reason);
      if (leaf === 'table') {
        this.inFlat(el);
      } else {
        if (tag === 'pre') this.pre++;
        this.stack.push({ kind, reason });
        this.nodes(el.children);
        this.stack.pop();
        if (tag === 'pre') this.pre--;
      }
      this.flush(e);
      return;
    }
    if (BLOCK.has(tag) || tag === 'td' || tag === 'th' || !PHRASING.has(tag)) {
      this.flush();
      if (tag === 'hr') return;
      // A header or heading group introduces its section: its paragraphs (a standfirst, a
      // dateline) stand with the headline as headings, not as the story's statements.
      const frame: Frame | undefined =
        tag === 'blockquote'
          ? { kind: 'blockquote', reason: undefined }
          : tag === 'header' || tag === 'hgroup'
            ? { kind: 'heading', reason: 'heading' }
            : undefined;
      const pushed = frame !== undefined;
      if (frame) this.stack.push(frame);
      this.nodes(el.children);
      if (pushed) this.stack.pop();
      this.flush();
      return;
    }
    // Inline element: its text joins the open block (opened here if none).
    if (!this.cur) this.openImplicit();
    const flags = CONSTRUCT[tag];
    if (flags === undefined) {
      this.nodes(el.children);
      return;
    }
    const epoch = this.b.epoch;
    const handle = this.b.open(flags, s);
    this.nodes(el.children);
    this.b.close(handle, e, epoch);
  }
}

/**
 * Parses an HTML document into blocks (see the module comment for what is content).
 * @example
 * parseHtml('<article><p>A &amp; B.</p></article>')[0] // { kind: 'paragraph', text: 'A & B.', content: true, ... }
 */
export function parseHtml(source: string): Block[] {
  return blocksOfHtmlTree(source, htmlTree(source));
}

/** Blocks of a hast tree already parsed from `source` (with positions). */
export function blocksOfHtmlTree(source: string, tree: Root): Block[] {
  const story = findStory(tree);
  const walker = new HtmlWalker(source, story, story ? ancestorsOf(tree, story) : new Set());
  walker.nodes(tree.children);
  walker.flush();
  return walker.sink.blocks;
}
