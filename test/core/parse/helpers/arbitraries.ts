/**
 * fast-check generators of Markdown and HTML documents full of the constructs whose
 * offsets are easy to get wrong: entities, escapes, links of every form, emphasis, inline
 * code, hard and soft breaks, nested lists and quotes, CRLF, astral characters, tabs.
 *
 * Link targets, image URLs and alt texts contain `zz` markers that must never reach the
 * rendered text of a block.
 */
import fc from 'fast-check';

const words = fc.constantFrom(
  'alpha',
  'Beta',
  'gamma.',
  'déjà',
  'naïve',
  '😀',
  '日本語',
  'x\ty',
  'end!',
  '42',
  'a_b',
  'Mr.',
  'e.g.',
  '“quoted”',
  'it’s',
  '🇳🇴',
  'a*b',
  '#tag',
  '(paren)',
);
const phrase = fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

const entity = fc.constantFrom(
  '&amp;',
  '&#8217;',
  '&nbsp;',
  '&copy;',
  '&#x1F600;',
  '&#128512;',
  '&lt;',
  '&unknown;',
  '& ',
  '&#0;',
  '&NotEqualTilde;',
  '&#x110000;',
);
const escape = fc.constantFrom('\\*', '\\[', '\\&', '\\\\', '\\_', '\\#', '\\`', '\\.', '\\!');

const mdInline = fc.oneof(
  { weight: 6, arbitrary: phrase },
  { weight: 2, arbitrary: entity },
  { weight: 2, arbitrary: escape },
  { weight: 2, arbitrary: phrase.map((p) => `[${p}](https://zzurl.example/a.b "Title")`) },
  { weight: 1, arbitrary: phrase.map((p) => `[${p}][ref1]`) },
  { weight: 1, arbitrary: phrase.map((p) => `[${p}][]`.replace(/\[([^\]]*)\]\[\]/u, '[ref1][]')) },
  { weight: 1, arbitrary: fc.constant('<https://auto.example/x.y>') },
  { weight: 1, arbitrary: fc.constant('www.literal.example/p.q') },
  { weight: 2, arbitrary: phrase.map((p) => `*${p}*`) },
  { weight: 1, arbitrary: phrase.map((p) => `**${p}**`) },
  { weight: 1, arbitrary: phrase.map((p) => `~~${p}~~`) },
  { weight: 2, arbitrary: fc.constantFrom('`a.b()`', '``x ` y``', '` spaced `') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '![zzalt](zzimg.png)',
      '[![zzalt](zzimg.svg)](https://zzurl.example)',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('<b>bold</b>', '<br>', '<span class="zzattr">s</span>') },
  { weight: 1, arbitrary: fc.constantFrom('  \n', '\\\n', '\n', '\t') },
  { weight: 1, arbitrary: fc.constant('[^n1]') },
);

const mdLine = fc
  .array(mdInline, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(' ').replace(/^\s+|\s+$/gu, '') || 'word');
const mdParagraph = fc
  .array(mdLine, { minLength: 1, maxLength: 3 })
  .map((lines) => lines.join('\n'));

const indent = (text: string, prefix: string): string =>
  text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');

const mdBlock: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: mdParagraph },
    { weight: 1, arbitrary: mdLine.map((l) => `## ${l.replace(/\n/gu, ' ')}`) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(mdParagraph, fc.option(tie('block'), { nil: undefined })), {
          minLength: 1,
          maxLength: 3,
        })
        .map((items) =>
          items
            .map(
              ([p, nested]) =>
                `- ${indent(p, '  ').slice(2)}${nested ? '\n\n' + indent(nested, '  ') : ''}`,
            )
            .join('\n'),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(mdParagraph, { minLength: 1, maxLength: 3 })
        .map((items) => items.map((p, i) => `${i + 1}. ${indent(p, '   ').slice(3)}`).join('\n')),
    },
    { weight: 2, arbitrary: tie('block').map((b) => indent(b, '> ')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '```ts\nconst a = "x.y"; // A sentence. Another one.\n\tindented();\n```',
        '    indented code. Looks like prose.',
        '~~~\n&amp; \\* raw\n~~~',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '| a | b \\| c |\n|---|---|\n| 1 &amp; 2 | `x` |',
        '<details>\n<summary>More</summary>\n\nInside *details*.\n\n</details>',
        '---',
        '[ref1]: https://zzurl.example/ref "T"',
      ),
    },
  ),
})).block;

