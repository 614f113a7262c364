/**
 * What a Markdown paragraph is made of, from its phrasing nodes: prose, or only images
 * (a badge row, a screenshot), or only links (a table of contents, "Docs · Blog · Chat").
 */
import type { PhrasingContent } from 'mdast';

/** The shape of a paragraph; anything with a word outside a link is `'prose'`. */
export type ParagraphShape = 'prose' | 'badge' | 'image' | 'links' | 'empty';

/** Image URLs of badge services and CI status images. */
const BADGE_URL =
  /shields\.io|badgen\.net|badge|codecov\.io|coveralls\.io|travis-ci|circleci\.com|\/workflows\/|\/actions\/|snyk\.io|bundlephobia|npmjs\.(?:com|org)\/package/iu;
const WORD = /[\p{L}\p{N}]/u;

interface Tally {
  prose: boolean;
  images: number;
  linkedImages: number;
  links: number;
  badgeUrl: boolean;
}

function tally(nodes: readonly PhrasingContent[], t: Tally, inLink: boolean): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (!inLink && WORD.test(node.value)) t.prose = true;
        break;
      case 'inlineCode':
        if (!inLink) t.prose = true;
        break;
      case 'image':
        if (BADGE_URL.test(node.url)) t.badgeUrl = true;
        if (inLink) t.linkedImages++;
        else t.images++;
        break;
      case 'imageReference':
        if (inLink) t.linkedImages++;
        else t.images++;
        break;
      case 'link':
      case 'linkReference': {
        const before = t.linkedImages;
        tally(node.children, t, true);
        if (t.linkedImages === before) t.links++;
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
        tally(node.children, t, inLink);
        break;
      default:
        break; // break, html, footnoteReference: neither prose nor link
    }
  }
}

/**
 * Classifies a paragraph by its phrasing content.
 *
 * - `badge`: only images, at least one linked or from a badge service, or two or more
 *   (a row of shields); text links beside them are allowed.
 * - `image`: one bare image (alt text is not prose).
 * - `links`: only links with separators between them (navigation, a table of contents).
 * - `empty`: nothing visible (only inline HTML tags or footnote references).
 * @example
 * shapeOfParagraph(fromMarkdown('[![npm](https://img.shields.io/npm/v/x)](u)').children[0].children) // 'badge'
 */
export function shapeOfParagraph(nodes: readonly PhrasingContent[]): ParagraphShape {
  const t: Tally = { prose: false, images: 0, linkedImages: 0, links: 0, badgeUrl: false };
  tally(nodes, t, false);
  if (t.prose) return 'prose';
  const pictures = t.images + t.linkedImages;
  if (pictures > 0)
    return t.linkedImages > 0 || pictures > 1 || t.badgeUrl || t.links > 0 ? 'badge' : 'image';
  if (t.links > 0) return 'links';
  return 'empty';
}
