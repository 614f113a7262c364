/**
 * HTML source to a hast tree with positions (parse5 → hast-util-from-parse5, what
 * hast-util-from-html does), with the element tree's depth capped between the two steps.
 *
 * parse5 builds its tree iteratively and keeps up with any nesting, but hast-util-from-parse5
 * converts it recursively, and so do the walks over the hast tree: 60,000 nested `<div>`
 * overflowed the stack. Elements deeper than MAX_HTML_DEPTH are therefore flattened first, the
 * way Chromium and Safari build such a page (their HTML tree builders stop nesting at 512, see
 * limits.ts): under that depth, each element holds its whole subtree as one flat list, in source
 * order: a nested element becomes an empty one followed by what it held, so its text is still
 * read and its tags still end the block before them (menus, scripts and the like keep their text
 * inside them, so they are still left out of the story).
 */
import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { type DefaultTreeAdapterTypes as P5, parse } from 'parse5';
import { VFile } from 'vfile';
import { MAX_HTML_DEPTH } from '../limits.js';

/**
 * Elements that keep all the text of a flattened subtree inside them, whatever it nested: raw
 * text (a script's code, a title), embedded content, and page furniture (a menu keeps its links'
 * words, so the walk still leaves them out of the story).
 */
const HOLDS_TEXT = new Set(
  (
    'script style textarea title xmp noembed noframes noscript iframe template svg math plaintext ' +
    'object embed video audio canvas map nav menu aside dialog form button select header footer'
  ).split(' '),
);

type Parent = P5.ParentNode;

function isElement(node: P5.Node): node is P5.Element {
  return 'tagName' in node;
}

/** A node's children; a template's are those of its content fragment. */
function childrenOf(node: Parent): P5.ChildNode[] {
  return isElement(node) && node.tagName === 'template' && (node as P5.Template).content
    ? (node as P5.Template).content.childNodes
    : node.childNodes;
}

function setChildren(node: Parent, children: P5.ChildNode[]): void {
  if (isElement(node) && node.tagName === 'template' && (node as P5.Template).content)
    (node as P5.Template).content.childNodes = children;
  else node.childNodes = children;
  for (const c of children) c.parentNode = node as P5.Element;
}

/** Makes an element a leaf: no children, its span its start tag only. */
function toLeaf(el: P5.Element): void {
  const loc = el.sourceCodeLocation;
  if (loc?.startTag) {
    loc.endOffset = loc.startTag.endOffset;
    loc.endLine = loc.startTag.endLine;
    loc.endCol = loc.startTag.endCol;
    delete loc.endTag;
  }
  setChildren(el, []);
}

/**
 * The subtree under `parent` as one flat list in source order (iteratively): each element
 * becomes a leaf followed by what it held, except that those of {@link HOLDS_TEXT} keep the text
 * of their subtree as their own children.
 */
function flattened(parent: Parent, textOnly: boolean): P5.ChildNode[] {
  const out: P5.ChildNode[] = [];
  const stack: P5.ChildNode[] = [...childrenOf(parent)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) {
      if (!textOnly || node.nodeName === '#text') out.push(node);
      continue;
    }
    const children = childrenOf(node);
    if (textOnly) {
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
      continue;
    }
    out.push(node);
    if (HOLDS_TEXT.has(node.tagName)) setChildren(node, flattened(node, true));
    else {
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
      toLeaf(node);
    }
  }
  return out;
}

/**
 * Caps the element depth of a parse5 tree (iteratively): each element child of an element at
 * depth `max` keeps its whole subtree as one flat list of children (see {@link flattened}), so
 * no element lies deeper than `max + 2`.
 * @returns the number of elements whose subtree was flattened.
 */
export function capDepth(root: Parent, max = MAX_HTML_DEPTH): number {
  let count = 0;
  const stack: [Parent, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    for (const c of childrenOf(node)) {
      if (!isElement(c)) continue;
      if (depth < max) stack.push([c, depth + 1]);
      else if (childrenOf(c).some(isElement)) {
        setChildren(c, flattened(c, HOLDS_TEXT.has(c.tagName)));
        count++;
      }
    }
  }
  return count;
}

/**
 * Parses an HTML document into a hast tree whose nodes carry `position.start/end.offset` in
 * UTF-16 units of `source` (parse5's source locations), element depth capped at MAX_HTML_DEPTH.
 */
export function htmlTree(source: string): Root {
  const document = parse(source, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  capDepth(document);
  return fromParse5(document, { file: new VFile(source) }) as Root;
}