/** A Markdown document with optional front matter, a reference definition and CRLF endings. */
export const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.array(mdBlock, { minLength: 1, maxLength: 6 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([front, blocks, crlf, lone]) => {
    const body =
      (front ? '---\ntitle: x\n---\n\n' : '') +
      blocks.join('\n\n') +
      '\n\n[ref1]: https://zzurl.example/ref\n\n[^n1]: A footnote with *emphasis*.\n';
    return crlf ? body.replace(/\n/gu, lone ? '\r' : '\r\n') : body;
  });

const htmlEntity = fc.constantFrom(
  '&amp;',
  '&amp',
  '&#8217;',
  '&nbsp;',
  '&copy 2024',
  '&rsquo',
  '&notit;',
  '&#128;',
  '&#x110000;',
  '&#0;',
  '&bogus;',
  '&#x1F600;',
  '&lt;b&gt;',
  '&AMP;',
  '&#39;',
  '&#65',
  '&',
);
const htmlText = fc.oneof(
  { weight: 5, arbitrary: phrase },
  { weight: 2, arbitrary: htmlEntity },
  { weight: 1, arbitrary: fc.constantFrom('  \n   ', '\t', '\r\n', ' ') },
);
const htmlInline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: htmlText },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'a href="https://zzurl.example/a.b"',
            'em',
            'strong',
            'span',
            'code',
            'b',
          ),
          tie('inline'),
        )
        .map(([t, c]) => `<${t}>${c}</${t.split(' ')[0]}>`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<br>',
        '<img src="zzimg.png" alt="zzalt">',
        '<button>zzbutton</button>',
        '<script>zzscript.a()</script>',
      ),
    },
  ),
})).inline;
const htmlInlines = fc.array(htmlInline, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));

const htmlBlock: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: htmlInlines.map((t) => `<p>${t}</p>`) },
    { weight: 1, arbitrary: htmlInlines },
    { weight: 1, arbitrary: htmlInlines.map((t) => `<h2>${t}</h2>`) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(htmlInlines, fc.option(tie('block'), { nil: undefined })), {
          minLength: 1,
          maxLength: 3,
        })
        .map((items) => `<ul>${items.map(([t, n]) => `<li>${t}${n ?? ''}</li>`).join('\n')}</ul>`),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(tie('block'), { minLength: 1, maxLength: 3 })
        .map((b) => `<div class="zzwrap">\n${b.join('\n')}\n</div>`),
    },
    { weight: 1, arbitrary: tie('block').map((b) => `<blockquote>${b}</blockquote>`) },
    { weight: 1, arbitrary: htmlInlines.map((t) => `<nav>${t}</nav>`) },
    { weight: 1, arbitrary: htmlInlines.map((t) => `<div class="cookie-banner">${t}</div>`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<pre>\n  x &lt; y\n\tz</pre>',
        '<table><tr><td>1 &amp; 2</td><td>b</td></tr></table>',
        '<hr>',
        '<p>unclosed <b>bold<p>next',
        '<b><p>misnested</b> text</p>',
      ),
    },
  ),
})).block;

/** An HTML page with a head, furniture, and an `<article>` (or not) around random blocks. */
export const htmlDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(htmlText, { minLength: 1, maxLength: 4 }).map((t) => t.join('')),
    fc.array(htmlBlock, { minLength: 1, maxLength: 6 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([title, blocks, article, crlf]) => {
    const body = article
      ? `<header>Site</header>\n<article>\n${blocks.join('\n')}\n</article>\n<footer>f</footer>`
      : blocks.join('\n');
    const page = `<!doctype html>\n<html><head><title>${title}</title><style>p{}</style></head>\n<body>\n${body}\n</body></html>\n`;
    return crlf ? page.replace(/\n/gu, '\r\n') : page;
  });
