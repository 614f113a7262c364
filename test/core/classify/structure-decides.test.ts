import { describe, expect, it } from 'vitest';
import { modelFromTexts } from '../../../src/core/index.js';
import { expectContent, expectKind, line } from './classify-helpers.js';

/**
 * Structure decides in Markdown and HTML: a line of a paragraph, list item or table cell is never
 * a heading or boilerplate by its own shape; headings are heading nodes. What a whole block says
 * can still make it boilerplate. Plain text keeps the shape rules.
 */

// The shape of pino-abstract-transport's README around its line 69: a paragraph wrapped so that
// its second line reads like a label ("…, it emits the following events:").
const EVENTS = [
  '# stream-kit',
  '',
  '#### Events emitted',
  '',
  'In addition to all events emitted by a [`Readable`](https://nodejs.org/api/stream.html)',
  'stream, it emits the following events:',
  '',
  '* `unknown` where an unparsable line is found, both the line and the error are emitted.',
  '',
  'You can pipeline multiple transports:',
  '',
  '```js',
  'pipeline(a, b)',
  '```',
  '',
  'MIT',
  '',
].join('\n');

describe('structure decides what a line of Markdown or HTML is', () => {
  const model = modelFromTexts([{ file: 'events.md', text: EVENTS }], { topics: false });

  it('keeps a wrapped line of a paragraph in its paragraph, and headings are the heading nodes', () => {
    expectKind(model.lines, 'events.md', [1, 3], 'heading');
    expectContent(model.lines, 'events.md', [5, 6, 8, 10, 16]);
    const sentence = model.sentences.find((s) => s.file === 'events.md' && s.lines.start === 5)!;
    expect(sentence.text).toBe(
      'In addition to all events emitted by a Readable stream, it emits the following events:',
    );
    expect(sentence.lines).toEqual({ start: 5, end: 6 });
  });

  it('still reads a line of plain text by its shape', () => {
    // The same text as plain lines (markup stripped), in a corpus of its own.
    const plain = modelFromTexts(
      [{ file: 'events.txt', text: EVENTS.replace(/[`#*[\]]|\(https:[^)]*\)/gu, '') }],
      { topics: false },
    );
    expectKind(plain.lines, 'events.txt', [6, 10], 'heading');
  });

  it('judges a block by what it says as a whole, and each line set apart by a hard break alone', () => {
    const notes = modelFromTexts(
      [
        {
          file: 'notes.md',
          text: [
            '# People to ask',
            '',
            'Priya Raman knows the alerting setup best.  ',
            'For anything about billing, write to <billing@example.org>.',
            '',
            '*Idle cranes at the terminal. Photo: Lena Berg for Coastline News*',
            '',
            'The schema is validated when the service starts. It rejects unknown keys,',
            'so a typo in a key fails the deploy instead of being ignored.',
            '',
          ].join('\n'),
        },
      ],
      { topics: false },
    );
    expectContent(notes.lines, 'notes.md', [3, 8, 9]);
    expectKind(notes.lines, 'notes.md', [4], 'boilerplate', ['call-to-action']);
    expectKind(notes.lines, 'notes.md', [6], 'boilerplate', ['photo-credit']);
  });

  it('reads the markers of admonitions (container fences, GitHub alerts) as markup, not as text of a sentence', () => {
    const guide = modelFromTexts(
      [
        {
          file: 'guide.md',
          text: [
            '# Guide',
            '',
            '::: tip Detecting the bundler',
            'A plugin can detect the bundler from the version field in its build hook.',
            ':::',
            '',
            '> [!IMPORTANT]',
            '> If you rely on specific bundler options, you might need to adjust your config.',
            '',
          ].join('\n'),
        },
      ],
      { topics: false },
    );
    expectKind(guide.lines, 'guide.md', [3, 5, 7], 'boilerplate', ['markup']);
    expect(guide.sentences.map((s) => s.text)).toEqual([
      'A plugin can detect the bundler from the version field in its build hook.',
      'If you rely on specific bundler options, you might need to adjust your config.',
    ]);
  });

  it('judges a wrapped paragraph by repetition as a whole: a line it shares with an unrelated file never cuts its sentence', () => {
    const shared = (name: string, what: string) =>
      [
        `# ${name}`,
        '',
        'Projects maintained by the harbour software collective are compatible with the maintained',
        `versions of the runtime, and ${name} ${what}.`,
        '',
      ].join('\n');
    const other = (name: string, what: string) => `# ${name}\n\nThe ${name} ${what}.\n`;
    const model = modelFromTexts(
      [
        { file: 'ferry-times.md', text: shared('ferry-times', 'parses timetables of ferries') },
        { file: 'crane-log.md', text: shared('crane-log', 'reads the logs of harbour cranes') },
        { file: 'bakery.md', text: other('bakery', 'on Mill Street bakes rye bread at six') },
        { file: 'choir.md', text: other('choir', 'rehearses on Thursdays in the old school') },
        { file: 'library.md', text: other('library', 'lends bicycles as well as books') },
      ],
      { topics: false },
    );
    for (const file of ['ferry-times.md', 'crane-log.md']) {
      const sentence = model.sentences.find((s) => s.file === file);
      expect(sentence?.lines, file).toEqual({ start: 3, end: 4 });
    }
  });

  it('leaves out of sentences an appeal that shares its line with the story (a page saved as one line)', () => {
    const page = modelFromTexts(
      [
        {
          file: 'page.html',
          text:
            '<html><body><article><h1>Bridge closed</h1><p>The Old Harbour Bridge closed on Monday after engineers found cracked bearings.</p>' +
            '<p>Support our journalism: we need your help to keep reporting, donate today.</p>' +
            '<p>Repairs are expected to take six weeks, the transport department said.</p></article></body></html>',
        },
      ],
      { topics: false },
    );
    expect(line(page.lines, 'page.html', 1).kind).toBe('content');
    expect(page.sentences.map((s) => s.text)).toEqual([
      'The Old Harbour Bridge closed on Monday after engineers found cracked bearings.',
      'Repairs are expected to take six weeks, the transport department said.',
    ]);
  });

  it('reads the paragraphs of a header and the elements named as titles as headings', () => {
    const page = modelFromTexts(
      [
        {
          file: 'story.html',
          text: [
            '<html><body>',
            '<div class="site-title"><a href="/">Harbour Notes</a> - a blog about the quay</div>',
            '<article>',
            '<header><h1>Bridge closed</h1>',
            '<p>Traffic diverted as engineers assess the crossing</p></header>',
            '<p>The Old Harbour Bridge closed on Monday after engineers found cracked bearings.</p>',
            '</article></body></html>',
          ].join('\n'),
        },
      ],
      { topics: false },
    );
    expectKind(page.lines, 'story.html', [2, 4, 5], 'heading');
    expectContent(page.lines, 'story.html', [6]);
  });
});
