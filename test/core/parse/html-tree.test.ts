import type { Nodes } from 'hast';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH } from '../../../src/core/limits.js';
import { htmlTree } from '../../../src/core/parse/html-tree.js';
import { parseDocument } from '../../../src/core/parse/index.js';
import { DEEP_HTML_SENTENCE, deepHtml } from '../../../tools/bench/hostile-files.js';
import { blockProblems } from './helpers/check-blocks.js';

/** The depth of a hast tree, measured iteratively (the root is depth 0). */
function depthOf(root: Nodes): number {
  let max = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    max = Math.max(max, depth);
    if ('children' in node) for (const c of node.children) stack.push([c, depth + 1]);
    if (node.type === 'element' && node.content) stack.push([node.content, depth + 1]);
  }
  return max;
}

function content(source: string) {
  const doc = parseDocument(source, 'html');
  expect(doc.fallback).toBeUndefined();
  expect(blockProblems(source, doc.blocks)).toEqual([]);
  return doc.blocks
    .filter((b) => b.content)
    .map((b) => source.slice(b.sourceStart[0], b.sourceEnd[b.text.length - 1]));
}

describe('htmlTree: element depth capped as Chromium and Safari cap it', () => {
  it('keeps any page within MAX_HTML_DEPTH levels, however deep its source nests', () => {
    for (const tag of ['div', 'b', 'span', 'section', 'li']) {
      const tree = htmlTree(`<${tag}>`.repeat(5000) + 'x');
      // Elements to depth MAX_HTML_DEPTH + 2 (html is the first), then their text.
      expect(depthOf(tree)).toBeLessThanOrEqual(MAX_HTML_DEPTH + 3);
    }
    const shallow = htmlTree(`${'<div>'.repeat(100)}x`);
    expect(depthOf(shallow)).toBe(103); // root, html, body, 100 divs… and the text: untouched
  });

  it('reads the paragraph inside 60,000 nested <div> (660 KB) as content with its exact source', () => {
    const source = deepHtml();
    expect(source.length).toBeGreaterThan(660_000);
    expect(content(source)).toEqual([DEEP_HTML_SENTENCE]);
  });

  it('keeps the blocks of a flattened subtree apart, and its scripts and menus out of the story', () => {
    const source = `<article>${'<div>'.repeat(800)}<p>First paragraph.</p><script>zzscript()</script><p>Second one.</p><nav><a href="/">Home</a></nav><p>Third.</p></article>`;
    expect(content(source)).toEqual(['First paragraph.', 'Second one.', 'Third.']);
    for (const b of parseDocument(source, 'html').blocks) expect(b.text).not.toContain('zzscript');
  });

  it('reads text under deep inline nesting and deep tables without loss', () => {
    expect(content(`<p>${'<b><i>'.repeat(3000)}Bold words stay.</p>`)).toEqual([
      'Bold words stay.',
    ]);
    expect(content(`${'<ul><li>'.repeat(2000)}Listed deep.`)).toEqual(['Listed deep.']);
  });
});
