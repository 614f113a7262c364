/**
 * Which HTML elements are page furniture rather than the story, and which element holds
 * the story. Rules look at tag names, ARIA roles and the words of `id`, `class` and
 * `aria-label` (split on `-`, `_`, spaces and camelCase), never at a site's wording.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { BlockKind, BlockReason } from './types.js';

/** A rule's verdict: the block kind to give the element and why it is not content. */
export interface Exclusion {
  readonly kind: BlockKind;
  readonly reason: BlockReason;
}

const x = (kind: BlockKind, reason: BlockReason = kind as BlockReason): Exclusion => ({
  kind,
  reason,
});

/** Tags that are never prose, whatever their attributes. */
const BY_TAG: Record<string, Exclusion> = {
  script: x('script'),
  noscript: x('script'),
  template: x('script'),
  style: x('style'),
  nav: x('navigation'),
  menu: x('navigation'),
  aside: x('aside'),
  dialog: x('aside'),
  form: x('form'),
  button: x('form'),
  input: x('form'),
  select: x('form'),
  textarea: x('form'),
  iframe: x('embed'),
  svg: x('embed'),
  canvas: x('embed'),
  object: x('embed'),
  embed: x('embed'),
  video: x('embed'),
  audio: x('embed'),
  map: x('embed'),
  math: x('embed'),
  footer: x('footer'),
};

const BY_ROLE: Record<string, Exclusion> = {
  navigation: x('navigation'),
  menu: x('navigation'),
  menubar: x('navigation'),
  banner: x('header'),
  contentinfo: x('footer'),
  complementary: x('aside'),
  search: x('form'),
  dialog: x('aside', 'banner'),
  alertdialog: x('aside', 'banner'),
};

/** Words of id/class/aria-label that mark furniture. */
const BY_WORD: Record<string, Exclusion> = {
  cookie: x('cookie-banner'),
  cookies: x('cookie-banner'),
  consent: x('cookie-banner'),
  gdpr: x('cookie-banner'),
  cmp: x('cookie-banner'),
  newsletter: x('form', 'newsletter'),
  subscribe: x('form', 'newsletter'),
  subscription: x('form', 'newsletter'),
  signup: x('form', 'newsletter'),
  share: x('aside', 'share'),
  sharing: x('aside', 'share'),
  social: x('aside', 'share'),
  related: x('aside', 'related'),
  recommended: x('aside', 'related'),
  trending: x('aside', 'related'),
  popular: x('aside', 'related'),
  outbrain: x('aside', 'related'),
  taboola: x('aside', 'related'),
  breadcrumb: x('navigation', 'breadcrumb'),
  breadcrumbs: x('navigation', 'breadcrumb'),
  menu: x('navigation'),
  navbar: x('navigation'),
  nav: x('navigation'),
  navigation: x('navigation'),
  skip: x('navigation'),
  comments: x('aside', 'comments'),
  comment: x('aside', 'comments'),
  disqus: x('aside', 'comments'),
  banner: x('aside', 'banner'),
  ad: x('aside', 'advertisement'),
  ads: x('aside', 'advertisement'),
  advert: x('aside', 'advertisement'),
  advertisement: x('aside', 'advertisement'),
  sponsored: x('aside', 'advertisement'),
  promo: x('aside', 'advertisement'),
  sidebar: x('aside'),
  footer: x('footer'),
  byline: x('byline'),
  author: x('byline'),
  dateline: x('byline'),
  meta: x('byline'),
  // A headline's company: the title and what stands with it (standfirst, kicker, tagline) are
  // headings, text kept but not the story's statements.
  title: x('heading'),
  subtitle: x('heading'),
  headline: x('heading'),
  subhead: x('heading'),
  subheading: x('heading'),
  standfirst: x('heading'),
  strapline: x('heading'),
  kicker: x('heading'),
  tagline: x('heading'),
  dek: x('heading'),
};

/** Containers that hold a page's story; word rules never exclude them. */
const NEVER_BY_WORD = new Set(['html', 'head', 'body', 'main', 'article']);

const WORD_SPLIT = /[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u;

function words(value: unknown): string[] {
  if (value === undefined || value === null || value === false) return [];
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return text.split(WORD_SPLIT).map((w) => w.toLowerCase());
}

function isHidden(el: Element): boolean {
  const p = el.properties;
  if (p['hidden'] !== undefined && p['hidden'] !== false && p['hidden'] !== null) return true;
  const ariaHidden: unknown = p['ariaHidden'];
  if (ariaHidden === true || ariaHidden === 'true') return true;
  const style = p['style'];
  return typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(style);
}

/**
 * Why `el` is furniture, or undefined when it may hold prose. `exempt` elements (the story's
 * container and its ancestors) are never excluded by role or words; inside the story a
 * `<header>` is the story's own header and stays.
 * @example
 * exclusionOf({ type: 'element', tagName: 'div', properties: { className: ['cookie-notice'] }, children: [] }, false, false)
 * // { kind: 'cookie-banner', reason: 'cookie-banner' }
 */
export function exclusionOf(el: Element, inStory: boolean, exempt: boolean): Exclusion | undefined {
  const tag = el.tagName;
  const byTag = BY_TAG[tag];
  if (byTag) return byTag;
  if (tag === 'header' && !inStory && !exempt) return x('header');
  if (exempt) return undefined;
  if (isHidden(el)) return x('hidden');
  for (const role of words(el.properties['role'])) {
    const byRole = BY_ROLE[role];
    if (byRole) return byRole;
  }
  if (NEVER_BY_WORD.has(tag)) return undefined;
  const p = el.properties;
  for (const source of [p['id'], p['className'], p['ariaLabel']]) {
    for (const word of words(source)) {
      const byWord = Object.hasOwn(BY_WORD, word) ? BY_WORD[word] : undefined;
      if (byWord) return byWord;
    }
  }
  return undefined;
}

function textLength(node: Element | Root): number {
  let n = 0;
  for (const child of node.children) {
    if (child.type === 'text') n += child.value.trim().length;
    else if (child.type === 'element') n += textLength(child);
  }
  return n;
}

/**
 * The element that holds the story: the `<article>` with the most text outside any
 * furniture, else the first `<main>` (or `role=main`), else none (the whole body is read).
 */
export function findStory(root: Root): Element | undefined {
  let best: Element | undefined;
  let bestLength = -1;
  let main: Element | undefined;
  const visit = (nodes: readonly (RootContent | ElementContent)[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      // Only tags and roles: a wrapper's class words ("ad-free") must not hide the story.
      if (BY_TAG[node.tagName] || words(node.properties['role']).some((r) => BY_ROLE[r])) continue;
      if (node.tagName === 'article') {
        const length = textLength(node);
        if (length > bestLength) {
          best = node;
          bestLength = length;
        }
      } else if (
        !main &&
        (node.tagName === 'main' || words(node.properties['role']).includes('main'))
      ) {
        main = node;
      }
      visit(node.children);
    }
  };
  visit(root.children);
  return best ?? main;
}

/** Ancestors of `target` (inclusive), for exempting the story's containers. */
export function ancestorsOf(root: Root, target: Element): Set<Element> {
  const path: Element[] = [];
  const found = (nodes: readonly (RootContent | ElementContent)[]): boolean => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      path.push(node);
      if (node === target || found(node.children)) return true;
      path.pop();
    }
    return false;
  };
  found(root.children);
  return new Set(path);
}
