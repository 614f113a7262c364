import { describe, expect, it } from 'vitest';
import { analyze, hasShape, SHAPE, type ShapeFlag, shapeOf } from '../../../src/core/text/index.js';

/** The flags of one sentence, read on its own. */
function flags(sentence: string): ShapeFlag[] {
  const t = analyze(sentence);
  const shape = shapeOf(t, 0, t.values.length - 1);
  return (Object.keys(SHAPE) as ShapeFlag[]).filter((f) => hasShape(shape, f));
}

describe('readability flags of a sentence', () => {
  it('reads a plain statement as needing nothing around it', () => {
    expect(flags('The harbour council approved the new ferry budget on Monday.')).toEqual([]);
    expect(flags('In Bergen, the harbour council approved the budget.')).toEqual([]);
    expect(flags('In a statement, the ferry company welcomed the vote.')).toEqual([]);
  });

  it('flags an opening connective: a coordinating conjunction, an adverb or a bare prepositional phrase before a comma', () => {
    expect(flags('But the ferry company rejected the new timetable.')).toEqual(['connective']);
    expect(flags('However, the ferry company rejected the new timetable.')).toEqual(['connective']);
    expect(flags('In contrast, the ferry company rejected the new timetable.')).toEqual([
      'connective',
    ]);
    expect(flags('At the same time, the ferry company rejected the timetable.')).toEqual([
      'connective',
    ]);
  });

  it('flags an opening third-person or demonstrative pronoun, also after an opening phrase or a quotation', () => {
    expect(flags('He rejected the new ferry timetable on Monday.')).toEqual(['pronoun']);
    expect(flags('Its owners rejected the new ferry timetable.')).toEqual(['pronoun']);
    expect(flags('This was the third vote on the ferry timetable.')).toEqual(['pronoun']);
    expect(flags('On Monday, she rejected the new ferry timetable.')).toEqual(['pronoun']);
    expect(flags('“We cannot run boats on that timetable,” he said.')).toEqual(['pronoun']);
    expect(flags('“We cannot run boats on that timetable,” the captain said.')).toEqual([]);
  });

  it('does not take the expletive "it" of "it is expected that" for a pronoun', () => {
    expect(flags('It is expected that the ferry will run again in May.')).toEqual([]);
    expect(flags('It sank near the harbour entrance in the storm.')).toEqual(['pronoun']);
  });

  it('flags fragments: no verb, no verb outside the quotation, a lower-case opening, a participle clause without a main clause', () => {
    expect(flags('A new timetable for the island ferries.')).toEqual(['fragment']);
    // A name, a dash and a quotation: a fragment, and a definition item's shape too.
    expect(flags('Ferry union - “strike will go ahead on Friday.”')).toEqual([
      'fragment',
      'definition',
    ]);
    expect(flags('“The strike will go ahead on Friday.”')).toEqual(['fragment']);
    expect(flags('the ferry left the harbour two hours late.')).toEqual(['fragment']);
    expect(flags('Saying the timetable “ignores the islanders who depend on it.”')).toEqual([
      'fragment',
    ]);
    expect(flags('Initially thought to have been lost in the storm.')).toEqual(['fragment']);
  });

  it('keeps a participle opening that a main clause follows, and a participle that modifies a noun', () => {
    expect(flags('Speaking to reporters, the captain said the ferry was safe.')).toEqual([]);
    expect(flags('Promised repairs to the ferry have been delayed again.')).toEqual([]);
  });

  it('flags quotation marks that do not pair up, in curly, straight and newswire styles', () => {
    expect(flags('The captain said “the ferry is safe to sail.')).toEqual(['unbalancedQuotes']);
    expect(flags('The captain said "the ferry is safe to sail.')).toEqual(['unbalancedQuotes']);
    expect(flags('The captain said ``the ferry is safe to sail.')).toEqual(['unbalancedQuotes']);
    expect(flags("The captain said ``the ferry is safe to sail.''")).toEqual([]);
    expect(flags('The islanders’ ferry left the harbour at noon.')).toEqual([]);
  });

  it('flags relative time with no date beside it, and not a dated one', () => {
    expect(flags('The ferry left the harbour today after the storm.')).toEqual(['relativeTime']);
    expect(flags('The ferry company raised its fares last year.')).toEqual(['relativeTime']);
    expect(flags('On this day the first ferry crossed the fjord.')).toEqual(['relativeTime']);
    expect(flags('The ferry sank two weeks ago near the harbour.')).toEqual(['relativeTime']);
    expect(flags('The ferry company raised its fares last year, on March 5.')).toEqual([]);
    expect(flags('The ferry company raised its fares in 2024.')).toEqual([]);
  });

  it('flags an opening adverbial connective without a comma, and not a time adverb', () => {
    expect(flags('Then an HTTP server will be launched.')).toEqual(['connective']);
    expect(flags('Instead the council voted to repair the old ferry.')).toEqual(['connective']);
    expect(flags('Now the council has voted to repair the old ferry.')).toEqual([]);
  });

  it('flags a sentence that ends with a colon as an intro to what follows it', () => {
    expect(flags('Installation is done using the npm install command:')).toEqual(['intro']);
    expect(
      flags('Ajv implements the JSON Schema standards (draft-04 is supported in v6):'),
    ).toEqual(['intro']);
    expect(flags('The ferry company said: “We will sail on Friday.”')).toEqual([]);
  });

  it('flags a definition-list item whose explanation is no sentence, and keeps one that is', () => {
    expect(flags('"array" - in addition to coercions between scalar types, coerce data.')).toEqual([
      'definition',
    ]);
    expect(flags('[String] - an array of unknown format names that will be ignored.')).toEqual([
      'definition',
    ]);
    expect(flags('"all" - all additional properties are removed from the data.')).toEqual([
      'definition',
    ]);
    expect(flags('Note: using it anywhere is a terrible idea.')).toContain('definition');
    expect(flags('Object - the parsed options, each key is the name of an option.')).toEqual([
      'definition',
    ]);
    expect(flags('Update: The bridge reopened to traffic on Monday evening.')).not.toContain(
      'definition',
    );
    expect(flags('Strict mode: When enabled, the parser rejects unknown keys.')).toEqual([]);
  });

  it('does not take an aside between two dashes or a reported statement for a definition', () => {
    expect(flags('Mr Smith - the former minister - said he would resign.')).toEqual([]);
    expect(flags('Police said: the man was arrested near the harbour.')).toEqual([]);
  });
});
