import { describe, expect, it } from 'vitest';
import { quoteSpans, unquoted } from '../../../src/core/classify/index.js';

/** Quotation spans in every convention, so the person of address is read outside them. */

/** The quoted parts of a text, as strings. */
const quoted = (text: string) => quoteSpans(text).map(([a, b]) => text.slice(a, b));

describe('quoteSpans', () => {
  it.each([
    ['curly double', 'He said “we will help you” and left.', ['“we will help you”']],
    ['curly single', 'He said ‘we will help you’ and left.', ['‘we will help you’']],
    ['straight double', 'He said "we will help you" and left.', ['"we will help you"']],
    [
      'straight single',
      "They tell me, 'Oh, we're going to beat you'",
      ["'Oh, we're going to beat you'"],
    ],
    [
      'newswire',
      "``You say we must draw this to a close,'' he said.",
      ["``You say we must draw this to a close,''"],
    ],
    ['LaTeX single', "The `gate' is open, you know.", ["`gate'"]],
    ['French', '« Nous vous aidons » a-t-il dit.', ['« Nous vous aidons »']],
    ['German', 'Er sagte: „Wir helfen euch“ und ging.', ['„Wir helfen euch“']],
    ['Danish', '»Vi hjælper jer«, sagde han.', ['»Vi hjælper jer«']],
  ])('reads %s quotation marks', (_name, text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });

  it('nests a single quotation inside a double one and keeps the outer span', () => {
    expect(quoted('“Then she said ‘you must go’ to us,” he recalled.')).toEqual([
      '“Then she said ‘you must go’ to us,”',
    ]);
  });

  it('spans the sentences of one quotation and sees two quotations apart', () => {
    const text = '“We call on you. Stop now,” 26 groups said. “You must act,” they added.';
    expect(quoted(text)).toEqual(['“We call on you. Stop now,”', '“You must act,”']);
  });

  it('runs a quotation left open to the end of the text, and one closed before any opened from its start (the lines of one paragraph)', () => {
    expect(quoted('The minister said: “We will not leave you behind. Not now')).toEqual([
      '“We will not leave you behind. Not now',
    ]);
    expect(quoted("and we will win,'' the minister said. You know it.")).toEqual([
      "and we will win,''",
    ]);
  });

  it('takes apostrophes and possessives for what they are, not quotation marks', () => {
    expect(quoted('Russia’s groups’ statement said you should act.')).toEqual([]);
    expect(quoted("Don't you think we're late?")).toEqual([]);
  });

  it('blanks the quotations out, keeping the length, so only the writer’s voice remains', () => {
    const text = "``You say we must,'' he said.";
    const u = unquoted(text);
    expect(u).toHaveLength(text.length);
    expect(u.trim()).toBe('he said.');
  });
});
