import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/core/classify/index.js';
import { sourceFromText } from '../../../src/core/corpus/index.js';

/**
 * Appeals are short and addressed to the reader: the vocabulary rules (call-to-action, prompts)
 * judge short lines only and read the person of address outside quotations, so quoted speech and
 * paragraphs of prose are never boilerplate by their words alone.
 */

const kinds = (text: string) =>
  classifyLines([sourceFromText('a.txt', text)])
    .get('a.txt')!
    .map((l) => l.kind);

describe('classifyLines on appeals and quoted speech', () => {
  it('keeps newswire-quoted speech that addresses someone as content, on one line or wrapped', () => {
    const quote =
      "``You say we must draw this to a close,'' he said, ``but we will support you only if the talks go on.''";
    expect(kinds(`Talks run late\n\n${quote}\n`)).toEqual(['heading', 'blank', 'content']);
    const wrapped = [
      'The minister spoke to reporters outside the building on Tuesday after the',
      "vote. ``You say we must draw this to a close,'' he said, ``but we will",
      "support you only if the talks go on, and we need your help to get there.''",
      '',
      'The opposition said it would table its own motion in the assembly next week,',
      'and several members of the ruling party said they were minded to back it.',
      '',
      'Officials expect the assembly to vote on both motions before the end of the',
      'month, when the session closes for the summer recess.',
      '',
    ].join('\n');
    expect(kinds(wrapped).filter((k) => k !== 'blank')).toEqual(Array(7).fill('content'));
  });

  it("keeps quoted speech with straight single quotes that speaks to 'you' as content", () => {
    expect(
      kinds("They tell me, 'Oh, we're going to beat you, and you will thank us for it'.\n"),
    ).toEqual(['content']);
  });

  it('keeps a paragraph of several long sentences in the writer’s voice as content, whatever its words', () => {
    const para =
      'We asked residents what the closure meant for them, and many told us that you cannot run a shop on this street without the bridge. ' +
      'Several said they would support the council if it paid for a temporary crossing, and others urged their neighbours to donate to the traders’ fund.';
    expect(kinds(`${para}\n`)).toEqual(['content']);
  });

  it('keeps a whole article saved on one line as content, appeal words and all', () => {
    const article =
      'The harbour council approved the dredging plan on Monday after a two-year dispute with the fishing cooperatives. ' +
      'Fishermen said the work would disturb spawning grounds, and one told the meeting: “You will ruin us if you dredge in spring.” ' +
      'The council said it would support the cooperatives with compensation, and asked residents to sign up for updates on its website. ' +
      'Work is due to start in the autumn and to last about eight months.';
    expect(kinds(`${article}\n`)).toEqual(['content']);
  });

  it('still marks a short appeal to the reader, and a longer one beside its button, as call-to-action', () => {
    const text = [
      'Council to meet on bridge budget',
      '',
      'Please support our independent journalism with a donation today.',
      '',
      'Support us',
      'Our reporting on the harbour is free for everyone to read. We can only keep it that way with your help, so if you value it, please give what you can.',
      '',
    ].join('\n');
    const table = classifyLines([sourceFromText('a.txt', text)]).get('a.txt')!;
    expect(table.map((l) => [l.kind, l.reason])).toEqual([
      ['heading', 'heading'],
      ['blank', 'blank'],
      ['boilerplate', 'call-to-action'],
      ['blank', 'blank'],
      ['boilerplate', 'call-to-action'],
      ['boilerplate', 'call-to-action'],
    ]);
  });

  it('keeps a review sentence that tells readers what they will find as content', () => {
    expect(
      kinds(
        'Explore the area and you will find plenty of pubs where you can eat for a reasonable price.\n',
      ),
    ).toEqual(['content']);
  });
});
