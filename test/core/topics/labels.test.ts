import { describe, expect, it } from 'vitest';
import { cleanTitle, documentTitle } from '../../../src/core/classify/index.js';
import { modelFromTexts } from '../../../src/core/index.js';
import { isReaderLabel } from '../../../src/core/topics/label-shape.js';

/** The title `documentTitle` reads from one file of a model built from it alone. */
function titleOf(file: string, text: string): string | undefined {
  const model = modelFromTexts([{ file, text }], { topics: false });
  return documentTitle(model.byId.get(file)!, model.lines.get(file)!);
}

const BODY =
  '\n\nThe harbour crane lifts containers of up to forty tonnes from the quay.\n\nIt runs on electricity from the harbour grid since the refit in March.\n';

describe('the title of a document', () => {
  it('is the only first-level heading of a Markdown file, rendered, its badges resolved away', () => {
    expect(
      titleOf(
        'crane.md',
        `# crane-lift [![ci][ci-badge]][ci]${BODY}\n[ci]: https://ci.example/crane\n[ci-badge]: https://ci.example/crane.svg\n`,
      ),
    ).toBe('crane-lift');
    expect(titleOf('crane.md', `Harbour *Crane*\n===============${BODY}`)).toBe('Harbour Crane');
    expect(titleOf('crane.md', `<h1 align="center">Harbour crane</h1>${BODY}`)).toBe(
      'Harbour crane',
    );
  });

  it('is the title of the front matter when the file has one', () => {
    expect(titleOf('crane.md', `---\ntitle: "Operating the crane"\n---\n\n## Setup${BODY}`)).toBe(
      'Operating the crane',
    );
  });

  it('is no section name: a file of several first-level headings, or one that opens with a second-level heading, has none', () => {
    expect(titleOf('crane.md', `# Installation${BODY}\n# Summary${BODY}`)).toBeUndefined();
    expect(titleOf('crane.md', `## Usage${BODY}`)).toBeUndefined();
  });

  it("is an HTML page's h1, else its <title> without the site's name", () => {
    expect(
      titleOf(
        'crane.html',
        '<html><head><title>Crane guide | Harbour Docs</title></head><body><main><h1>Operating the crane</h1><p>The harbour crane lifts containers of up to forty tonnes.</p></main></body></html>',
      ),
    ).toBe('Operating the crane');
    expect(
      titleOf(
        'crane.html',
        '<html><head><title>Crane guide | Harbour Docs</title></head><body><main><p>The harbour crane lifts containers of up to forty tonnes.</p></main></body></html>',
      ),
    ).toBe('Crane guide');
  });

  it("is a plain-text article's headline, without a date stamp or a version", () => {
    expect(
      titleOf(
        'a.txt',
        `2005/01/08 Harbour crane back in service after refit${BODY.replace(/\n\n/gu, '\n')}`,
      ),
    ).toBe('Harbour crane back in service after refit');
    expect(cleanTitle('lodash.chunk v4.2.0')).toBe('lodash.chunk');
    expect(cleanTitle('🚀 Fastify:')).toBe('Fastify');
  });
});

describe('a label a reader would write', () => {
  it('is none of the kinds seen on documentation folders', () => {
    for (const bad of [
      'b. Eg',
      'SOFTWARE',
      'v0.8.0',
      'chalk, world, underline',
      'unrounded, rounded, function',
      'app.HTTP_METHOD',
      'hot src/index.ts',
      'x86_64-unknown-linux-gnu',
      'MIT license',
      'URL',
      'PROCUREMENT OF SUBSTITUTE GOODS',
      'isMatch',
      'security.md in micromark/.github',
      'Node.js 12.20',
      'Version 0.4.2',
      'mdast-util-gfm',
      'russia-intensifies-internet-crackdown',
    ])
      expect(isReaderLabel(bad), bad).toBe(false);
    for (const good of [
      'Terminal string styling',
      'WhatsApp and Telegram',
      'Node.js',
      'magic-string',
      'Russia Intensifies Internet Crackdown, Restricts Calls on WhatsApp and Telegram',
      'EU copyright reform',
      'GNU glibc and MUSL libc',
      'Vite 4.3 is out',
      'Server-Side Rendering (SSR)',
    ])
      expect(isReaderLabel(good), good).toBe(true);
  });
});

const crane = (n: number, extra: string) =>
  [
    `# Harbour crane ${['refit', 'inspection', 'repairs'][n]}`,
    '',
    `The harbour crane on the east quay ${extra}.`,
    '',
    'The harbour crane lifts containers of up to forty tonnes from ships at the east quay.',
    '',
    'The port authority bought the harbour crane from a Finnish maker in 2009 for the container trade.',
    '',
    'Dock workers operate the harbour crane in two shifts, and the crane stops in strong winds.',
    '',
  ].join('\n');

/** A document of another story, so that what the crane documents share sets them apart. */
const BAKERY = {
  file: 'bakery.md',
  text: '# Bakery notes\n\nThe bakery on Mill Street opens at six and sells rye bread baked in a wood oven.\n\nIts owner trained in Lyon and buys flour from two farms in the valley.\n',
};

describe('story labels', () => {
  it('name a story of one document by its title', () => {
    const model = modelFromTexts([
      {
        file: 'crane.md',
        text: `# Harbour crane operations${BODY}`,
      },
    ]);
    expect(model.stories.map((s) => s.topic.label)).toEqual(['Harbour crane operations']);
  });

  it("name a story by its most central document's title when the title names what its documents share, else by a phrase", () => {
    const shared = modelFromTexts([
      ...[0, 1, 2].map((n) => ({
        file: `${n}.md`,
        text: crane(n, ['was refitted in March', 'passed its inspection', 'needs new cables'][n]!),
      })),
      BAKERY,
    ]);
    expect(shared.stories.map((s) => s.files.length)).toEqual([3, 1]);
    expect(shared.stories[0]!.topic.label).toMatch(/^Harbour crane (?:refit|inspection|repairs)$/u);
    expect(shared.stories[1]!.topic.label).toBe('Bakery notes');
    // Titles that name something only one document is about do not name the story (the bodies
    // differ, so the documents are no whole copies of one another).
    const unshared = modelFromTexts([
      ...[0, 1, 2].map((n) => ({
        file: `${n}.md`,
        text: crane(
          n,
          ['was refitted in March', 'passed its inspection', 'needs new cables'][n]!,
        ).replace(/^# .*$/mu, `# ${['Budget notes', 'Weekly log', 'Staff rota'][n]}`),
      })),
      BAKERY,
    ]);
    expect(unshared.stories.map((s) => s.files.length)).toEqual([3, 1]);
    expect(['Budget notes', 'Weekly log', 'Staff rota']).not.toContain(
      unshared.stories[0]!.topic.label,
    );
  });

  it('are never a comma list of keywords, and every story and facet label of the seeds reads as one a reader would write', async () => {
    const fragments = modelFromTexts([
      { file: 'a.txt', text: 'chalk world underline.\nchalk world underline red.\n' },
    ]);
    for (const s of fragments.stories) expect(s.topic.label).not.toMatch(/,/u);
    const { loadCorpus, buildModel } = await import('../../../src/core/index.js');
    const seeds = buildModel(await loadCorpus('data'));
    for (const s of seeds.stories)
      for (const t of [s.topic, ...s.facets.map((f) => f.topic)])
        expect(isReaderLabel(t.label), t.label).toBe(true);
  });
});
