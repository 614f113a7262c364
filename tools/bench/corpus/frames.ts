/**
 * Sentence frames filled in for one article: slots from the story's values, hedged numbers,
 * attributions and quotes, so that the articles of one story word the same facts differently.
 */
import type { Story } from './stories.js';
import type { Rng } from './random.js';
import { capitalize } from './text.js';
import { ATTRIBUTIONS, HEDGES } from './vocabulary.js';

/** Fills `{slot}`, `{Slot}` (capitalised) and `{~slot}` (hedged number) from a story's values. */
export function fill(frame: string, values: Readonly<Record<string, string>>, rng: Rng): string {
  return frame.replace(/\{(~?)([A-Za-z0-9]+)\}/gu, (_, hedge: string, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    let v = values[lower] ?? values[key] ?? key;
    if (hedge) {
      const h = rng.pick(HEDGES);
      v = h ? `${h} ${v}` : v;
    }
    return key.charAt(0) === key.charAt(0).toUpperCase() && /[A-Z]/u.test(key.charAt(0))
      ? capitalize(v)
      : v;
  });
}

/** A fact of a story as one article words it: hedged numbers, perhaps an attribution. */
export function renderFact(
  frame: string,
  story: Story,
  vals: Readonly<Record<string, string>>,
  rng: Rng,
): string {
  let s = fill(frame, vals, rng);
  // Frames that open with a lower-case article ("the …") read as sentences once capitalised.
  s = capitalize(s);
  if (rng.chance(0.4) && s.endsWith('.'))
    s = `${s.slice(0, -1)}, ${fill(rng.pick(ATTRIBUTIONS), vals, rng)}.`;
  return s;
}

/** A quote of the story's spokesperson, attributed in one of three ways. */
export function renderQuote(q: string, vals: Readonly<Record<string, string>>, rng: Rng): string {
  const text = fill(q, vals, rng);
  const who = vals.person!;
  switch (rng.int(0, 2)) {
    case 0:
      return `“${text},” said ${who}, ${vals.role} at ${vals.org}.`;
    case 1:
      return `${who}, the ${vals.role} of ${vals.org}, told reporters: “${text}.”`;
    default:
      return `“${text},” ${who} said in a statement on ${vals.day}.`;
  }
}
